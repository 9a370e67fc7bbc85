package io.wkforge.caffe.net;

import io.wkforge.caffe.text.TextNode;
import io.wkforge.lang.source.Span;
import java.util.List;

/**
 * One layer as the file declares it.
 *
 * @param type the layer type in today's spelling ({@code Convolution}), also for a legacy
 *             {@code layers} block's enum ({@code CONVOLUTION}); empty when the file gives none
 * @param legacy true for a legacy {@code layers} (V1) block
 * @param node the layer's block, for its parameters and positions
 */
public record CaffeLayer(int index, String name, String type, List<BlobRef> bottoms, List<BlobRef> tops,
                         boolean legacy, TextNode node) {

    public Span nameSpan() {
        TextNode n = node.get("name");
        return n != null ? n.span() : node.nameSpan();
    }

    public Span typeSpan() {
        TextNode t = node.get("type");
        return t != null ? t.span() : node.nameSpan();
    }

    /** The layer's parameter block ({@code convolution_param} ...), or null. */
    public TextNode param(String fieldName) {
        return node.message(fieldName);
    }

    /** True when every top is also a bottom (ReLU, BatchNorm and Scale are often written this way). */
    public boolean inPlace() {
        if (tops.isEmpty()) return false;
        for (BlobRef t : tops) {
            if (bottoms.stream().noneMatch(b -> b.name().equals(t.name()))) return false;
        }
        return true;
    }

    /** A name for messages: the layer's name, or its position when it has none. */
    public String label() {
        return name.isEmpty() ? "layer #" + (index + 1) : name;
    }
}
