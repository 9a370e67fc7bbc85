package io.wkforge.lang.diag;

import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable form of diagnostics ({@code --json}), versioned so editors and CI scripts
 * can rely on it. Lines and columns are 1-based; {@code byte} is a 0-based character offset.
 */
public final class DiagnosticJson {
    public static final String FORMAT_VERSION = "1.0";

    private DiagnosticJson() {}

    public static Map<String, Object> report(List<Diagnostic> diagnostics) {
        return report(diagnostics, diagnostics.size(), diagnostics.stream().filter(Diagnostic::isError).count(),
                diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count());
    }

    /**
     * A report of which only some findings are listed ({@link DiagnosticCap}): the counts are of
     * every finding, {@code total_count} included, and the list ends with notes on what was left out.
     */
    public static Map<String, Object> report(List<Diagnostic> diagnostics, long total, long errors, long warnings) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format_version", FORMAT_VERSION);
        out.put("valid", errors == 0);
        out.put("error_count", errors);
        out.put("warning_count", warnings);
        out.put("total_count", total);
        List<Object> list = new ArrayList<>();
        for (Diagnostic d : diagnostics) list.add(one(d));
        out.put("diagnostics", list);
        return out;
    }

    private static Map<String, Object> one(Diagnostic d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", d.severity().label());
        m.put("code", d.codeId());
        m.put("summary", d.code().title());
        m.put("message", d.message());
        if (d.help() != null) m.put("help", d.help());
        if (d.source() != null) m.put("range", range(d.source(), d.span()));
        if (!d.related().isEmpty()) {
            List<Object> rel = new ArrayList<>();
            for (Diagnostic.Related r : d.related()) {
                Map<String, Object> rm = new LinkedHashMap<>();
                rm.put("message", r.message());
                if (r.source() != null) rm.put("range", range(r.source(), r.span()));
                rel.add(rm);
            }
            m.put("related", rel);
        }
        return m;
    }

    private static Map<String, Object> range(SourceFile src, Span span) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("filename", src.displayName());
        r.put("start", pos(src, span.start()));
        r.put("end", pos(src, span.end()));
        return r;
    }

    private static Map<String, Object> pos(SourceFile src, int offset) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("line", src.line(offset));
        p.put("column", src.column(offset));
        p.put("byte", offset);
        return p;
    }
}
