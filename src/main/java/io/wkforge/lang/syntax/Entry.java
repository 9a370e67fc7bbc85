package io.wkforge.lang.syntax;

import io.wkforge.lang.source.Span;
import java.util.List;

/**
 * One line of a block: a key and its values ({@code mean 127.5 127.5 127.5}). A class row is an
 * entry too: its key is the class id ({@code 1 scene megamind videos "a.avi"}).
 */
public record Entry(Name key, List<Value> values, Span span) {}
