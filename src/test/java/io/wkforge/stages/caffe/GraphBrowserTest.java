package io.wkforge.stages.caffe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.caffe.Nets;
import io.wkforge.caffe.graph.GraphHtml;
import io.wkforge.caffe.net.CaffeLayer;
import io.wkforge.stages.model.ModelCard;
import io.wkforge.stages.model.SafeTensors;
import io.wkforge.util.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * graph.html in a real browser (Debian's headless Chromium, no network): the page renders, every
 * layer is drawn with a size, the zoom script works, and nothing is logged to the console. A
 * test-only probe script appended to a copy of the page reports what the browser laid out.
 */
class GraphBrowserTest {
    private static final Pattern CONSOLE = Pattern.compile(".*:CONSOLE[:(].*");
    private static final Pattern PROBE = Pattern.compile("<pre id=\"probe\">(.*?)</pre>", Pattern.DOTALL);
    private static final String PROBE_SCRIPT = """
            <script>
            (function () {
              var layers = [];
              document.querySelectorAll('g.node.layer').forEach(function (g) {
                var r = g.getBoundingClientRect();
                layers.push({name: g.getAttribute('data-name'), drawn: r.width > 20 && r.height > 20});
              });
              var svg = document.getElementById('net');
              var before = svg.getBoundingClientRect().width;
              document.getElementById('zoom-in').click();
              var after = svg.getBoundingClientRect().width;
              var p = document.createElement('pre');
              p.id = 'probe';
              p.textContent = JSON.stringify({layers: layers, zoomed: after > before * 1.2});
              document.body.appendChild(p);
            })();
            </script>
            """;

    @TempDir Path dir;

    record BrowserRun(List<String> consoleLines, Map<?, ?> probe) {}

    @Test
    void exportedNetworkAndAnSsdRenderWithEveryLayerAndNoConsoleErrors() throws Exception {
        ExternalTools.requireChromium();
        ModelCard card = RandomResNet18.writeModel(dir.resolve("model"), 3, 32, 32, RandomResNet18.EQUAL_MEAN, RandomResNet18.EQUAL_STD, 5);
        CaffeExport.Report report = CaffeExport.write(dir.resolve("caffe"), card, SafeTensors.read(dir.resolve("model/model.safetensors")), false);
        List<String> resnetLayers = report.lint().net().layers().stream().map(CaffeLayer::name).toList();
        check(dir.resolve("caffe/graph.html"), resnetLayers);

        var ssd = Nets.lint(Nets.resource(Nets.SSD));
        Path ssdPage = Files.writeString(dir.resolve("ssd.html"), GraphHtml.render(ssd, "ssd"), StandardCharsets.UTF_8);
        check(ssdPage, ssd.net().layers().stream().map(CaffeLayer::name).toList());

        // a page with problems marks them and still renders cleanly
        var broken = Nets.lint(Nets.SMALL.replace("type: \"ReLU\"", "type: \"Interp\"").replace("bottom: \"flat\"", "bottom: \"flatt\""));
        Path brokenPage = Files.writeString(dir.resolve("broken.html"), GraphHtml.render(broken, "broken"), StandardCharsets.UTF_8);
        assertTrue(Files.readString(brokenPage).contains("class=\"node layer act problem\"") || Files.readString(brokenPage).contains("problem\""));
        check(brokenPage, broken.net().layers().stream().map(CaffeLayer::name).toList());

        Path shot = dir.resolve("resnet.png");
        ExternalTools.Result r = chromium(List.of("--window-size=1200,1600", "--screenshot=" + shot, dir.resolve("caffe/graph.html").toUri().toString()));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(Files.size(shot) > 20_000, "a screenshot with content: " + Files.size(shot) + " bytes");
        if (System.getenv("WKFORGE_KEEP_SCREENSHOT") != null) Files.copy(shot, Path.of(System.getenv("WKFORGE_KEEP_SCREENSHOT")),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The harness must be able to fail: a page that throws is caught. */
    @Test
    void aPageWithAScriptErrorIsCaught() throws Exception {
        ExternalTools.requireChromium();
        Path page = Files.writeString(dir.resolve("bad.html"),
                "<!DOCTYPE html><html><body><script>undefinedFunction();</script></body></html>");
        BrowserRun run = load(page);
        assertTrue(run.consoleLines().stream().anyMatch(l -> l.contains("undefinedFunction")), run.consoleLines().toString());
    }

    private void check(Path page, List<String> layerNames) throws Exception {
        BrowserRun run = load(page);
        assertEquals(List.of(), run.consoleLines(), page + ": console messages");
        assertTrue(run.probe() != null, page + ": the probe script did not report");
        List<?> layers = (List<?>) run.probe().get("layers");
        List<String> drawn = new ArrayList<>();
        for (Object o : layers) {
            Map<?, ?> m = (Map<?, ?>) o;
            assertEquals(Boolean.TRUE, m.get("drawn"), page + ": layer " + m.get("name") + " has no size on screen");
            drawn.add((String) m.get("name"));
        }
        assertEquals(layerNames, drawn, page + ": every layer, in file order");
        assertEquals(Boolean.TRUE, run.probe().get("zoomed"), page + ": the zoom button works");
    }

    private BrowserRun load(Path page) throws Exception {
        String html = Files.readString(page, StandardCharsets.UTF_8);
        Path probed = page.resolveSibling("probed-" + page.getFileName());
        Files.writeString(probed, html.replace("</body>", PROBE_SCRIPT + "</body>"), StandardCharsets.UTF_8);
        ExternalTools.Result r = chromium(List.of("--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000", "--dump-dom",
                probed.toUri().toString()));
        assertEquals(0, r.exitCode(), r.output());
        List<String> console = r.output().lines().filter(l -> CONSOLE.matcher(l).matches()).toList();
        Matcher m = PROBE.matcher(r.output());
        if (!m.find()) return new BrowserRun(console, null);
        String json = m.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return new BrowserRun(console, (Map<?, ?>) Json.read(json));
    }

    private ExternalTools.Result chromium(List<String> args) throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(ExternalTools.CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile));
        command.addAll(args);
        return ExternalTools.run(command, 120);
    }
}
