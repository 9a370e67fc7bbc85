package io.wkforge.caffe;

import io.wkforge.caffe.lint.CaffeLinter;
import io.wkforge.caffe.lint.LintOptions;
import io.wkforge.caffe.lint.LintResult;
import io.wkforge.caffe.text.Prototxt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test networks: the real-world-style prototxts under test resources, and small inline ones. */
public final class Nets {
    public static final String SQUEEZENET = "squeezenet-v1.1.prototxt";
    public static final String MOBILENET = "mobilenet-v1.prototxt";
    public static final String SSD = "ssd-style.prototxt";

    /** A tiny clean classifier; tests break one thing in it at a time. */
    public static final String SMALL = """
            name: "small"
            input: "data"
            input_shape { dim: 1 dim: 3 dim: 32 dim: 32 }
            layer {
              name: "conv1"
              type: "Convolution"
              bottom: "data"
              top: "conv1"
              convolution_param { num_output: 8 kernel_size: 3 stride: 2 pad: 1 }
            }
            layer { name: "relu1" type: "ReLU" bottom: "conv1" top: "conv1" }
            layer {
              name: "pool1"
              type: "Pooling"
              bottom: "conv1"
              top: "pool1"
              pooling_param { pool: MAX kernel_size: 3 stride: 2 }
            }
            layer { name: "flat" type: "Flatten" bottom: "pool1" top: "flat" }
            layer {
              name: "fc"
              type: "InnerProduct"
              bottom: "flat"
              top: "fc"
              inner_product_param { num_output: 4 }
            }
            layer { name: "prob" type: "Softmax" bottom: "fc" top: "prob" }
            """;

    private Nets() {}

    public static String resource(String name) {
        try (InputStream in = Nets.class.getResourceAsStream("lint/" + name)) {
            if (in == null) throw new IllegalArgumentException("no test network " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LintResult lint(String text) {
        return lint(text, LintOptions.defaults());
    }

    public static LintResult lint(String text, LintOptions options) {
        return new CaffeLinter(options).lint(Prototxt.of("net.prototxt", text));
    }
}
