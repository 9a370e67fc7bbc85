package io.wkforge.stages.nnie;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Finds the vendor's nnie_mapper: the {@code NNIE_MAPPER} environment variable when set (a
 * machine's own install wins over what a shared recipe says), else {@code quantize.mapper}, a
 * name looked up on PATH or a path relative to the recipe's folder.
 */
final class MapperLocator {
    static final String ENV = "NNIE_MAPPER";

    /** What to do when the mapper is not found, as plan, run and doctor say it. */
    static final String HOW_TO = "install HiSilicon's nnie_mapper (HiSVP SDK or RuyiStudio) and put it on PATH, or set "
            + ENV + "=/path/to/nnie_mapper_12 (docs/stages/quantize.md)";

    /** @param exe null when not found; @param source where the name came from; @param problem what is wrong when not found */
    record Located(Path exe, String source, String problem) {
        boolean found() {
            return exe != null;
        }

        /** One line for plan and run: what is wrong and what to do; null when found. */
        String reason() {
            return exe != null ? null : problem + ": " + HOW_TO;
        }
    }

    private MapperLocator() {}

    static Located locate(String setting, Path recipeDir, Function<String, String> env) {
        String fromEnv = env.apply(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path p = Path.of(fromEnv.strip()).toAbsolutePath();
            return executable(p) ? new Located(p, ENV, null)
                    : new Located(null, ENV, ENV + "=" + fromEnv + " is not an executable file");
        }
        if (setting.contains("/") || setting.contains(File.separator)) {
            Path p = (recipeDir == null ? Path.of(setting) : recipeDir.resolve(setting)).toAbsolutePath().normalize();
            return executable(p) ? new Located(p, "quantize.mapper", null)
                    : new Located(null, "quantize.mapper", "the mapper " + p + " (quantize.mapper) is not an executable file");
        }
        String path = env.apply("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) continue;
                Path p = Path.of(dir).resolve(setting);
                if (executable(p)) return new Located(p.toAbsolutePath(), "PATH", null);
            }
        }
        return new Located(null, "PATH", setting + " not found on PATH (quantize.mapper)");
    }

    private static boolean executable(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }
}
