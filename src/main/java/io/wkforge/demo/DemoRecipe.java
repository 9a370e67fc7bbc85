package io.wkforge.demo;

import java.util.Locale;

/**
 * The demo's recipe: an ordinary recipe, written once into the demo folder for the user to read,
 * edit and run again. Sized for a 2-core CPU: small frames, a small network input, a few epochs.
 */
public final class DemoRecipe {
    public static final String FILE_NAME = "demo.recipe";
    /** The folder standing in for the board's NFS export, beside the recipe. */
    public static final String BOARD_FOLDER = "board-nfs";

    private DemoRecipe() {}

    public static String text() {
        StringBuilder classes = new StringBuilder();
        DemoObject[] objects = DemoObject.values();
        int width = 0;
        for (DemoObject o : objects) width = Math.max(width, o.className().length());
        for (int i = 0; i < objects.length; i++) {
            DemoObject o = objects[i];
            classes.append(String.format(Locale.ROOT, "  %d %-7s %-" + width + "s videos \"videos/%s/*.mp4\"%s%n",
                    i + 1, o.nature(), o.className(), o.className(), o == DemoObject.NOTHING ? " background" : ""));
        }
        return """
                # The wkforge demo: four kitchen objects and the empty scene, filmed by a pretend camera
                # (`wkforge demo` generated the videos beside this file, with frozen, blurred and black
                # stretches for `clean` to find). It is an ordinary recipe: edit it and run it again with
                #   wkforge run demo.recipe
                # and only the stages whose settings or inputs changed run (`wkforge plan` says why).
                use "targets/hi3516dv300"  # the seed's nnie_mapper settings and the Taurus board paths
                use "presets/seed-normalize"

                param epochs = 8

                classes {
                %s}

                frames {
                  fps 3  # three frames per second of video
                  format png
                }

                clean {
                  duplicates 1  # exact repeats: the camera froze
                  blur 100  # out of focus
                  uniform 4  # lens covered
                }

                split {
                  val 20%%
                  by video  # one of the five videos of each class is kept for validation
                  seed 1
                }

                preprocess {
                  resize 56x56  # small, for a CPU: the board's app uses 256x256 and 224x224
                  crop 48x48
                }

                train resnet18 {
                  epochs $epochs
                  batch 32
                  optimizer adam
                  lr 0.002
                  schedule cosine
                  seed 1
                }

                export caffe {
                  verify_tolerance 1e-4  # a faithful export differs by about 1e-6
                }

                quantize {
                  calibration 20 images
                  max_top1_drop 10%%  # the accuracy gate: exit 4 if the quantization estimate loses more
                }

                deploy taurus {
                  via dir "%s"  # stands in for the NFS export the board mounts
                }
                """.formatted(classes, BOARD_FOLDER);
    }
}
