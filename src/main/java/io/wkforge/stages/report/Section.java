package io.wkforge.stages.report;

import io.wkforge.lang.schema.StageId;
import java.util.List;
import java.util.Map;

/** One section of report.html: a title, the stages it reports on (their status badges), a body. */
interface Section {
    String id();

    String title();

    /** Stages whose outcome this section shows at its top. */
    List<StageId> stages();

    /**
     * Writes the body. {@code charts} collects the data the page's script draws charts from, by
     * chart name; a chart container is {@code <div class="chart" data-chart="NAME">}.
     */
    void write(Html h, ReportInputs in, Map<String, Object> charts) throws JsonFiles.Unreadable;
}
