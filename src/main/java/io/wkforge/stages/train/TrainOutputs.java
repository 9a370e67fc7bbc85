package io.wkforge.stages.train;

import io.wkforge.lang.model.ClassDef;
import io.wkforge.stages.model.ModelCard;
import io.wkforge.stages.model.ResNet18Layout;
import io.wkforge.stages.model.SafeTensors;
import io.wkforge.stages.model.Tensor;
import io.wkforge.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes {@code model/}: the best weights, the model card, metrics (JSON and CSV), the confusion matrix. */
final class TrainOutputs {
    private TrainOutputs() {}

    /**
     * @param extra informative model-card fields (engine, device, stopping)
     * @param imported what the pretrained file measured before training ({@link ImportedMetrics}), or null
     */
    static void write(Path dir, TrainSettings s, List<ClassDef> classes, List<EpochResult> history, EpochResult best,
                      Map<String, Tensor> bestWeights, boolean stoppedEarly, Map<String, Object> extra, Map<String, Object> imported)
            throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put("architecture", ResNet18Layout.ARCHITECTURE);
        meta.put("num_classes", String.valueOf(classes.size()));
        SafeTensors.write(dir.resolve(ModelCard.WEIGHTS_FILE_NAME), bestWeights, meta);

        List<ModelCard.ModelClass> cards = new ArrayList<>();
        for (ClassDef c : classes) cards.add(new ModelCard.ModelClass(c.index(), c.id(), c.folderName(), c.nature(), c.name(), c.background()));
        new ModelCard(ResNet18Layout.ARCHITECTURE, cards, s.preprocessing(), best.epoch(), best.valTop1(), extra)
                .write(dir.resolve(ModelCard.FILE_NAME));

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("format_version", 1);
        metrics.put("best_epoch", best.epoch());
        metrics.put("val_top1", best.valTop1());
        metrics.put("val_loss", best.valLoss());
        metrics.put("epochs_run", history.size());
        metrics.put("epochs_planned", s.epochs());
        metrics.put("stopped_early", stoppedEarly);
        if (imported != null) metrics.put("imported", imported);
        metrics.put("epochs", history.stream().map(EpochResult::summary).toList());
        Files.writeString(dir.resolve("metrics.json"), Json.write(metrics) + "\n", StandardCharsets.UTF_8);

        StringBuilder csv = new StringBuilder("epoch,lr,train_loss,train_top1,val_loss,val_top1,images_per_second,train_seconds,compute_seconds,seconds\n");
        for (EpochResult e : history) {
            csv.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%.2f,%.3f,%.3f,%.3f%n", e.epoch(), e.lr(), e.trainLoss(), e.trainTop1(),
                    e.valLoss(), e.valTop1(), e.imagesPerSecond(), e.trainSeconds(), e.computeSeconds(), e.seconds()));
        }
        Files.writeString(dir.resolve("metrics.csv"), csv.toString(), StandardCharsets.UTF_8);

        Files.writeString(dir.resolve("confusion.json"), Json.write(confusion(best, classes)) + "\n", StandardCharsets.UTF_8);
    }

    /** The best epoch's validation confusion matrix with class names and per-class accuracy. */
    static Map<String, Object> confusion(EpochResult best, List<ClassDef> classes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", best.epoch());
        m.put("split", "val");
        m.put("rows", "true class");
        m.put("columns", "predicted class");
        m.put("classes", classes.stream().map(ClassDef::folderName).toList());
        List<Object> rows = new ArrayList<>();
        List<Object> perClass = new ArrayList<>();
        int[][] cm = best.confusion();
        for (int i = 0; i < cm.length; i++) {
            List<Object> row = new ArrayList<>();
            int total = 0;
            for (int v : cm[i]) {
                row.add(v);
                total += v;
            }
            rows.add(row);
            Map<String, Object> pc = new LinkedHashMap<>();
            pc.put("class", classes.get(i).folderName());
            pc.put("images", total);
            pc.put("correct", cm[i][i]);
            pc.put("top1", total == 0 ? null : (double) cm[i][i] / total);
            perClass.add(pc);
        }
        m.put("matrix", rows);
        m.put("per_class", perClass);
        return m;
    }
}
