package io.wkforge.stages.train;

import io.wkforge.lang.model.ClassDef;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.run.FileInspector;
import io.wkforge.stages.model.WeightsFile;
import io.wkforge.util.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code wkforge inspect} on a weight file ({@code train.pretrained}): its format, the layout
 * found, every tensor with shape and dtype, the class count and names, and, against a recipe,
 * why it cannot start that recipe's network. Reads the file's header only (no tensor data).
 */
public final class WeightsInspector implements FileInspector {

    @Override
    public String kind() {
        return "ResNet-18 weights (torch.save .pth, safetensors, numpy .npz, TorchScript)";
    }

    @Override
    public boolean recognises(byte[] head) {
        if (head.length >= 9 && head[8] == '{') return true; // safetensors: 8-byte header length, then JSON
        if (head.length >= 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5) return true; // legacy torch.save pickle
        if (head.length >= 30 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            int nameLength = (head[26] & 0xff) | (head[27] & 0xff) << 8;
            String first = new String(head, 30, Math.min(nameLength, head.length - 30), StandardCharsets.UTF_8);
            return first.endsWith(".npy") || first.contains("/"); // npz arrays, or the folder torch.save and TorchScript use
        }
        return false;
    }

    @Override
    public Outcome inspect(Path file, Optional<EffectiveRecipe> against, boolean json, PrintStream out, PrintStream err) throws IOException {
        WeightsFile wf;
        try {
            wf = WeightsFile.open(file, false);
        } catch (IOException e) {
            if (json) out.println(Json.write(Map.of("file", file.toString(), "usable", false, "problem", e.getMessage())));
            err.println(file + " " + e.getMessage());
            return Outcome.UNREADABLE;
        }
        String problem = null;
        if (against.isPresent()) {
            List<ClassDef> classes = new ArrayList<>(against.get().classes());
            classes.sort(Comparator.comparingInt(ClassDef::index));
            problem = PretrainedWeights.problem(wf, classes, against.get().setting("train.epochs").asInt());
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", file.toString());
            m.put("format", wf.format());
            m.put("layout", wf.layout());
            m.put("class_count", wf.classCount() < 0 ? null : wf.classCount());
            m.put("class_names", wf.classNames());
            List<Object> tensors = new ArrayList<>();
            wf.infos().forEach((name, info) -> {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("name", name);
                List<Object> shape = new ArrayList<>();
                for (long d : info.shape()) shape.add(d);
                t.put("shape", shape);
                t.put("dtype", info.dtype());
                tensors.add(t);
            });
            m.put("tensors", tensors);
            m.put("notes", wf.notes());
            m.put("usable", problem == null);
            m.put("problem", problem);
            out.println(Json.write(m));
        } else {
            out.println(file);
            out.println("  format:   " + wf.format());
            out.println("  layout:   " + wf.layout());
            out.println("  classes:  " + (wf.classCount() < 0 ? "no classifier (fc.weight) found" : String.valueOf(wf.classCount()))
                    + (wf.classNames().isEmpty() ? "" : " (" + String.join(", ", wf.classNames()) + ")"));
            out.println("  tensors:  " + wf.infos().size());
            wf.infos().forEach((name, info) -> out.println("    " + name + " " + info.shapeText() + " " + info.dtype()));
            for (String n : wf.notes()) out.println("  note: " + n);
            if (against.isPresent()) out.println(problem == null ? "  fits the recipe" : "  does not fit the recipe: " + problem);
        }
        if (problem != null) {
            err.println(file + " cannot be used: " + problem);
            return Outcome.DOES_NOT_FIT;
        }
        return Outcome.FITS;
    }
}
