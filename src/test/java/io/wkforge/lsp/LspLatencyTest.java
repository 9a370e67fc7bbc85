package io.wkforge.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints the diagnostics latency of a 5,000-line recipe after a one-character change (target:
 * 200 ms). It reports rather than asserts a time, since a loaded CI machine would make such an
 * assertion flaky; bench/lsp-latency.sh prints the same figure on demand.
 */
class LspLatencyTest {
    @Test
    void printsDiagnosticsLatencyForALargeRecipe(@TempDir Path dir) throws Exception {
        assertEquals(5000, LatencyProbe.generateRecipe(5000).split("\n", -1).length - 1);
        LatencyProbe.Result r = LatencyProbe.measure(dir, 5000, 20, true);
        System.out.println(r + " (video files present)");
        assertEquals(20, r.millis().size());
        assertTrue(r.diagnostics() <= 1, "the generated recipe is clean apart from at most one note: " + r.diagnostics());
    }
}
