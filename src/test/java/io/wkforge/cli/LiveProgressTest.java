package io.wkforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress lines with a fake clock: the bar on a terminal, periodic plain lines elsewhere. */
class LiveProgressTest {
    private static final long S = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(1000 * S);
    private final StringWriter text = new StringWriter();

    private LiveProgress live(boolean terminal) {
        return new LiveProgress(new PrintWriter(text), terminal, 120, true, now::get);
    }

    @Test
    void aSingleTaskShowsItsBarRateAndTimeLeftAndLinesGoAboveIt() {
        LiveProgress p = live(true);
        p.stageStarted("clean", 1);
        for (int i = 0; i <= 10; i++) {
            now.addAndGet(S);
            p.update("clean", i * 20, 400, "frames");
        }
        String shown = lastRedraw();
        assertTrue(shown.startsWith("  clean     ████████████░░░░░░░░░░░░  50%  200/400 frames, 20.0 frames/s, 0:11 left"), shown);
        p.println("    warning: something");
        String all = text.toString();
        int warning = all.lastIndexOf("    warning: something\n");
        assertTrue(all.substring(0, warning).endsWith("\r\u001b[K"), "the bar is cleared before a line is printed");
        assertTrue(all.substring(warning).contains("\r  clean "), "and drawn again under it");
        p.stageEnded();
        assertTrue(text.toString().endsWith("\r\u001b[K"), "the bar goes when the stage ends");
    }

    @Test
    void redrawsAreLimitedToAFewASecond() {
        LiveProgress p = live(true);
        p.stageStarted("frames", 1);
        for (int i = 0; i < 100; i++) {
            now.addAndGet(S / 100);
            p.update("f", i, 100, "frames");
        }
        long draws = text.toString().chars().filter(c -> c == '\r').count();
        assertTrue(draws <= 8, "one second of updates drew " + draws + " times");
    }

    @Test
    void aStageOfManyTasksIsSummedUp() {
        LiveProgress p = live(true);
        p.stageStarted("frames", 4, "videos");
        now.addAndGet(3 * S);
        p.update("a", 50, 100, "frames");
        p.taskFinished("b");
        now.addAndGet(S);
        p.update("a", 100, 100, "frames");
        String shown = lastRedraw();
        assertTrue(shown.contains("50%  1/4 videos, 1 running, 50.0 frames/s, 0:04 left"), shown);
    }

    @Test
    void aCountThatCarriesItsOwnFiguresIsShownAsTheStageWroteIt() {
        LiveProgress p = live(true);
        p.stageStarted("train", 1);
        now.addAndGet(3 * S);
        p.update("train", 4, 9, "batches of epoch 2/8, loss 0.4100, 61.5 images/s, 57s left");
        String shown = lastRedraw();
        assertTrue(shown.endsWith("4/9 batches of epoch 2/8, loss 0.4100, 61.5 images/s, 57s left"), shown);
        assertFalse(shown.contains("batches of epoch 2/8, loss 0.4100, 61.5 images/s, 57s left/s"));
    }

    @Test
    void withoutATerminalAPlainLineEveryTenSeconds() {
        LiveProgress p = live(false);
        p.stageStarted("clean", 1);
        for (int i = 1; i <= 25; i++) {
            now.addAndGet(S);
            p.update("clean", i * 10, 250, "frames");
        }
        String all = text.toString();
        assertFalse(all.contains("\r") || all.contains("\u001b"), "no terminal control in a log");
        assertEquals(2, all.lines().count(), all);
        assertTrue(all.startsWith("    ... clean: 40%, 100/250 frames, 10.0 frames/s, 0:15 left\n"), all);
    }

    @Test
    void aPlainLineGivesNoPercentageForACountOfItsOwn() {
        LiveProgress p = live(false);
        p.stageStarted("train", 1);
        now.addAndGet(11 * S);
        p.update("train", 4, 9, "batches of epoch 2/8, loss 0.4100");
        assertEquals("    ... train: 4/9 batches of epoch 2/8, loss 0.4100\n", text.toString());
    }

    @Test
    void longLinesAreCutToTheTerminal() {
        LiveProgress p = new LiveProgress(new PrintWriter(text), true, 60, false, now::get);
        p.stageStarted("train", 1);
        now.addAndGet(3 * S);
        p.update("train", 4, 9, "batches of epoch 2/8, loss 0.4100, 61.5 images/s, 57s left");
        String shown = lastRedraw();
        assertTrue(shown.length() <= 59 && shown.endsWith(">"), shown);
        assertTrue(shown.contains("######"), "ASCII bar without a UTF-8 locale: " + shown);
    }

    @Test
    void clockAndBar() {
        assertEquals("0:07", ProgressLine.clock(7.4));
        assertEquals("12:05", ProgressLine.clock(725));
        assertEquals("1:02:03", ProgressLine.clock(3723));
        assertEquals("##--", ProgressLine.bar(0.5, 4, false));
        assertEquals("----", ProgressLine.bar(Double.NaN, 4, false));
    }

    /** The text of the last bar drawn: after the last carriage return, before the erase-line code. */
    private String lastRedraw() {
        String all = text.toString();
        int cr = all.lastIndexOf("\r  ");
        String s = all.substring(cr + 1);
        return s.substring(0, s.indexOf("\u001b[K"));
    }
}
