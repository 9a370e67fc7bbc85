package io.wkforge.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.Recipes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/architecture.md: dependencies point down only. Every reference in code
 * counts, imports and fully qualified names alike ({@code io.wkforge.run.Executor} written out
 * in a method body is as much a dependency as an import); comments and string literals do not.
 */
class LayeringTest {
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])([a-z]\\w*\\.[a-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)");

    /** The source with comments, string literals, text blocks and char literals blanked out. */
    static String codeOnly(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        while (i < src.length()) {
            if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                i = end < 0 ? src.length() : end;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? src.length() : end + 2;
                out.append(' ');
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                i = end < 0 ? src.length() : end + 3;
                out.append("\"\"");
            } else if (src.charAt(i) == '"' || src.charAt(i) == '\'') {
                char quote = src.charAt(i);
                int j = i + 1;
                while (j < src.length() && src.charAt(j) != quote) j += src.charAt(j) == '\\' ? 2 : 1;
                i = j + 1;
                out.append(quote).append(quote);
            } else {
                out.append(src.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Every package-qualified name used in code under a package (imports included). */
    private static List<String> violations(String pkg, List<String> forbidden) throws IOException {
        Path dir = Recipes.repoRoot().resolve("src/main/java/io/wkforge/" + pkg);
        List<String> bad = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                TreeSet<String> names = new TreeSet<>();
                Matcher m = QUALIFIED.matcher(codeOnly(Files.readString(f)));
                while (m.find()) names.add(m.group(1));
                for (String name : names) {
                    for (String prefix : forbidden) {
                        if (name.equals(prefix) || name.startsWith(prefix + ".")) bad.add(dir.relativize(f) + " uses " + name);
                    }
                }
            }
        }
        return bad;
    }

    @Test
    void languageFrontEndDependsOnNothingHeavy() throws IOException {
        assertEquals(List.of(), violations("lang", List.of("io.wkforge.cli", "io.wkforge.run", "io.wkforge.plan",
                "io.wkforge.stages", "io.wkforge.caffe", "io.wkforge.lsp", "io.wkforge.editor", "org.bytedeco", "ai.djl",
                "org.eclipse.lsp4j", "org.yaml", "picocli", "net.razorvine")));
    }

    @Test
    void planDoesNotDependOnExecutionOrStages() throws IOException {
        assertEquals(List.of(), violations("plan", List.of("io.wkforge.cli", "io.wkforge.run", "io.wkforge.stages",
                "io.wkforge.lsp", "org.bytedeco", "ai.djl", "org.yaml", "picocli")));
    }

    @Test
    void runEngineDoesNotKnowConcreteStages() throws IOException {
        assertEquals(List.of(), violations("run", List.of("io.wkforge.cli", "io.wkforge.stages", "io.wkforge.lsp",
                "org.bytedeco", "ai.djl", "org.eclipse.lsp4j", "picocli")));
    }

    @Test
    void theCommandLineFindsStagesOnlyThroughTheRegistryAndLoadsNoNativeOrEditorLibrary() throws IOException {
        // stages come from ServiceLoader, natives load inside stages, LSP4J only through io.wkforge.lsp.StdioServer
        assertEquals(List.of(), violations("cli", List.of("io.wkforge.stages", "org.bytedeco", "ai.djl", "org.eclipse.lsp4j")));
    }

    @Test
    void theDemoGeneratorKnowsNoStageAndNoEngine() throws IOException {
        assertEquals(List.of(), violations("demo", List.of("io.wkforge.cli", "io.wkforge.run", "io.wkforge.plan",
                "io.wkforge.stages", "io.wkforge.lsp", "ai.djl")));
    }

    @Test
    void theLanguageServerUsesTheFrontEndOnly() throws IOException {
        assertEquals(List.of(), violations("lsp", List.of("io.wkforge.cli", "io.wkforge.run", "io.wkforge.plan",
                "io.wkforge.stages", "org.bytedeco", "ai.djl")));
    }

    @Test
    void fullyQualifiedNamesCountAndCommentsAndStringsDoNot() {
        String src = """
                import java.util.List; // io.wkforge.stages.frames.FramesStage in a comment
                /* org.bytedeco.ffmpeg in a block comment */
                class X {
                    String s = "org.bytedeco.ffmpeg.global.avcodec";
                    Object o = new io.wkforge.stages.dataset.CleanStage();
                }
                """;
        Matcher m = QUALIFIED.matcher(codeOnly(src));
        List<String> found = new ArrayList<>();
        while (m.find()) found.add(m.group(1));
        assertTrue(found.contains("io.wkforge.stages.dataset.CleanStage") && found.contains("java.util.List"), found::toString);
        assertTrue(found.stream().noneMatch(n -> n.startsWith("org.bytedeco") || n.startsWith("io.wkforge.stages.frames")), found::toString);
        assertTrue(codeOnly("char c = '\\\"'; int x = 1;").contains("int x = 1"));
    }

    /** What stages share, and may all use: {@code io.wkforge.stages.common} (below it) and the model package. */
    private static final List<String> SHARED_STAGE_PACKAGES = List.of("common", "model");

    /** The stage packages under io.wkforge.stages, found on disk so that a new one is covered too. */
    private static List<String> stagePackages() throws IOException {
        try (Stream<Path> dirs = Files.list(Recipes.repoRoot().resolve("src/main/java/io/wkforge/stages"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * A stage package uses what stages share (io.wkforge.stages.common, io.wkforge.stages.model)
     * and never a sibling stage package: what two stages need moves to common. The shared model
     * package uses common only, and common no stage package at all.
     */
    @Test
    void aStagePackageUsesWhatStagesShareAndNeverASibling() throws IOException {
        List<String> all = stagePackages();
        assertTrue(all.containsAll(SHARED_STAGE_PACKAGES) && all.contains("nnie") && all.contains("caffe"), all::toString);
        List<String> bad = new ArrayList<>();
        for (String pkg : all) {
            List<String> allowed = switch (pkg) {
                case "common" -> List.of("common");
                case "model" -> List.of("model", "common");
                default -> List.of(pkg, "common", "model");
            };
            List<String> forbidden = all.stream().filter(p -> !allowed.contains(p)).map(p -> "io.wkforge.stages." + p).toList();
            bad.addAll(violations("stages/" + pkg, forbidden).stream().map(v -> "stages/" + pkg + "/" + v).toList());
        }
        assertEquals(List.of(), bad);
    }

    /** The prototxt linter and graph serve the CLI and the export stage alike: no stage, executor or native code. */
    @Test
    void caffeToolsDependOnTheFrontEndOnly() throws IOException {
        assertEquals(List.of(), violations("caffe", List.of("io.wkforge.cli", "io.wkforge.run", "io.wkforge.plan",
                "io.wkforge.stages", "io.wkforge.lsp", "org.bytedeco", "ai.djl", "com.google.protobuf")));
    }
}
