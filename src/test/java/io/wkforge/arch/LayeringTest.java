package io.wkforge.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wkforge.lang.Recipes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layers of docs/architecture.md: dependencies point down only. */
class LayeringTest {
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

    private static List<String> violations(String pkg, List<String> forbidden) throws IOException {
        Path dir = Recipes.repoRoot().resolve("src/main/java/io/wkforge/" + pkg);
        List<String> bad = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    for (String prefix : forbidden) {
                        if (m.group(1).startsWith(prefix)) bad.add(dir.relativize(f) + " imports " + m.group(1));
                    }
                }
            }
        }
        return bad;
    }

    @Test
    void languageFrontEndDependsOnNothingHeavy() throws IOException {
        assertEquals(List.of(), violations("lang", List.of("io.wkforge.cli", "io.wkforge.run", "io.wkforge.plan",
                "io.wkforge.stages", "io.wkforge.caffe", "io.wkforge.lsp", "org.bytedeco", "ai.djl", "org.eclipse.lsp4j", "org.yaml", "picocli")));
    }

    @Test
    void planDoesNotDependOnExecutionOrStages() throws IOException {
        assertEquals(List.of(), violations("plan", List.of("io.wkforge.cli", "io.wkforge.run", "io.wkforge.stages",
                "io.wkforge.lsp", "org.bytedeco", "ai.djl")));
    }

    @Test
    void runEngineDoesNotKnowConcreteStages() throws IOException {
        assertEquals(List.of(), violations("run", List.of("io.wkforge.cli", "io.wkforge.stages", "io.wkforge.lsp",
                "org.bytedeco", "ai.djl")));
    }

    /** The prototxt linter and graph serve the CLI and the export stage alike: no stage, executor or native code. */
    @Test
    void caffeToolsDependOnTheFrontEndOnly() throws IOException {
        assertEquals(List.of(), violations("caffe", List.of("io.wkforge.cli", "io.wkforge.run", "io.wkforge.plan",
                "io.wkforge.stages", "io.wkforge.lsp", "org.bytedeco", "ai.djl", "com.google.protobuf")));
    }
}
