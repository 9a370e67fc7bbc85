package io.wkforge.caffe;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.wkforge.caffe.graph.GraphHtml;
import io.wkforge.caffe.lint.CaffeLinter;
import io.wkforge.caffe.lint.LintOptions;
import io.wkforge.caffe.lint.LintResult;
import io.wkforge.caffe.text.Prototxt;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.diag.DiagnosticPrinter;
import io.wkforge.util.Json;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * lint-caffe reads any file a user points it at: random mutations of real networks, token soup,
 * absurd nesting and numbers. The only acceptable outcome is findings: no exception, no finding
 * outside the file. A share of the mutants is also drawn (graph), which must not fail either.
 * The seed is fixed so a failure reproduces; WKFORGE_FUZZ_ITERATIONS raises the count.
 */
class PrototxtFuzzTest {
    private static final String[] FRAGMENTS = {
        "{", "}", "<", ">", "[", "]", ":", ";", ",", "-", "\n", " ", "\"", "'", "#", "\\", "layer", "layers", "name",
        "type", "\"Convolution\"", "CONVOLUTION", "bottom", "top", "\"data\"", "input", "input_dim", "input_shape", "dim",
        "0", "-1", "1e309", "99999999999999999999999", "0x7fffffffffffffff", "nan", "-inf", "1.5f", ".5", "1e", "0x",
        "convolution_param", "pooling_param", "ceil_mode", "round_mode", "reshape_param", "permute_param", "order",
        "slice_param", "axis", "-4", "num_output", "kernel_size", "stride", "pad", "group", "é", "\u0000", "\uFEFF",
        "\"unterminated", "\\x4", "\\777", "global_pooling: true", "shape { dim: 0 dim: -1 }"
    };

    @Test
    void mutatedPrototxtsOnlyEverProduceFindings() {
        List<String> seeds = List.of(Nets.SMALL, Nets.resource(Nets.SQUEEZENET), Nets.resource(Nets.SSD));
        int iterations = Integer.parseInt(System.getenv().getOrDefault("WKFORGE_FUZZ_ITERATIONS", "800"));
        Random rnd = new Random(20261128);
        CaffeLinter linter = new CaffeLinter(LintOptions.defaults());
        for (int i = 0; i < iterations; i++) {
            String text = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd, 1 + rnd.nextInt(8));
            check(linter, text, i, i % 40 == 0);
        }
        // the nasty shapes a mutation rarely reaches
        check(linter, "layer {".repeat(20_000), -1, true);
        check(linter, "}".repeat(20_000), -2, true);
        check(linter, "a".repeat(200_000) + ": 1", -3, true);
        check(linter, "x: [" + "1,".repeat(50_000) + "]", -4, false);
        check(linter, "input: \"d\" input_shape { dim: 1 dim: 3 dim: 99999999999 dim: 99999999999 }\n"
                + "layer { name: \"c\" type: \"Convolution\" bottom: \"d\" top: \"c\" convolution_param { num_output: 3 kernel_size: 99999999999 stride: 0 } }\n"
                + "layer { name: \"r\" type: \"Reshape\" bottom: \"c\" top: \"r\" reshape_param { shape { dim: 0 dim: -1 dim: -1 } axis: 9 } }",
                -5, true);
    }

    private static void check(CaffeLinter linter, String text, int i, boolean draw) {
        try {
            LintResult r = linter.lint(Prototxt.of("fuzz" + i + ".prototxt", text));
            for (Diagnostic d : r.diagnostics()) {
                DiagnosticPrinter.render(d);
                assertTrue(d.span().start() >= 0 && d.span().end() <= text.length(), d::toString);
            }
            Json.write(r.json());
            if (draw) GraphHtml.render(r, "fuzz");
        } catch (RuntimeException | StackOverflowError e) {
            fail("input " + i + " crashed the linter: " + e + "\n---\n" + (text.length() > 2000 ? text.substring(0, 2000) : text), e);
        }
    }

    private static String mutate(String seed, Random rnd, int edits) {
        StringBuilder sb = new StringBuilder(seed);
        for (int e = 0; e < edits; e++) {
            int at = sb.length() == 0 ? 0 : rnd.nextInt(sb.length());
            switch (rnd.nextInt(5)) {
                case 0 -> sb.insert(at, FRAGMENTS[rnd.nextInt(FRAGMENTS.length)]);
                case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + rnd.nextInt(40)));
                case 2 -> {
                    if (sb.length() > 0) sb.setCharAt(at, (char) rnd.nextInt(128));
                }
                case 3 -> sb.setLength(at);
                default -> {
                    int from = rnd.nextInt(Math.max(1, sb.length()));
                    String chunk = sb.substring(from, Math.min(sb.length(), from + rnd.nextInt(200)));
                    sb.insert(at, chunk);
                }
            }
        }
        return sb.toString();
    }
}
