package io.wkforge.lang.syntax;

import io.wkforge.lang.source.Span;
import java.util.List;

/** A top-level construct of a recipe. */
public sealed interface Statement {
    Span span();

    /** {@code use "targets/hi3516dv300"}; {@code path} is null when the parser recovered without one. */
    record UseDecl(String path, Span pathSpan, Span span) implements Statement {}

    /** {@code param epochs = 100}; {@code value} may be null after a syntax error. */
    record ParamDecl(Name name, Value value, Span span) implements Statement {}

    /**
     * {@code train resnet18 { ... }}: a block name, an optional label and its entries.
     * The label is a value so that both {@code resnet18} and {@code "resnet18"} are kept as written.
     */
    record Block(Name name, Value label, List<Entry> entries, Span span, boolean closed) implements Statement {}
}
