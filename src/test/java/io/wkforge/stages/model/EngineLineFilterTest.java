package io.wkforge.stages.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineLineFilterTest {
    private static final String NNPACK = "[W1208 01:02:03.123456789 NNPACK.cpp:62] Could not initialize NNPACK! Reason: Unsupported hardware.";

    private final ByteArrayOutputStream passed = new ByteArrayOutputStream();
    private final List<String> engine = new ArrayList<>();
    private final EngineLineFilter filter = new EngineLineFilter(passed, engine::add);

    /** Feeds the text in pieces of {@code step} bytes, as reads from a pipe may cut it anywhere. */
    private void feed(String text, int step) throws Exception {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i += step) filter.write(b, i, Math.min(step, b.length - i));
        filter.finish();
    }

    @Test
    void libtorchWarningsLeaveTheOutputAndEverythingElseStaysByteForByte() throws Exception {
        String before = "==> train: 1 to run\r    ... batches of epoch 1/2, loss 2.1\r    ... batches of epoch 1/2, loss 2.0\n";
        String after = "[E1208 01:02:03.1 foo.cpp:1] a libtorch error the user must see\n"
                + "[not a log line] kept\n\n" + "epoch 1/2  val top-1 50.00%\n";
        for (int step : new int[] {1, 2, 3, 7, 4096}) {
            passed.reset();
            engine.clear();
            feed(NNPACK + "\n" + before + NNPACK + "\n" + after + "[W old-style NNPACK.cpp:53] Could not initialize NNPACK!\n", step);
            assertEquals(before + after, passed.toString(StandardCharsets.UTF_8), "step " + step);
            assertEquals(List.of(NNPACK, NNPACK, "[W old-style NNPACK.cpp:53] Could not initialize NNPACK!"), engine, "step " + step);
        }
    }

    @Test
    void aPartialLineAtTheEndIsHandedOn() throws Exception {
        feed("[", 1);
        assertEquals("[", passed.toString(StandardCharsets.UTF_8));
        passed.reset();
        feed("progress 3/7", 5);
        assertEquals("progress 3/7", passed.toString(StandardCharsets.UTF_8));
    }
}
