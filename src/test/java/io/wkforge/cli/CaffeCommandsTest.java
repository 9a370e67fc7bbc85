package io.wkforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.caffe.Nets;
import io.wkforge.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `wkforge lint-caffe` and `wkforge graph` as a user meets them: messages, JSON, exit codes. */
class CaffeCommandsTest extends InProcessCli {
    @TempDir Path dir;

    Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void cleanFileExitsZero() throws Exception {
        Path f = file("ok.prototxt", Nets.SMALL);
        assertEquals(0, run("lint-caffe", f.toString()));
        assertEquals(f + ": ok for NNIE (hi3516dv300)\n", out);
    }

    @Test
    void problemsArePrintedLikeCheckAndExitTwo() throws Exception {
        Path f = file("bad.prototxt", Nets.SMALL.replace("pool: MAX kernel_size: 3 stride: 2", "pool: MAX kernel_size: 3 stride: 2 ceil_mode: true"));
        assertEquals(2, run("lint-caffe", f.toString()));
        assertTrue(err.contains(f + ":17:54: error[E820]: pooling layer `pool1` sets `ceil_mode`\n"), err);
        assertTrue(err.contains("17 |   pooling_param { pool: MAX kernel_size: 3 stride: 2 ceil_mode: true }\n"
                + "   |                                                      ^^^^^^^^^^^^^^^\n"), err);
        assertTrue(err.contains("   = help: remove it: NNIE always rounds pooling up"), err);
        assertTrue(err.contains("1 error in 1 file"), err);
    }

    @Test
    void warningsAloneStillExitZero() throws Exception {
        Path f = file("warn.prototxt", Nets.SMALL.replace("dim: 1 dim: 3", "dim: 2 dim: 3"));
        assertEquals(0, run("lint-caffe", f.toString()));
        assertTrue(err.contains("warning[W814]"), err);
    }

    @Test
    void jsonHasCheckFormatPlusTargetAndFiles() throws Exception {
        Path bad = file("bad.prototxt", Nets.SMALL.replace("type: \"ReLU\"", "type: \"Interp\""));
        Path ok = file("ok.prototxt", Nets.SMALL);
        assertEquals(2, run("lint-caffe", "--json", bad.toString(), ok.toString()));
        Map<?, ?> report = (Map<?, ?>) Json.read(out);
        assertEquals("1.0", report.get("format_version"));
        assertEquals(Boolean.FALSE, report.get("valid"));
        assertEquals(1L, report.get("error_count"));
        assertEquals("hi3516dv300", report.get("target"));
        Map<?, ?> d = (Map<?, ?>) ((List<?>) report.get("diagnostics")).get(0);
        assertEquals("E821", d.get("code"));
        assertEquals("layer type NNIE does not support", d.get("summary"));
        Map<?, ?> start = (Map<?, ?>) ((Map<?, ?>) d.get("range")).get("start");
        assertEquals(11L, start.get("line"));
        assertEquals(2, ((List<?>) report.get("files")).size());
        assertEquals(0, run("lint-caffe", "--allow-type", "Interp", bad.toString()));
    }

    @Test
    void usageErrors() throws Exception {
        assertEquals(2, run("lint-caffe", dir.resolve("missing.prototxt").toString()));
        assertTrue(err.contains("no such file"), err);
        assertEquals(2, run("lint-caffe", "--target", "hi3519", file("ok.prototxt", Nets.SMALL).toString()));
        assertTrue(err.contains("unknown --target `hi3519`; known: hi3516dv300"), err);
        Path model = dir.resolve("model.caffemodel");
        Files.write(model, new byte[] {10, (byte) 0xff, (byte) 0xfe, 0, 1, 2});
        assertEquals(2, run("lint-caffe", model.toString()));
        assertTrue(err.contains("a .caffemodel holds weights; give the .prototxt"), err);
        assertEquals(2, run("graph", file("ok.prototxt", Nets.SMALL).toString()));
        assertTrue(err.contains("Missing required option"), err);
    }

    @Test
    void graphWritesOneSelfContainedPage() throws Exception {
        Path f = file("net.prototxt", Nets.SMALL);
        Path html = dir.resolve("views/net.html");
        assertEquals(0, run("graph", f.toString(), "-o", html.toString()));
        assertEquals(html + ": 6 layers drawn\n", out);
        String page = Files.readString(html);
        for (String layer : List.of("conv1", "relu1", "pool1", "flat", "fc", "prob")) {
            assertTrue(page.contains("data-name=\"" + layer + "\""), layer);
        }
        assertTrue(page.contains("1x8x16x16"), "output shapes are shown");
        assertFalse(page.contains("http://") && page.replace("http://www.w3.org/2000/svg", "").contains("http://"),
                "nothing is fetched from the network");
        assertFalse(page.contains("https://"), "nothing is fetched from the network");
        assertFalse(page.contains("<link") || page.contains(" src="), "no external resources");

        Path broken = file("broken.prototxt", "layer { name: \"a\"");
        assertEquals(2, run("graph", broken.toString(), "-o", dir.resolve("b.html").toString()));
        assertTrue(err.contains("not drawn: fix the syntax errors first"), err);
        assertFalse(Files.exists(dir.resolve("b.html")));
    }
}
