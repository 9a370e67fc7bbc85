package io.wkforge.lang.check;

import io.wkforge.lang.source.Span;
import io.wkforge.lang.syntax.Value;

/** Small operations on literals that the syntax records do not need to know about. */
final class Values {
    private Values() {}

    /** A literal's text for a message: a page of digits is cut to its first few. */
    static String shown(Value v) {
        String t = v.text();
        return t.length() <= 40 ? t : t.substring(0, 37) + "...";
    }

    /** The same literal placed at another span: a param's value shown where `$param` was used. */
    static Value withSpan(Value v, Span span) {
        if (v instanceof Value.IntLit x) return new Value.IntLit(x.value(), x.text(), span);
        if (v instanceof Value.DecimalLit x) return new Value.DecimalLit(x.value(), x.text(), span);
        if (v instanceof Value.PercentLit x) return new Value.PercentLit(x.percent(), x.text(), span);
        if (v instanceof Value.SizeLit x) return new Value.SizeLit(x.width(), x.height(), x.text(), span);
        if (v instanceof Value.StringLit x) return new Value.StringLit(x.value(), x.text(), span);
        if (v instanceof Value.IdentLit x) return new Value.IdentLit(x.name(), span);
        if (v instanceof Value.ParamRef x) return new Value.ParamRef(x.name(), span);
        throw new IllegalArgumentException(v.toString());
    }
}
