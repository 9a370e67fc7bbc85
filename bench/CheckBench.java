import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.check.Checker;
import io.wkforge.lang.check.ImportResolver;
import io.wkforge.lang.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * In-process parse + check of a generated 5,000-line recipe: median and best of repeated runs
 * after warm-up (an editor re-checks a warm JVM on every change). Run with bench/check.sh.
 */
public class CheckBench {
    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        Path dir = Files.createTempDirectory("wkforge-bench");
        Path file = dir.resolve("big.recipe");
        Files.writeString(file, generate(lines));
        SourceFile src = SourceFile.read(file);
        ImportResolver resolver = ImportResolver.standard();
        long[] ms = new long[30];
        for (int i = 0; i < 20; i++) Checker.check(src, Checker.Options.DEFAULT, resolver); // warm-up
        CheckResult last = null;
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            last = Checker.check(src, Checker.Options.DEFAULT, resolver);
            ms[i] = (System.nanoTime() - t) / 1_000;
        }
        Arrays.sort(ms);
        System.out.printf("in-process parse+check, %d lines (%d diagnostics): median %.1f ms, best %.1f ms, worst %.1f ms%n",
                src.lineCount(), last.diagnostics().size(), ms[ms.length / 2] / 1000.0, ms[0] / 1000.0, ms[ms.length - 1] / 1000.0);
    }

    /** A large but realistic recipe: a long class table (one video pattern each) plus every block. */
    static String generate(int lines) {
        StringBuilder sb = new StringBuilder("# generated benchmark recipe\nuse \"targets/hi3516dv300\"\n\nparam epochs = 30\n\n");
        String tail = """
                frames {
                  fps 2
                  format png
                }

                clean {
                  duplicates 0.98
                  blur 40
                }

                split {
                  val 10%
                  by video
                  seed 7
                }

                preprocess {
                  resize 256x256
                  crop 224x224
                  mean 127.5 127.5 127.5
                  std 127.5 127.5 127.5
                }

                train resnet18 {
                  epochs $epochs
                  batch 32
                  lr 0.1
                  schedule step 10 20
                }

                quantize {
                  calibration 20 images
                }
                """;
        int tailLines = (int) tail.lines().count();
        int rows = Math.max(2, lines - 8 - tailLines);
        sb.append("classes {\n");
        for (int i = 1; i <= rows; i++) {
            sb.append("  ").append(i).append(" nature").append(i % 4).append(" class").append(i)
                    .append(" videos \"videos/class").append(i).append("/*.mp4\"");
            if (i == rows) sb.append(" background");
            sb.append('\n');
        }
        sb.append("}\n\n").append(tail);
        return sb.toString();
    }
}
