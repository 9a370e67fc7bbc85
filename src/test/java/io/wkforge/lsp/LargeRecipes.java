package io.wkforge.lsp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A generated recipe of any length (every block, then a long class table), for the editor at scale. */
public final class LargeRecipes {
    private LargeRecipes() {}

    /** A recipe of {@code lines} lines. */
    public static String generate(int lines) {
        StringBuilder sb = new StringBuilder();
        sb.append("# generated: a large recipe for the language server\nparam epochs = 100\n\n");
        sb.append("frames { fps 1; format png }\nclean { duplicates 0.95; blur 60 }\nsplit { val 10%; by video; seed 42 }\n");
        sb.append("preprocess {\n  resize 256x256\n  crop 224x224\n  mean 127.5 127.5 127.5\n  std 127.5 127.5 127.5\n}\n\n");
        sb.append("train resnet18 {\n  epochs $epochs\n  batch 32\n  optimizer sgd\n  lr 0.1\n  momentum 0.9\n  weight_decay 1e-4\n  schedule step 30 60 90\n}\n\n");
        sb.append("quantize {\n  compile_mode low_bandwidth\n  image_type yuv420sp\n  calibration 20 images\n  max_top1_drop 1%\n}\n\n");
        sb.append("deploy taurus { via dir \"/srv/nfs/taurus\" }\n\nclasses {\n");
        int used = (int) sb.chars().filter(c -> c == '\n').count();
        int rows = lines - used - 2;
        int id = 0;
        for (int i = 1; i <= rows; i++) {
            if (i % 10 == 0) {
                sb.append("  # group ").append(i / 10).append('\n');
            } else {
                id++;
                sb.append(String.format("  %04d kitchen item%04d videos \"videos/item%04d/*.mp4\"%n", id, id, id));
            }
        }
        sb.append(String.format("  %04d other background videos \"videos/background/*.mp4\" background%n}%n", id + 1));
        return sb.toString();
    }

    /** Creates one (empty) video per class so the recipe checks clean. */
    public static void writeVideos(Path dir, String recipe) throws IOException {
        Matcher m = Pattern.compile("\"(videos/[^\"*]+)/\\*\\.mp4\"").matcher(recipe);
        while (m.find()) Files.writeString(Files.createDirectories(dir.resolve(m.group(1))).resolve("clip.mp4"), "");
    }

    /** The 0-based line of {@code batch 32} (the line the edits change). */
    public static int batchLine(String recipe) {
        return (int) recipe.substring(0, recipe.indexOf("  batch 32")).chars().filter(c -> c == '\n').count();
    }
}
