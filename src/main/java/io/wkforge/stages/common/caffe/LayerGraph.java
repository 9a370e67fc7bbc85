package io.wkforge.stages.common.caffe;

import io.wkforge.stages.common.caffe.proto.Caffe.LayerParameter;
import io.wkforge.stages.common.caffe.proto.Caffe.NetParameter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Who reads whose output in a Caffe network, with Caffe's in-place rule: a layer whose top
 * names its own bottom replaces that blob, so later layers read the replacement.
 */
public final class LayerGraph {
    private final List<LayerParameter> layers;

    public LayerGraph(NetParameter net) {
        this.layers = net.getLayerList();
    }

    /** The graph of a binary {@code .caffemodel} (export's weighted network). */
    public static LayerGraph read(Path caffemodel) throws IOException {
        try (InputStream in = Files.newInputStream(caffemodel)) {
            return new LayerGraph(NetParameter.parseFrom(in));
        }
    }

    public List<LayerParameter> layers() {
        return layers;
    }

    public int indexOf(String name) {
        for (int i = 0; i < layers.size(); i++) if (layers.get(i).getName().equals(name)) return i;
        return -1;
    }

    /** The layers that read layer {@code i}'s first output, in network order. */
    public List<Integer> consumers(int i) {
        List<Integer> out = new ArrayList<>();
        if (layers.get(i).getTopCount() == 0) return out;
        String top = layers.get(i).getTop(0);
        for (int j = i + 1; j < layers.size(); j++) {
            LayerParameter l = layers.get(j);
            if (l.getBottomList().contains(top)) out.add(j);
            if (l.getTopList().contains(top)) break; // replaced from here on
        }
        return out;
    }

    /**
     * The layer whose output is the class scores (the logits): the one whose output the final
     * Softmax reads, or the last layer when there is no Softmax. The one way every stage and test
     * finds it ({@code fc} in wkforge's export).
     */
    public String logitsLayer() {
        LayerParameter last = layers.get(layers.size() - 1);
        if (!last.getType().equals("Softmax") || last.getBottomCount() == 0) return last.getName();
        String blob = last.getBottom(0);
        for (int j = layers.size() - 2; j >= 0; j--) if (layers.get(j).getTopList().contains(blob)) return layers.get(j).getName();
        return last.getName();
    }

    /**
     * Whether layer {@code i}'s output is rectified in place by the next layer: a quantized network
     * (OpenCV's int8 net, and NNIE) then keeps only the rectified values, so the layer's own
     * unrectified output does not exist there.
     */
    public boolean rectifiedInPlace(int i) {
        List<Integer> c = consumers(i);
        if (c.size() != 1) return false;
        LayerParameter next = layers.get(c.get(0));
        return next.getType().equals("ReLU") && next.getTopCount() == 1 && next.getBottomCount() == 1
                && next.getTop(0).equals(next.getBottom(0));
    }
}
