package io.wkforge.stages.nnie;

import io.wkforge.lang.schema.StageId;
import io.wkforge.run.Executor;
import io.wkforge.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * bench/quantize.sh: a ResNet-18 trained by the train stage on generated shape pictures, then
 * export, verify and quantize as `wkforge run` does them, with batch norm as layers and folded,
 * at 8 bits (low_bandwidth) and 16 bits (high_precision), through the board's YUV420SP input.
 * Prints verify.json's and quant.json's figures and each stage's wall time.
 *
 * <p>args: CROP RESIZE PICTURE TRAIN_PER_CLASS VAL_PER_CLASS EPOCHS CALIBRATION
 */
public final class QuantizeBench {
    private QuantizeBench() {}

    public static void main(String[] args) throws Exception {
        int crop = Integer.parseInt(args[0]);
        int resize = Integer.parseInt(args[1]);
        int picture = Integer.parseInt(args[2]);
        int trainPer = Integer.parseInt(args[3]);
        int valPer = Integer.parseInt(args[4]);
        int epochs = Integer.parseInt(args[5]);
        int calibration = Integer.parseInt(args[6]);
        Path dir = Files.createTempDirectory("wkforge-quantize-bench");
        Pipeline p = new Pipeline(dir).shapes(trainPer, valPer, picture);
        String training = String.format(Locale.ROOT, """
                preprocess { resize %dx%d; crop %dx%d }
                train resnet18 { epochs %d; batch 16; optimizer sgd; lr 0.05; schedule cosine; seed 3 }
                """, resize, resize, crop, crop, epochs);
        System.out.printf(Locale.ROOT, "ResNet-18, 4 classes, %dx%d input (resize %d), %dx%d pictures, %d train + %d val per class, %d epochs%n",
                crop, crop, resize, picture, picture, trainPer, valPer, epochs);
        p.recipe(training + quantize("low_bandwidth", calibration) + "export caffe { fold_batchnorm false }\n");
        long t = System.nanoTime();
        check(p.run(StageId.SPLIT, StageId.TRAIN));
        System.out.printf(Locale.ROOT, "train: %.1f s; %s%n", secs(t), p.notes.stream().filter(n -> n.startsWith("best epoch")).findFirst().orElse(""));
        for (boolean fold : new boolean[] {false, true}) {
            p.recipe(training + quantize("low_bandwidth", calibration) + "export caffe { fold_batchnorm " + fold + " }\n");
            t = System.nanoTime();
            check(p.run(StageId.SPLIT, StageId.TRAIN, StageId.EXPORT));
            double export = secs(t);
            t = System.nanoTime();
            check(p.run(StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.VERIFY));
            double verify = secs(t);
            Map<?, ?> v = json(p, "caffe/verify.json");
            System.out.printf(Locale.ROOT, "fold_batchnorm %-5s export %.2f s, verify %.2f s (verify.json seconds %s): %s images, max |dprob| %.3g, "
                            + "max |dlogit| %.3g, top-1 agreement %s, worst %s%n", fold, export, verify, v.get("seconds"), v.get("images"),
                    num(v, "max_abs_diff"), num(v, "max_abs_diff_logits"), v.get("top1_agreement"), ((Map<?, ?>) v.get("worst_image")).get("path"));
            for (String mode : List.of("low_bandwidth", "high_precision")) {
                p.recipe(training + quantize(mode, calibration) + "export caffe { fold_batchnorm " + fold + " }\n");
                t = System.nanoTime();
                check(p.run(Set.of(StageId.QUANTIZE), StageId.SPLIT, StageId.TRAIN, StageId.EXPORT, StageId.QUANTIZE));
                double q = secs(t);
                Map<?, ?> j = json(p, "nnie/quant.json");
                List<?> layers = (List<?>) j.get("layers");
                Map<?, ?> worst = (Map<?, ?>) layers.stream().min((a, b) -> Double.compare(num((Map<?, ?>) a, "cosine"), num((Map<?, ?>) b, "cosine"))).orElseThrow();
                System.out.printf(Locale.ROOT, "  quantize %-14s %5.1f s: top-1 float %.1f%%, board-input float %.1f%%, quantized %.1f%% (drop %.1f points), "
                                + "agreement %.1f%%, worst layer %s %.5f (worst image %.5f), %d layers, %s calibration images%n",
                        mode, q, 100 * num(j, "float_top1"), 100 * num(j, "float_board_input_top1"), 100 * num(j, "quantized_top1"),
                        100 * num(j, "top1_drop"), 100 * num(j, "top1_agreement"), worst.get("name"), num(worst, "cosine"), num(worst, "min_cosine"),
                        layers.size(), j.get("calibration_images"));
            }
        }
        System.out.println("work folder: " + dir);
    }

    private static String quantize(String mode, int calibration) {
        return "quantize { calibration " + calibration + " images; image_type yuv420sp; rgb_order rgb; compile_mode " + mode
                + "; instruction_name \"resnet_inst\" }\n";
    }

    private static void check(Executor.Result r) {
        if (r.outcome() != Executor.Outcome.OK) throw new IllegalStateException(r.failures().toString());
    }

    private static Map<?, ?> json(Pipeline p, String rel) throws Exception {
        return (Map<?, ?>) Json.read(Files.readString(p.file(rel)));
    }

    private static double num(Map<?, ?> m, String k) {
        return ((Number) m.get(k)).doubleValue();
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
