package io.wkforge.stages.report;

import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Layout;
import io.wkforge.run.RunSoFar;
import io.wkforge.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * report.html: one self-contained page (styles, data, pictures and the charting library inlined;
 * nothing fetched), one section per part of the pipeline. Tables are written here; charts are
 * drawn in the browser by report.js from the data this class embeds.
 */
final class ReportPage {
    /** The sections, in page order. */
    static final List<Section> SECTIONS = List.of(new RecipeSection(), new DatasetSection(), new TrainingSection(),
            new ConfusionSection(), new ExportSection(), new QuantizeSection(), new BoardSection(), new TimingSection());

    private ReportPage() {}

    static String render(ReportInputs in, String wkforgeVersion) throws IOException {
        Map<String, Object> charts = new LinkedHashMap<>();
        Html body = new Html();
        for (Section s : SECTIONS) {
            body.raw("<section ").raw(Html.attr("id", s.id())).raw(" class=\"section\">\n<h2>").text(s.title()).raw("</h2>\n");
            List<String> badges = new ArrayList<>();
            for (StageId st : s.stages()) {
                badges.add("<span class=\"stage\">" + st.id() + "</span> " + StageStatus.of(st, in.run(), hasOutputs(in, st)).badge());
            }
            if (!badges.isEmpty()) body.raw("<div class=\"status\">").raw(String.join(" ", badges)).raw("</div>\n");
            try {
                s.write(body, in, charts);
            } catch (JsonFiles.Unreadable e) {
                body.raw("<p class=\"warn\">").text("Cannot show this part: " + e.getMessage()).raw("</p>\n");
            }
            body.raw("</section>\n");
        }

        RunSoFar run = in.run();
        Html page = new Html();
        page.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<title>").text("wkforge report: " + in.recipeName()).raw("</title>\n<style>\n").raw(resource("report.css")).raw("</style>\n</head>\n<body>\n");
        page.raw("<header>\n<h1>").text(in.recipeName()).raw(" <small>wkforge report</small></h1>\n<p class=\"run\">")
                .text(run.id() == null ? "" : "run " + run.id() + " · started " + StageStatus.shortTime(run.startedAt()))
                .raw("</p>\n").raw(Summary.cards(in)).raw("<nav>");
        for (Section s : SECTIONS) page.raw("<a ").raw(Html.attr("href", "#" + s.id())).raw(">").text(s.title()).raw("</a>");
        page.raw("</nav>\n</header>\n<main>\n").raw(body.toString()).raw("</main>\n");

        page.raw("<footer>\n<p>").text("Written by wkforge " + wkforgeVersion + " at " + StageStatus.shortTime(Instant.now().toString())
                + ". This file needs nothing else to open.").raw("</p>\n<details><summary>").text("Charts: Apache ECharts " + Echarts.VERSION
                + " (Apache License 2.0), inlined").raw("</summary><pre class=\"source\">").text(Echarts.licenceNotes()).raw("</pre></details>\n</footer>\n");
        page.raw("<script type=\"application/json\" id=\"report-data\">").raw(Json.writeCompact(charts).replace("<", "\\u003c")).raw("</script>\n");
        page.raw("<script>\n/*\n").raw(scriptSafe(Echarts.licenceNotes().replace("*/", "* /"))).raw("*/\n")
                .raw(scriptSafe(Echarts.script())).raw("\n</script>\n");
        page.raw("<script>\n").raw(resource("report.js")).raw("</script>\n</body>\n</html>\n");
        return page.toString();
    }

    /** Whether a stage left outputs the page can show (for the badge of a stage this run did not touch). */
    private static boolean hasOutputs(ReportInputs in, StageId stage) {
        return stage != StageId.REPORT && !in.filesUnder(Layout.dirOf(stage)).isEmpty();
    }

    /** Script text that cannot end the script element it is put in (JSON data escapes every {@code <} instead). */
    private static String scriptSafe(String js) {
        return js.replace("</script", "<\\/script").replace("<!--", "<\\!--");
    }

    static String resource(String name) throws IOException {
        try (InputStream s = ReportPage.class.getResourceAsStream(name)) {
            if (s == null) throw new IOException("missing resource " + name + " (a broken build)");
            return new String(s.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
