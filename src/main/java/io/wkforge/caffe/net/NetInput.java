package io.wkforge.caffe.net;

import io.wkforge.caffe.text.TextNode;
import io.wkforge.lang.source.Span;
import java.util.List;

/**
 * An input blob of the network, from the header ({@code input} with {@code input_shape} or the
 * legacy {@code input_dim}) or from an {@code Input} layer.
 *
 * @param dims the declared shape, or null when none is given
 * @param layer the Input layer that declares it, or null for a header input
 */
public record NetInput(String name, List<Long> dims, Span span, Style style, TextNode layer) {
    public enum Style { INPUT_SHAPE, INPUT_DIM, INPUT_LAYER, NO_SHAPE }
}
