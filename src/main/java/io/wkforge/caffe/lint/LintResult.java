package io.wkforge.caffe.lint;

import io.wkforge.caffe.net.CaffeNet;
import io.wkforge.caffe.net.Shapes;
import io.wkforge.caffe.text.Prototxt;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.diag.DiagnosticJson;
import io.wkforge.lang.diag.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The findings of one lint run, with the network and shapes it worked them out from. */
public record LintResult(Prototxt file, CaffeNet net, Shapes shapes, NnieTarget target, List<Diagnostic> diagnostics) {

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warningCount() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
    }

    /** `check --json`'s form, plus the target and the layer count. */
    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>(DiagnosticJson.report(diagnostics));
        out.put("target", target.id());
        out.put("layer_count", net.layers().size());
        return out;
    }
}
