package io.wkforge.lang;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.check.Checker;
import io.wkforge.lang.check.ImportResolver;
import io.wkforge.lang.check.Override;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helpers: write recipes into a folder and check them as the CLI would. */
public final class Recipes {
    /** The acceptance recipe of issue 2, exactly as written there. */
    public static final String ACCEPTANCE = """
            # acceptance recipe
            use "targets/hi3516dv300"

            param epochs = 3

            classes {
              1 scene megamind    videos "v/Megamind.avi" "v/Megamind_2.avi"
              2 scene tree        videos "v/tree.avi"
              3 other background  videos "v/street/*.avi"   background
            }

            frames {
              fps 2
              format png
            }

            clean {
              duplicates 0.98
            }

            split {
              val 20%
              by frame
              seed 7
            }

            preprocess {
              resize 72x72
              crop 64x64
              mean 127.5 127.5 127.5
              std 127.5 127.5 127.5
            }

            train resnet18 {
              epochs $epochs
              batch 16
              optimizer sgd
              lr 0.05
              momentum 0.9
            }

            export caffe {
            }

            quantize {
              calibration 10 images
              compile_mode low_bandwidth
            }

            deploy taurus {
              via dir "out/board"
            }
            """;

    /** A minimal valid class table for recipes that test other things. */
    public static final String CLASSES = """
            classes {
              1 scene tree videos "v/tree.avi"
              2 other background videos "v/bg.avi" background
            }
            """;

    private Recipes() {}

    public static Path write(Path dir, String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void touch(Path dir, String... files) {
        for (String f : files) write(dir, f, "not really a video");
    }

    public static CheckResult check(Path file, boolean strict, String... sets) {
        try {
            List<Override> overrides = java.util.Arrays.stream(sets).map(Override::parse).toList();
            return Checker.check(SourceFile.read(file), new Checker.Options(overrides, strict),
                    new ImportResolver(repoRoot().resolve("stdlib")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CheckResult check(Path dir, String text) {
        return check(write(dir, "test.recipe", text), false);
    }

    /**
     * The diagnostics other than the board app's warnings (W126, W127): the fixtures' classes
     * (`scene tree`) are no garbage natures, which the stock camera app's ranges warn about in any
     * recipe that deploys to it. Tests about other rules look past them; CheckerTest tests them.
     */
    public static List<io.wkforge.lang.diag.Diagnostic> besidesBoardApp(CheckResult r) {
        return r.diagnostics().stream().filter(d -> d.code() != io.wkforge.lang.diag.Code.BOARD_APP_INPUT
                && d.code() != io.wkforge.lang.diag.Code.BOARD_APP_CATEGORIES).toList();
    }

    public static List<String> codes(CheckResult r) {
        return r.diagnostics().stream().map(Diagnostic::codeId).toList();
    }

    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("pom.xml"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("not inside the repository");
        return p;
    }
}
