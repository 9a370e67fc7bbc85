package io.wkforge.stages.nnie;

import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.plan.Layout;
import io.wkforge.run.FileInspector;
import io.wkforge.stages.common.caffe.CaffeFiles;
import io.wkforge.stages.common.wk.PrototxtNames;
import io.wkforge.stages.common.wk.WkDescription;
import io.wkforge.stages.common.wk.WkExpectation;
import io.wkforge.stages.common.wk.WkFile;
import io.wkforge.stages.common.wk.WkFit;
import io.wkforge.stages.common.wk.WkFormatException;
import io.wkforge.stages.common.wk.WkReader;
import io.wkforge.util.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code wkforge inspect} for NNIE .wk files: the header, and with a recipe whether the file fits it. */
public final class WkInspector implements FileInspector {
    @Override
    public String kind() {
        return "NNIE .wk model";
    }

    @Override
    public boolean recognises(byte[] head) {
        return WkReader.recognises(head);
    }

    @Override
    public Outcome inspect(Path file, Optional<EffectiveRecipe> against, boolean json, PrintStream out, PrintStream err) throws IOException {
        WkFile wk;
        try {
            wk = WkReader.read(file);
        } catch (WkFormatException e) {
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", file.toString());
                m.put("kind", "wk");
                m.put("readable", false);
                m.put("reason", e.getMessage());
                out.println(Json.write(m));
            }
            err.println(file + ": " + e.getMessage());
            return Outcome.UNREADABLE;
        }
        List<String> mismatches = List.of();
        String namesNote = null;
        if (against.isPresent()) {
            EffectiveRecipe recipe = against.get();
            Path prototxt = Layout.forRecipe(recipe, null).outDir().resolve(CaffeFiles.relPath(CaffeFiles.PROTOTXT));
            PrototxtNames names = new PrototxtNames(null, null);
            if (Files.isRegularFile(prototxt)) {
                names = PrototxtNames.of(prototxt);
            } else {
                namesNote = "blob names not checked: the recipe has no exported prototxt yet (" + prototxt + ")";
            }
            String inputName = names.input(), outputName = names.output();
            WkExpectation want = WkExpectation.of(recipe::setting, recipe.classes().size(), inputName, outputName);
            mismatches = WkFit.mismatches(wk, want);
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", file.toString());
            m.put("kind", "wk");
            m.put("readable", true);
            m.putAll(WkDescription.json(wk));
            if (against.isPresent()) {
                m.put("recipe", against.get().file() == null ? null : against.get().file().toString());
                m.put("fits", mismatches.isEmpty());
                m.put("mismatches", mismatches);
                if (namesNote != null) m.put("note", namesNote);
            }
            out.println(Json.write(m));
        } else {
            out.println(file + ": " + kind());
            for (String line : WkDescription.lines(wk)) out.println("  " + line);
            if (against.isPresent()) {
                String recipe = against.get().file() == null ? "the recipe" : String.valueOf(against.get().file());
                if (namesNote != null) out.println("  note: " + namesNote);
                if (mismatches.isEmpty()) {
                    out.println(file + ": fits " + recipe);
                } else {
                    for (String mm : mismatches) err.println(file + ": does not fit " + recipe + ": " + mm);
                }
            }
        }
        return mismatches.isEmpty() ? Outcome.FITS : Outcome.DOES_NOT_FIT;
    }

    /**
     * {@code wkforge doctor RECIPE}: the header of the .wk the recipe's last run committed, and
     * whether it fits the recipe now; nothing to say before wk has run.
     */
    static io.wkforge.run.DoctorCheck doctorCheck(EffectiveRecipe recipe) {
        return io.wkforge.run.DoctorCheck.of(".wk", () -> {
            Layout layout = Layout.forRecipe(recipe, null);
            Path wk = layout.outDir().resolve("nnie/" + recipe.setting("quantize.instruction_name").asString() + ".wk");
            if (!Files.isRegularFile(wk)) return List.of(io.wkforge.run.Finding.ok(".wk", "none yet (" + wk + "): `wkforge run` makes it"));
            WkFile file;
            try {
                file = WkReader.read(wk);
            } catch (WkFormatException | IOException e) {
                return List.of(io.wkforge.run.Finding.fail(".wk", wk + ": " + e.getMessage(), "run wk again: `wkforge run --force wk`"));
            }
            Path prototxt = layout.outDir().resolve(CaffeFiles.relPath(CaffeFiles.PROTOTXT));
            PrototxtNames names;
            try {
                names = Files.isRegularFile(prototxt) ? PrototxtNames.of(prototxt) : new PrototxtNames(null, null);
            } catch (IOException e) {
                names = new PrototxtNames(null, null);
            }
            List<String> mismatches = WkFit.mismatches(file, WkExpectation.of(recipe::setting, recipe.classes().size(), names.input(), names.output()));
            if (mismatches.isEmpty()) return List.of(io.wkforge.run.Finding.ok(".wk", wk + ": " + WkDescription.oneLine(file)));
            return List.of(io.wkforge.run.Finding.fail(".wk", wk + ": " + WkDescription.oneLine(file) + "; does not fit the recipe: "
                    + String.join("; ", mismatches), "run the pipeline again (`wkforge run`): wk re-checks it, deploy refuses it"));
        });
    }
}
