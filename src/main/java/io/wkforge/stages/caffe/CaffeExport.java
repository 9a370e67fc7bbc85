package io.wkforge.stages.caffe;

import io.wkforge.caffe.graph.GraphHtml;
import io.wkforge.caffe.lint.CaffeLinter;
import io.wkforge.caffe.lint.LintOptions;
import io.wkforge.caffe.lint.LintResult;
import io.wkforge.caffe.text.Prototxt;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.stages.common.caffe.CaffeFiles;
import io.wkforge.stages.common.caffe.CaffeText;
import io.wkforge.stages.common.caffe.ExportSummary;
import io.wkforge.stages.common.caffe.proto.Caffe.LayerParameter;
import io.wkforge.stages.model.ModelCard;
import io.wkforge.stages.model.Tensor;
import io.wkforge.util.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a trained ResNet-18 as NNIE-ready Caffe files into one folder: {@code model.prototxt},
 * {@code model.caffemodel}, {@code export.json} (what quantize needs: data_scale, mean, input
 * shape; and the lint result) and {@code graph.html}. The prototxt is linted as it was written;
 * a finding is a bug in the exporter and fails the export.
 */
public final class CaffeExport {

    /** @param lint the exported prototxt's lint result; @param unusedTensors weights the network did not use */
    public record Report(InputScaling scaling, int layerCount, LintResult lint, List<String> unusedTensors) {}

    /** The exported files break NNIE's rules: never the user's fault. */
    public static final class LintFailure extends Exception {
        public final List<String> findings;

        LintFailure(List<String> findings) {
            super("the exported prototxt breaks NNIE's rules (a bug in wkforge's exporter)");
            this.findings = findings;
        }
    }

    private CaffeExport() {}

    /**
     * @throws IllegalArgumentException when the weights do not fit a ResNet-18 of the card's class
     *         count ({@link ResNet18ToCaffe.WeightsMismatch} lists every tensor) or the input is too small
     */
    public static Report write(Path dir, ModelCard card, Map<String, Tensor> tensors, boolean foldBatchnorm)
            throws IOException, LintFailure {
        InputScaling scaling = InputScaling.of(card.std());
        ResNet18ToCaffe.Result net = new ResNet18ToCaffe(card, tensors, foldBatchnorm, scaling).build();
        Files.createDirectories(dir);
        String text = CaffeText.print(net.deploy());
        Path prototxt = dir.resolve(CaffeFiles.PROTOTXT);
        Files.writeString(prototxt, text, StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(dir.resolve(CaffeFiles.CAFFEMODEL))) {
            net.weighted().writeTo(out);
        }
        LintResult lint = new CaffeLinter(LintOptions.defaults()).lint(Prototxt.parse(new SourceFile(CaffeFiles.PROTOTXT, prototxt, text)));
        if (lint.hasErrors()) {
            List<String> findings = new ArrayList<>();
            lint.diagnostics().forEach(d -> findings.add(d.headline()));
            throw new LintFailure(findings);
        }
        Files.writeString(dir.resolve(CaffeFiles.GRAPH), GraphHtml.render(lint, "ResNet-18, " + card.numClasses() + " classes"), StandardCharsets.UTF_8);
        Report report = new Report(scaling, net.deploy().getLayerCount(), lint, net.unusedTensors());
        Files.writeString(dir.resolve(CaffeFiles.SUMMARY), Json.write(summary(card, foldBatchnorm, net, report)) + "\n", StandardCharsets.UTF_8);
        return report;
    }

    /** export.json: everything later stages need to know about the Caffe files, and nothing that varies between runs. */
    private static Map<String, Object> summary(ModelCard card, boolean fold, ResNet18ToCaffe.Result net, Report report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format_version", 1);
        m.put("architecture", card.architecture());
        m.put("num_classes", card.numClasses());
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("blob", "data");
        input.put("shape", List.of(1, 3, card.height(), card.width()));
        input.put("channel_order", card.channelOrder());
        input.put("mean", doubles(card.mean()));
        input.put("std", doubles(card.std()));
        m.put("input", input);
        m.put("data_scale", report.scaling().dataScale());
        m.put("data_scale_decimal", ExportSummary.decimalDataScale(card.std()).toPlainString());
        m.put("std_folded_into_conv1", report.scaling().folded());
        m.put("conv1_input_channel_factors", doubles(report.scaling().channelFactors()));
        m.put("fold_batchnorm", fold);
        m.put("batchnorm_eps", card.batchnormEps());
        ModelCard.StemPool pool = card.stemPool();
        m.put("stem_pool", Map.of("kernel", pool.kernel(), "stride", pool.stride(), "pad", pool.pad(),
                "rounding", "ceil (Caffe's and NNIE's default; no field written)"));
        m.put("output_blob", "prob");
        m.put("layer_count", report.layerCount());
        Map<String, Integer> types = new TreeMap<>();
        for (LayerParameter l : net.deploy().getLayerList()) types.merge(l.getType(), 1, Integer::sum);
        m.put("layer_types", types);
        m.put("files", List.of(CaffeFiles.PROTOTXT, CaffeFiles.CAFFEMODEL, CaffeFiles.GRAPH));
        m.put("lint", report.lint().json());
        return m;
    }

    private static List<Object> doubles(double[] v) {
        List<Object> out = new ArrayList<>();
        for (double d : v) out.add(d);
        return out;
    }
}
