package io.wkforge.stages.train;

import io.wkforge.stages.model.ResNet18Layout.StemPool;
import io.wkforge.stages.model.Tensor;
import io.wkforge.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What imported weights achieve before any training, for {@code model/metrics.json}'s
 * {@code imported} object: the file's sha256 and format, the validation top-1 of the network as
 * the checkpoint was trained (its stem pool, {@code train.pretrained_pool}) and with NNIE's pool
 * (as the board will run it). Kept in the work folder, so a resumed run still reports it.
 */
final class ImportedMetrics {
    static final String FILE_NAME = "imported.json";

    private ImportedMetrics() {}

    static Map<String, Object> measure(PretrainedWeights.Loaded loaded, TrainSettings s, EpochLoop loop, Training training, int valImages,
                                       Path work, TrainLog log, Consumer<String> note) throws IOException, InterruptedException {
        String pool = s.fineTune().pool() != null ? s.fineTune().pool() : loaded.writtenByWkforge() ? "nnie" : "pytorch";
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sha256", loaded.sha256());
        m.put("format", loaded.format());
        m.put("layout", loaded.layout());
        m.put("pretrained_pool", pool);
        m.put("classifier", loaded.classifierKept() ? "kept" : "replaced");
        if (!loaded.classifierKept()) {
            m.put("val_top1_as_trained", null);
            m.put("val_top1_nnie_pool", null);
            m.put("why_not_measured", "the file's classifier is for another class count and was replaced");
        } else {
            EpochLoop.Validation nnie = loop.validate();
            EpochLoop.Validation asTrained = nnie;
            if (pool.equals("pytorch")) {
                training.useStemPool(StemPool.PYTORCH);
                try {
                    asTrained = loop.validate();
                } finally {
                    training.useStemPool(StemPool.NNIE);
                }
            }
            m.put("val_top1_as_trained", asTrained.top1(valImages));
            m.put("val_top1_nnie_pool", nnie.top1(valImages));
            String line = String.format(Locale.ROOT, "pretrained: val top-1 %.2f%% as trained (%s stem pool), %.2f%% with NNIE's pool",
                    100 * asTrained.top1(valImages), pool.equals("pytorch") ? "PyTorch's pad 1 floor" : "NNIE's pad 0 ceil",
                    100 * nnie.top1(valImages));
            log.line(line);
            note.accept(line);
        }
        Files.writeString(work.resolve(FILE_NAME), Json.write(m) + "\n", StandardCharsets.UTF_8);
        return m;
    }

    /** What an earlier run of this task measured (a resumed run), or null. */
    static Map<String, Object> saved(Path work) {
        Path f = work.resolve(FILE_NAME);
        if (!Files.isRegularFile(f)) return null;
        try {
            Object o = Json.read(Files.readString(f, StandardCharsets.UTF_8));
            if (!(o instanceof Map<?, ?> map)) return null;
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@code epochs 0}: the weights as they are, measured on the validation set with NNIE's pool. */
    static EpochLoop.Outcome asIs(EpochLoop loop, int valImages, Map<String, Tensor> weights, TrainLog log, Consumer<String> note)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        EpochLoop.Validation v = loop.validate();
        double seconds = (System.nanoTime() - start) / 1e9;
        EpochResult result = new EpochResult(0, 0, 0, 0, valImages == 0 ? 0 : v.lossSum() / valImages, v.top1(valImages), 0, 0, 0,
                seconds, v.confusion());
        String line = "epochs 0: the pretrained weights are taken as they are (no training)";
        log.line(line);
        note.accept(line);
        return new EpochLoop.Outcome(List.of(), result, weights, false);
    }
}
