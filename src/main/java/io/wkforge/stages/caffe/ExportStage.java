package io.wkforge.stages.caffe;

import io.wkforge.lang.model.Setting;
import io.wkforge.lang.schema.StageId;
import io.wkforge.run.StageException;
import io.wkforge.run.StageRunner;
import io.wkforge.run.TaskContext;
import io.wkforge.stages.model.ModelCard;
import io.wkforge.stages.model.SafeTensors;
import io.wkforge.stages.model.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Stage {@code export}: the trained ResNet-18 ({@code model/model.safetensors} and its model card)
 * as Caffe files nnie_mapper accepts without edits, under {@code caffe/}. See
 * docs/stages/export.md.
 */
public final class ExportStage implements StageRunner {

    @Override
    public StageId stage() {
        return StageId.EXPORT;
    }

    /** What shapes the Caffe files besides this package: the weights reader and model card, the JSON writer, the prototxt linter, the Caffe messages and their printer. */
    @Override
    public java.util.List<String> codePackages() {
        return java.util.List.of(getClass().getPackageName(), "io.wkforge.stages.model", "io.wkforge.util", "io.wkforge.caffe",
                "io.wkforge.stages.common.caffe");
    }

    /** protobuf-java writes the .caffemodel bytes. */
    @Override
    public java.util.List<String> libraryClasses() {
        return java.util.List.of("com.google.protobuf.CodedOutputStream");
    }

    @Override
    public void run(TaskContext ctx) throws StageException {
        boolean fold = ctx.setting("export.fold_batchnorm").asBool();
        Path weightsFile = ctx.input(StageId.TRAIN, ModelCard.weightsRelPath());
        Path cardFile = ctx.input(StageId.TRAIN, ModelCard.relPath());
        long start = System.nanoTime();
        ModelCard card;
        Map<String, Tensor> tensors;
        try {
            card = ModelCard.read(cardFile);
            tensors = SafeTensors.read(weightsFile);
        } catch (IOException e) {
            throw new StageException(e.getMessage());
        }
        checkAgainstRecipe(ctx, card);
        CaffeExport.Report report;
        try {
            report = CaffeExport.write(ctx.stagingDir(StageId.EXPORT), card, tensors, fold);
        } catch (ResNet18ToCaffe.WeightsMismatch e) {
            throw new StageException(weightsFile + ": " + e.getMessage(), e.problems);
        } catch (IllegalArgumentException e) {
            throw new StageException(cardFile + ": " + e.getMessage());
        } catch (CaffeExport.LintFailure e) {
            throw new StageException(e.getMessage(), e.findings);
        } catch (IOException e) {
            throw new StageException("cannot write the Caffe files: " + e.getMessage());
        }
        if (!report.unusedTensors().isEmpty()) {
            ctx.warn(weightsFile.getFileName() + " holds tensors a ResNet-18 does not use: " + String.join(", ", report.unusedTensors()));
        }
        for (var d : report.lint().diagnostics()) ctx.warn("lint: " + d.headline());
        ctx.note(String.format(java.util.Locale.ROOT, "caffe: %d layers (batch norm %s), input 1x3x%dx%d, data_scale %s%s, lint clean, %.1f s",
                report.layerCount(), fold ? "folded into the convolutions" : "as BatchNorm + Scale", card.height(), card.width(),
                report.scaling().dataScale(), report.scaling().folded() ? " (per-channel std folded into conv1)" : "",
                (System.nanoTime() - start) / 1e9));
    }

    /** The model card must describe the network this recipe trains: a stale card means a stale model. */
    private static void checkAgainstRecipe(TaskContext ctx, ModelCard card) throws StageException {
        Setting crop = ctx.setting("preprocess.crop");
        var size = crop.asSize();
        if (size.width() != card.width() || size.height() != card.height()) {
            throw new StageException("model/model.json describes a " + card.width() + "x" + card.height()
                    + " network but preprocess.crop is " + crop.text() + "; run train again (wkforge run --force train)");
        }
        int classes = ctx.classes().size();
        if (classes != card.numClasses()) {
            throw new StageException("model/model.json has " + card.numClasses() + " classes but the recipe declares " + classes
                    + "; run train again (wkforge run --force train)");
        }
    }
}
