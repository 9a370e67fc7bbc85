package io.wkforge.stages.nnie;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per layer, how close the quantized network's output stays to the float network's on the same
 * input: the cosine similarity of the two output vectors of each image (RuyiStudio's "vector
 * comparison"), averaged over the images, and the worst image's.
 */
final class LayerCosines {
    /** One row of the table. */
    record Row(String name, String type, int bits, double cosine, double minCosine, int images) {}

    private static final class Acc {
        final String type;
        final int bits;
        double sum;
        double min = 1;
        int count;

        Acc(String type, int bits) {
            this.type = type;
            this.bits = bits;
        }
    }

    private final Map<String, Acc> layers = new LinkedHashMap<>();

    /** Declares a layer (in network order) before any image is added. */
    void layer(String name, String type, int bits) {
        layers.putIfAbsent(name, new Acc(type, bits));
    }

    /** Adds {@code n} images of one layer: {@code a} and {@code b} hold n equal slices. */
    void add(String name, float[] a, float[] b, int n) {
        Acc acc = layers.get(name);
        if (acc == null) throw new IllegalArgumentException("undeclared layer " + name);
        if (a.length != b.length || a.length % n != 0) throw new IllegalArgumentException(name + ": " + a.length + " vs " + b.length + " values");
        int per = a.length / n;
        for (int i = 0; i < n; i++) {
            double c = cosine(a, b, i * per, per);
            acc.sum += c;
            acc.min = Math.min(acc.min, c);
            acc.count++;
        }
    }

    /** Rows in network order. */
    List<Row> rows() {
        List<Row> out = new ArrayList<>();
        layers.forEach((name, a) -> {
            if (a.count > 0) out.add(new Row(name, a.type, a.bits, a.sum / a.count, a.min, a.count));
        });
        return out;
    }

    static double cosine(float[] a, float[] b, int from, int len) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = from; i < from + len; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        if (na == 0 && nb == 0) return 1;
        if (na == 0 || nb == 0) return 0;
        return dot / Math.sqrt(na * nb);
    }
}
