package io.wkforge.stages.train;

import io.wkforge.stages.model.SafeTensors;
import io.wkforge.stages.model.Tensor;
import io.wkforge.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state after a finished epoch, in ONE safetensors file in the task's work folder, replaced
 * atomically after every epoch: the weights ({@code model/...}), the optimizer state
 * ({@code opt<i>/...}), the best epoch's weights ({@code best/...}, when that was an earlier
 * epoch) and, as metadata, the history of every epoch so far. A run killed at any point finds
 * either the previous epoch's file or this one, never half of one.
 *
 * @param epoch the last finished epoch (counted from 1)
 * @param weights the network after that epoch
 * @param bestWeights the best epoch's weights; null when it is {@code epoch} itself
 * @param stopped true when training ended early (patience) and only the outputs are left to write
 */
record Checkpoint(int epoch, Map<String, Tensor> weights, Map<String, Tensor> optimizerState, Map<String, Object> optimizerScalars,
                  Map<String, Tensor> bestWeights, List<EpochResult> history, boolean stopped) {
    static final String FILE_NAME = "checkpoint.safetensors";
    private static final int VERSION = 1;

    void save(Path workDir) throws IOException {
        Map<String, Tensor> all = new LinkedHashMap<>();
        weights.forEach((k, v) -> all.put("model/" + k, v));
        optimizerState.forEach(all::put);
        if (bestWeights != null) bestWeights.forEach((k, v) -> all.put("best/" + k, v));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("version", VERSION);
        meta.put("epoch", epoch);
        meta.put("stopped", stopped);
        meta.put("optimizer", optimizerScalars);
        meta.put("history", history.stream().map(EpochResult::toJson).toList());
        Path tmp = workDir.resolve(FILE_NAME + ".tmp");
        SafeTensors.write(tmp, all, Map.of("wkforge_checkpoint", Json.writeCompact(meta)));
        Files.move(tmp, workDir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * What the epoch loop still needs once the network and the optimizer hold the weights and
     * the state: the history and the best weights (one copy instead of up to three, 45 MB each).
     */
    Checkpoint forEpochLoop() {
        return new Checkpoint(epoch, Map.of(), Map.of(), optimizerScalars, bestWeights != null ? bestWeights : weights, history, stopped);
    }

    /** The checkpoint in the work folder, or null when there is none (or it is unreadable). */
    static Checkpoint load(Path workDir) throws IOException {
        Path file = workDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) return null;
        String metaText = SafeTensors.readMetadata(file).get("wkforge_checkpoint");
        if (metaText == null) return null;
        Map<?, ?> meta = (Map<?, ?>) Json.read(metaText);
        if (((Number) meta.get("version")).intValue() != VERSION) return null;
        Map<String, Tensor> weights = new LinkedHashMap<>();
        Map<String, Tensor> opt = new LinkedHashMap<>();
        Map<String, Tensor> best = new LinkedHashMap<>();
        SafeTensors.read(file).forEach((k, v) -> {
            if (k.startsWith("model/")) weights.put(k.substring(6), v);
            else if (k.startsWith("best/")) best.put(k.substring(5), v);
            else opt.put(k, v);
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> scalars = (Map<String, Object>) meta.get("optimizer");
        List<EpochResult> history = ((List<?>) meta.get("history")).stream().map(o -> EpochResult.fromJson((Map<?, ?>) o)).toList();
        return new Checkpoint(((Number) meta.get("epoch")).intValue(), weights, opt, scalars, best.isEmpty() ? null : best, history,
                Boolean.TRUE.equals(meta.get("stopped")));
    }
}
