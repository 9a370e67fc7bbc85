package io.wkforge.lang.syntax;

import io.wkforge.lang.source.Span;

/** An identifier as written, with its place: a block name, a setting key, a param name. */
public record Name(String text, Span span) {}
