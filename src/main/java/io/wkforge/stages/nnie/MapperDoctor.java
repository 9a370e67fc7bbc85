package io.wkforge.stages.nnie;

import io.wkforge.lang.schema.Schema;
import io.wkforge.run.DoctorCheck;
import io.wkforge.run.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code wkforge doctor}'s line for the mapper: found or not (and where from), and the version it
 * prints when run without arguments (the vendor's prints {@code Mapper Version 1.2.x ...}). A
 * mapper that cannot even start (a shared library missing) is a failure with the reason.
 */
final class MapperDoctor {
    private static final Pattern VERSION = Pattern.compile("(?i)mapper\\s+version\\s+(\\S+(?:\\s+\\([^)]*\\))?)|(?i)\\bversion\\b[:\\s]+(\\S+)");
    private static final long PROBE_SECONDS = 10;

    private final MapperLocator.Located located;
    private final boolean forRecipe;

    MapperDoctor(MapperLocator.Located located, boolean forRecipe) {
        this.located = located;
        this.forRecipe = forRecipe;
    }

    /** Where the mapper is looked for without a recipe: the schema's default name, or NNIE_MAPPER. */
    static MapperLocator.Located defaultLocation(Function<String, String> env) {
        String name = Schema.setting("quantize.mapper").defaultText().replace("\"", "");
        return MapperLocator.locate(name, null, env);
    }

    DoctorCheck check() {
        return DoctorCheck.of("mapper", this::run);
    }

    private List<Finding> run() {
        if (!located.found()) {
            String detail = located.problem() + "; so wk and deploy are skipped (everything up to quantize runs)";
            String fix = MapperLocator.HOW_TO.replace("(docs/stages/quantize.md)", "(docs/stages/quantize.md, \"Installing the mapper\")");
            // with a recipe the run needs it; without one it is only something this machine lacks
            return List.of(forRecipe ? Finding.fail("mapper", detail, fix) : Finding.warn("mapper", detail, fix));
        }
        Path exe = located.exe();
        try {
            Path log = Files.createTempFile("wkforge-mapper-probe", ".log");
            try {
                Process p = new ProcessBuilder(exe.toString()).redirectErrorStream(true).redirectOutput(log.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
                boolean done = p.waitFor(PROBE_SECONDS, TimeUnit.SECONDS);
                if (!done) p.destroyForcibly();
                String out = Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (out.contains("error while loading shared libraries") || done && p.exitValue() == 127) {
                    return List.of(Finding.fail("mapper", exe + " (from " + located.source() + ") cannot start: " + firstLine(out),
                            "install the libraries it needs (`ldd " + exe + "` lists them; the HiSVP SDK names its protobuf and OpenCV versions)"));
                }
                Matcher m = VERSION.matcher(out);
                String version = m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
                return List.of(Finding.ok("mapper", exe + " (from " + located.source() + ")"
                        + (version != null ? ", Mapper Version " + version : ", prints no version when run without arguments")));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (java.io.IOException e) {
            return List.of(Finding.fail("mapper", exe + " cannot be run: " + e.getMessage(), "check its permissions and architecture (`file " + exe + "`)"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(Finding.warn("mapper", "interrupted while probing " + exe, "run doctor again"));
        }
    }

    private static String firstLine(String s) {
        for (String line : s.split("\n")) if (!line.isBlank()) return line.strip();
        return "(no output)";
    }
}
