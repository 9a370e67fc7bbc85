package io.wkforge.stages.report;

import io.wkforge.lang.model.ClassDef;
import io.wkforge.lang.schema.StageId;
import io.wkforge.lang.source.Span;
import io.wkforge.run.RunSoFar;
import io.wkforge.stages.model.ModelCard;
import io.wkforge.stages.model.Preprocessing;
import io.wkforge.util.Json;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * An out dir with every stage's outputs written as the contracts of docs/architecture.md say,
 * small and made up, for testing the report on its own. Stages can be left out to see the page
 * without them.
 */
final class ReportFixture {
    static final List<String> NAMES = List.of("tomato", "eggplant", "rind", "background");

    private ReportFixture() {}

    static List<ClassDef> classes() {
        List<ClassDef> out = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            boolean bg = i == NAMES.size() - 1;
            out.add(new ClassDef(i + 1, bg ? "other" : "kitchen", NAMES.get(i), List.of("videos/" + NAMES.get(i) + "/*.mp4"), bg,
                    null, null, Span.NONE));
        }
        return out;
    }

    /** Writes the outputs of the given stages under {@code out}. */
    static void write(Path out, List<StageId> stages) throws IOException {
        List<ClassDef> classes = classes();
        if (stages.contains(StageId.CLEAN)) {
            Map<String, Object> byClass = new LinkedHashMap<>();
            List<Object> dropped = new ArrayList<>();
            for (ClassDef c : classes) {
                byClass.put(c.folderName(), Map.of("frames", 40, "kept", 35, "excluded", 0, "uniform", 2, "blurry", 2,
                        "duplicate", 1, "near_duplicate", 0));
                String frame = "frames/" + c.folderName() + "/" + c.folderName() + "_v1_000003.png";
                dropped.add(Map.of("frame", frame, "reasons", List.of("blurry"), "sharpness", 3.2, "grey_std", 20.1));
                image(out.resolve("clean/thumbs/" + DatasetSection.thumbName(frame)), Color.GRAY, 192, 144);
            }
            json(out.resolve("clean/report.json"), Map.of("settings", Map.of("duplicates", 1, "blur", 100, "uniform", 4),
                    "classes", byClass, "dropped", dropped));
            Files.writeString(out.resolve("clean/report.html"), "<!DOCTYPE html><title>contact sheet</title>");
        }
        if (stages.contains(StageId.SPLIT)) {
            List<Object> rows = new ArrayList<>();
            Color[] colours = {Color.RED, new Color(90, 30, 120), new Color(30, 130, 40), Color.LIGHT_GRAY};
            for (ClassDef c : classes) {
                rows.add(Map.of("id", c.id(), "index", c.index(), "class", c.folderName(), "train", 28, "val", 7,
                        "train_videos", 4, "val_videos", 1));
                for (int i = 0; i < 6; i++) {
                    image(out.resolve("dataset/train/" + c.folderName() + "/" + c.folderName() + "_v1_00000" + i + ".png"),
                            colours[c.index()], 160, 120);
                }
            }
            json(out.resolve("dataset/summary.json"), Map.of("val", 0.2, "by", "video", "seed", 1, "classes", rows,
                    "total", Map.of("train", 112, "val", 28)));
        }
        if (stages.contains(StageId.TRAIN)) {
            List<Object> epochs = new ArrayList<>();
            for (int e = 1; e <= 8; e++) {
                epochs.add(Map.of("epoch", e, "lr", 0.002 * (1 + Math.cos(Math.PI * (e - 1) / 8)) / 2, "train_loss", 1.5 / e,
                        "train_top1", 1 - 0.6 / e, "val_loss", 1.8 / e + 0.1, "val_top1", 0.95 - 0.5 / e,
                        "images_per_second", 80.0, "seconds", 4.5));
            }
            json(out.resolve("model/metrics.json"), Map.of("format_version", 1, "best_epoch", 8, "val_top1", 0.8875,
                    "val_loss", 0.325, "epochs_run", 8, "epochs_planned", 8, "stopped_early", false, "epochs", epochs));
            List<ModelCard.ModelClass> cards = classes.stream()
                    .map(c -> new ModelCard.ModelClass(c.index(), c.id(), c.folderName(), c.nature(), c.name(), c.background())).toList();
            new ModelCard("resnet18", cards, new Preprocessing(56, 56, 48, 48, "rgb", new double[] {127.5, 127.5, 127.5},
                    new double[] {127.5, 127.5, 127.5}), 8, 0.8875, Map.of("device", "cpu")).write(out.resolve("model/model.json"));
            json(out.resolve("model/confusion.json"), Map.of("epoch", 8, "split", "val", "rows", "true class",
                    "columns", "predicted class", "classes", classes.stream().map(ClassDef::folderName).toList(),
                    "matrix", List.of(List.of(7, 0, 0, 0), List.of(0, 6, 1, 0), List.of(0, 0, 7, 0), List.of(0, 0, 3, 4))));
            Files.writeString(out.resolve("model/train.log"), "epoch 1 ...\n");
            Files.write(out.resolve("model/model.safetensors"), new byte[64]);
        }
        if (stages.contains(StageId.EXPORT)) {
            json(out.resolve("caffe/export.json"), Map.of("format_version", 1, "architecture", "resnet18", "num_classes", 4,
                    "input", Map.of("blob", "data", "shape", List.of(1, 3, 48, 48), "channel_order", "rgb"),
                    "data_scale", 0.00784313725490196, "std_folded_into_conv1", false, "fold_batchnorm", false,
                    "layer_count", 90, "layer_types", Map.of("Convolution", 20, "BatchNorm", 20, "Scale", 20),
                    "lint", Map.of("valid", true, "error_count", 0, "warning_count", 0, "target", "hi3516dv300")));
            Files.writeString(out.resolve("caffe/graph.html"), "<!DOCTYPE html><html><body><svg id=\"net\" width=\"200\" height=\"80\">"
                    + "<rect class=\"layer\" width=\"120\" height=\"30\"/></svg><script>document.title = 'graph';</script></body></html>");
            Files.write(out.resolve("caffe/model.prototxt"), "name: \"resnet18\"\n".getBytes());
        }
        if (stages.contains(StageId.VERIFY)) {
            json(out.resolve("caffe/verify.json"), Map.of("images", 28, "max_abs_diff", 2.4e-6, "max_abs_diff_logits", 1.1e-5,
                    "top1_agreement", 1.0, "worst_image", "dataset/val/03_kitchen_rind/x.png", "tolerance", 1e-3, "passed", true));
        }
        if (stages.contains(StageId.QUANTIZE)) {
            List<Object> layers = new ArrayList<>();
            for (String n : List.of("conv1", "layer1.0.conv1", "layer1.0.conv2", "layer2.0.conv1", "layer4.1.conv2", "fc", "prob")) {
                layers.add(Map.of("name", n, "type", n.startsWith("conv") || n.contains("conv") ? "Convolution" : "InnerProduct",
                        "cosine", n.equals("fc") ? 0.9871 : 0.9993));
            }
            json(out.resolve("nnie/quant.json"), Map.of("estimate", true, "precision_bits", 8, "float_top1", 0.8875,
                    "quantized_top1", 0.875, "top1_drop", 0.0125, "images", 28, "layers", layers,
                    "gate", Map.of("max_top1_drop", 0.1, "passed", true)));
            Files.writeString(out.resolve("nnie/resnet_inst.cfg"), "[prototxt_file] ../caffe/model.prototxt\n[net_type] 0\n");
            Files.writeString(out.resolve("nnie/mean.txt"), "127.5\n127.5\n127.5\n");
        }
        if (stages.contains(StageId.WK)) {
            // a .wk built from the documented layout (random instructions, never a model), as the report reads it
            io.wkforge.stages.common.wk.WkBuilder.classifier(NAMES.size(), 224, 224, io.wkforge.stages.common.wk.BlobType.YVU420SP)
                    .instructionBytes(2048).write(out.resolve("nnie/resnet_inst.wk"));
            Files.writeString(out.resolve("nnie/mapper.log"), "Mapper Version 1.2\nend of compile\n");
        }
        if (stages.contains(StageId.DEPLOY)) {
            json(out.resolve("deploy/deploy.json"), Map.of("format_version", 1, "via", "dir", "destination", "/srv/nfs/taurus",
                    "verified_by", "reading every file back", "files", List.of(Map.of("name", "resnet_inst.wk", "size", 2048,
                            "sha256", "ab".repeat(32)))));
        }
    }

    /** A run in which the given stages ran, frames came from the cache, and wk and deploy were skipped. */
    static RunSoFar run(List<StageId> ran) {
        List<RunSoFar.TaskOutcome> tasks = new ArrayList<>();
        for (ClassDef c : classes()) {
            tasks.add(new RunSoFar.TaskOutcome("frames/" + c.folderName() + "/v1", StageId.FRAMES, "cached", 0, null,
                    "2026-11-27T10:15:00Z", 900));
        }
        for (StageId s : ran) {
            if (s != StageId.FRAMES) tasks.add(new RunSoFar.TaskOutcome(s.id(), s, "ran", 1500 + 100L * s.ordinal(), null, null, 0));
        }
        if (!ran.contains(StageId.WK)) {
            tasks.add(new RunSoFar.TaskOutcome("wk", StageId.WK, "skipped", 0, "nnie_mapper_12 is not installed", null, 0));
            tasks.add(new RunSoFar.TaskOutcome("deploy", StageId.DEPLOY, "skipped", 0, "needs the outputs of `wk`, which is skipped", null, 0));
        }
        List<RunSoFar.SettingUse> settings = List.of(
                new RunSoFar.SettingUse("frames.fps", "3", "demo.recipe:14"),
                new RunSoFar.SettingUse("frames.format", "png", "default"),
                new RunSoFar.SettingUse("train.epochs", "8", "--set"),
                new RunSoFar.SettingUse("train.pretrained", null, "default"),
                new RunSoFar.SettingUse("quantize.instruction_name", "\"resnet_inst\"", "targets/hi3516dv300:17"));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("recipe", "/home/me/wkforge-demo/demo.recipe");
        facts.put("recipe_sha256", "0123456789abcdef0123456789abcdef");
        facts.put("git", Map.of("commit", "1a2b3c4d", "dirty", true));
        facts.put("overrides", List.of("train.epochs=8"));
        facts.put("arguments", List.of("run", "demo.recipe", "--set", "train.epochs=8"));
        facts.put("tools", Map.of("wkforge", "0.1.0", "java", "17.0.12"));
        return new RunSoFar("20261128-101500-4242", "2026-11-28T10:15:00Z", facts, settings,
                List.of(new RunSoFar.SourceText("demo.recipe", "use \"targets/hi3516dv300\"\nclasses {\n  1 kitchen tomato videos \"v/*\"\n}\n")),
                tasks);
    }

    private static void json(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, Json.write(value) + "\n");
    }

    private static void image(Path file, Color colour, int w, int h) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(200, 190, 170));
        g.fillRect(0, 0, w, h);
        g.setColor(colour);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }
}
