package io.wkforge.lang.syntax;

import io.wkforge.lang.source.Span;

/** A {@code #} comment; {@code text} includes the {@code #}. */
public record Comment(String text, Span span) {}
