package io.wkforge.lang.check;

import io.wkforge.lang.diag.Code;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.diag.Diagnostics;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.model.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Runs the {@link InputFileCheck}s present on the class path against a complete recipe. */
final class InputFileChecks {
    private static volatile List<InputFileCheck> loaded;

    private InputFileChecks() {}

    private static List<InputFileCheck> all() {
        List<InputFileCheck> l = loaded;
        if (l == null) {
            try {
                l = ServiceLoader.load(InputFileCheck.class).stream().map(ServiceLoader.Provider::get).toList();
            } catch (ServiceConfigurationError e) {
                l = List.of(); // a broken provider must not stop checking; the stage reports the file when it runs
            }
            loaded = l;
        }
        return l;
    }

    static void run(EffectiveRecipe r, Diagnostics diags) {
        for (InputFileCheck c : all()) {
            Setting s = r.setting(c.setting());
            if (s == null || !s.isSet() || s.values() == null || s.values().isEmpty()) continue;
            List<Path> paths;
            try {
                paths = s.asPaths(r.dir());
            } catch (RuntimeException e) {
                continue; // an invalid path is reported by the type checker
            }
            for (Path p : paths) {
                // a file not there yet may be made before its stage runs (`run --until split` first): the stage says so
                if (!Files.isRegularFile(p)) continue;
                String problem;
                try {
                    problem = c.problem(p, r);
                } catch (RuntimeException e) {
                    problem = null; // the stage reads it again and says what is wrong
                }
                if (problem == null) continue;
                diags.add(Diagnostic.of(Code.INPUT_FILE_UNUSABLE, s.origin().source(),
                        s.values().get(0).span().to(s.values().get(s.values().size() - 1).span()),
                        "`" + c.setting() + "`: " + p + " " + problem));
            }
        }
    }
}
