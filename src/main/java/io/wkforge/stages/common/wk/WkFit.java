package io.wkforge.stages.common.wk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whether a .wk fits a recipe: the one check that {@code inspect --against}, the {@code wk} stage
 * (right after the mapper) and {@code deploy} (before anything is copied) share. Each mismatch is
 * one sentence naming both sides and what to change.
 */
public final class WkFit {
    private WkFit() {}

    public static List<String> mismatches(WkFile wk, WkExpectation want) {
        List<String> out = new ArrayList<>();
        if (!Arrays.equals(wk.version(), want.version())) {
            out.add("the .wk has format version " + wk.versionText() + " but the target's NNIE loader accepts "
                    + want.versionText() + " (quantize.wk_version): it was made by the mapper of another chip family; "
                    + "run this family's mapper (quantize.mapper) or, for another board, import its target");
        }
        boolean simulation = wk.runMode() == WkFile.RUN_MODE_SIMULATION;
        if (wk.runMode() != WkFile.RUN_MODE_CHIP && !simulation) {
            out.add("the .wk has run mode " + wk.runMode() + ", which is neither chip (0) nor functional simulation (1)");
        } else if (simulation && !want.simulation()) {
            out.add("the .wk was built for functional simulation (run mode 1), which the board cannot load, but the recipe has "
                    + "quantize.is_simulation false: run the mapper again with this recipe's cfg");
        } else if (!simulation && want.simulation()) {
            out.add("the .wk was built for the chip (run mode 0) but the recipe has quantize.is_simulation true: "
                    + "set quantize.is_simulation false, or run the mapper again with this recipe's cfg");
        }
        List<WkFile.Blob> sources = wk.sources();
        if (sources.size() != 1) {
            out.add("the .wk has " + sources.size() + " input blobs (" + names(sources) + ") but a classifier made by wkforge has one");
        } else {
            WkFile.Blob in = sources.get(0);
            if (in.channels() != want.channels() || in.height() != want.height() || in.width() != want.width()) {
                out.add("the .wk's input `" + in.name() + "` is " + in.shape() + " but the recipe crops " + want.inputShape()
                        + " (preprocess.crop " + want.width() + "x" + want.height() + "): set preprocess.crop " + in.width() + "x"
                        + in.height() + " if the .wk is right, or run export, quantize and wk again");
            }
            BlobType type = BlobType.forImageType(want.imageType());
            if (type != null && in.type() != type.code()) {
                out.add("the .wk's input `" + in.name() + "` is " + BlobType.nameOf(in.type()) + " but quantize.image_type "
                        + want.imageType() + " makes it " + type + ": set quantize.image_type to the type the board feeds "
                        + "and run quantize and wk again");
            }
            if (want.inputName() != null && !want.inputName().equals(in.name())) {
                out.add("the .wk's input is named `" + in.name() + "` but the exported prototxt's is `" + want.inputName()
                        + "`: this .wk was not made from this recipe's export; run wk again");
            }
        }
        List<WkFile.Blob> outputs = wk.destinations();
        if (outputs.size() != 1) {
            out.add("the .wk has " + outputs.size() + " output blobs (" + names(outputs) + ") but a classifier made by wkforge has one");
        } else {
            WkFile.Blob o = outputs.get(0);
            if (o.elements() != want.classes()) {
                out.add("the .wk's output `" + o.name() + "` holds " + o.elements() + " values (" + o.shape() + ") but the recipe has "
                        + want.classes() + " classes, and labels.txt and the board app assume one value per class: "
                        + "train and export with this recipe's classes and run wk again");
            }
            if (want.outputName() != null && !want.outputName().equals(o.name())) {
                out.add("the .wk's output is named `" + o.name() + "` but the exported prototxt's is `" + want.outputName()
                        + "`: this .wk was not made from this recipe's export; run wk again");
            }
        }
        return out;
    }

    private static String names(List<WkFile.Blob> blobs) {
        if (blobs.isEmpty()) return "none";
        return String.join(", ", blobs.stream().map(b -> "`" + b.name() + "`").toList());
    }
}
