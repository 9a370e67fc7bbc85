package io.wkforge.stages.common.wk;

import io.wkforge.caffe.net.CaffeLayer;
import io.wkforge.caffe.net.CaffeNet;
import io.wkforge.caffe.text.Prototxt;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The input and output blob names of an exported prototxt, which the mapper copies into the .wk's
 * blob records: the first declared input, and the last top of the last layer.
 */
public record PrototxtNames(String input, String output) {
    public static PrototxtNames of(Path prototxt) throws IOException {
        CaffeNet net = CaffeNet.of(Prototxt.read(prototxt));
        String input = net.inputs().isEmpty() ? null : net.inputs().get(0).name();
        String output = null;
        for (CaffeLayer l : net.layers()) {
            if (!l.tops().isEmpty()) output = l.tops().get(l.tops().size() - 1).name();
        }
        return new PrototxtNames(input, output);
    }
}
