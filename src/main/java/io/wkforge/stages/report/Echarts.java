package io.wkforge.stages.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Apache ECharts, the page's charting library, read from its WebJar on the class path and
 * inlined into every report so the page opens offline. ECharts is under the Apache License 2.0,
 * which asks that its NOTICE travel with it; its minified file embeds code under d3's BSD licence.
 * Both notices go into the page with the script (see {@link #licenceNotes()}).
 */
final class Echarts {
    static final String VERSION = "5.3.1";
    private static final String ROOT = "META-INF/resources/webjars/echarts/" + VERSION + "/";

    private Echarts() {}

    /** The minified library (the full build: the heat map needs more than the "common" one has). */
    static String script() throws IOException {
        return resource(ROOT + "dist/echarts.min.js");
    }

    /** ECharts' NOTICE and the d3 licence its build embeds, as plain text. */
    static String licenceNotes() throws IOException {
        return resource(ROOT + "NOTICE").strip() + "\n\nLicensed under the Apache License, Version 2.0 "
                + "(http://www.apache.org/licenses/LICENSE-2.0).\n\nParts of ECharts are derived from d3 "
                + "(https://github.com/d3/d3), under this licence:\n\n" + resource(ROOT + "licenses/LICENSE-d3").strip() + "\n";
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = Echarts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IOException("the ECharts WebJar is not on the class path (" + path + "); rebuild wkforge");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
