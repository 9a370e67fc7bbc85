package io.wkforge.stages.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.lang.schema.StageId;
import io.wkforge.util.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in a real browser (headless Chromium, offline): every section renders, every chart
 * is drawn, the embedded network opens, nothing is logged to the console; and a screenshot is
 * written (target/report-screenshots/) for a person to look at.
 */
class ReportBrowserTest {
    /** Appended to a copy of the page: reports what the browser built, after clicking "show the network". */
    private static final String PROBE = """
            <script>
            (function () {
              var charts = {};
              document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
                var svg = el.querySelector('svg');
                charts[el.getAttribute('data-chart')] = svg ? svg.querySelectorAll('path, rect, text').length : 0;
              });
              var sections = [];
              document.querySelectorAll('section.section').forEach(function (s) {
                var r = s.getBoundingClientRect();
                if (r.height > 40) sections.push(s.id);
              });
              var button = document.getElementById('show-graph');
              var graph = false;
              if (button) {
                button.click();
                var f = document.querySelector('#graph-frame iframe');
                graph = !!f && f.srcdoc.indexOf('<svg id="net"') >= 0 && !document.getElementById('graph-frame').hidden;
              }
              var p = document.createElement('pre');
              p.id = 'probe';
              p.textContent = JSON.stringify({charts: charts, sections: sections, graph: graph});
              document.body.appendChild(p);
            })();
            </script>
            """;
    private static final Pattern PROBE_OUT = Pattern.compile("<pre id=\"probe\">(.*?)</pre>", Pattern.DOTALL);
    private static final List<String> SECTION_IDS = ReportPage.SECTIONS.stream().map(Section::id).toList();

    @TempDir Path dir;

    @Test
    void aFullRunRendersEverySectionAndChartWithoutConsoleMessages() throws Exception {
        HeadlessChromium.require();
        List<StageId> all = List.of(StageId.values());
        Path page = writePage("demo", all);
        Map<?, ?> probe = probe(page);
        assertEquals(SECTION_IDS, probe.get("sections"), "every section is on the page with content");
        Map<?, ?> charts = (Map<?, ?>) probe.get("charts");
        for (String chart : List.of("dataset", "training-loss", "training-top1", "training-lr", "confusion", "quantize", "timings")) {
            assertTrue(charts.get(chart) instanceof Number n && n.intValue() > 10, "chart " + chart + " is drawn: " + charts);
        }
        assertEquals(Boolean.TRUE, probe.get("graph"), "the network page opens inside the report");
        screenshot(page, "report-full.png");
    }

    @Test
    void aRunThatStoppedAfterTheDatasetStillRendersCleanly() throws Exception {
        HeadlessChromium.require();
        Path page = writePage("early", List.of(StageId.FRAMES, StageId.CLEAN, StageId.SPLIT));
        Map<?, ?> probe = probe(page);
        assertEquals(SECTION_IDS, probe.get("sections"));
        Map<?, ?> charts = (Map<?, ?>) probe.get("charts");
        assertEquals(List.of("dataset", "training-loss", "training-top1", "training-lr", "confusion", "quantize", "timings").stream()
                .filter(charts::containsKey).toList().size() > 0, true);
        assertTrue(((Number) charts.get("dataset")).intValue() > 10, "the dataset chart is drawn");
        assertTrue(((Number) charts.get("timings")).intValue() > 10, "the timing chart is drawn");
        assertTrue(!charts.containsKey("confusion"), "no confusion chart without training: " + charts);
        String html = Files.readString(page);
        assertTrue(html.contains("nnie_mapper_12 is not installed"), "the skip reason is shown");
        screenshot(page, "report-early.png");
    }

    /** The harness must be able to fail: a page whose script throws is caught. */
    @Test
    void aScriptErrorIsCaught() throws Exception {
        HeadlessChromium.require();
        Path page = Files.writeString(dir.resolve("bad.html"), "<!DOCTYPE html><html><body><script>undefinedFunction();</script></body></html>");
        HeadlessChromium.Result r = HeadlessChromium.run(dir, List.of("--virtual-time-budget=3000", "--dump-dom", page.toUri().toString()));
        assertTrue(r.consoleMessages().stream().anyMatch(l -> l.contains("undefinedFunction")), r.output());
    }

    private Path writePage(String name, List<StageId> stages) throws Exception {
        Path out = dir.resolve(name);
        Files.createDirectories(out);
        ReportFixture.write(out, stages);
        String html = ReportPage.render(new DirInputs(out, ReportFixture.classes(), ReportFixture.run(stages)), "test");
        return Files.writeString(out.resolve("report.html"), html, StandardCharsets.UTF_8);
    }

    private Map<?, ?> probe(Path page) throws Exception {
        Path probed = page.resolveSibling("probed-" + page.getFileName());
        String html = Files.readString(page);
        int end = html.lastIndexOf("</body>"); // the inlined library has a "</body>" of its own, in a string
        Files.writeString(probed, html.substring(0, end) + PROBE + html.substring(end), StandardCharsets.UTF_8);
        HeadlessChromium.Result r = HeadlessChromium.run(dir, List.of("--window-size=1280,900", "--virtual-time-budget=10000",
                "--dump-dom", probed.toUri().toString()));
        assertEquals(0, r.exitCode(), r.output());
        assertEquals(List.of(), r.consoleMessages(), "console messages of " + page.getFileName());
        Matcher m = PROBE_OUT.matcher(r.output());
        assertTrue(m.find(), "the probe script ran: " + r.output().substring(0, Math.min(2000, r.output().length())));
        String json = m.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return (Map<?, ?>) Json.read(json);
    }

    /** A full-length screenshot under target/report-screenshots/, to look at. */
    private void screenshot(Path page, String name) throws Exception {
        Path shots = Path.of("target", "report-screenshots");
        Files.createDirectories(shots);
        Path shot = shots.resolve(name).toAbsolutePath();
        HeadlessChromium.Result r = HeadlessChromium.run(dir, List.of("--window-size=1280,5600", "--hide-scrollbars",
                "--virtual-time-budget=10000", "--screenshot=" + shot, page.toUri().toString()));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(Files.size(shot) > 50_000, "a screenshot with content: " + Files.size(shot) + " bytes");
    }
}
