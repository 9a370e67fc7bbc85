package io.wkforge.lang;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The three shapes of recipe that once hung or crashed the checker (issue 23), generated at any
 * size: the fuzz test runs them small, bench/check-pathological.sh at the issue's sizes with a
 * time bound. Each writes into {@code dir} and returns the recipe to check.
 */
public final class PathologicalRecipes {
    private PathologicalRecipes() {}

    private static final String BACKGROUND = "  2 other background videos \"videos/x/*.mp4\" background\n";

    /** {@code videos "videos/x/***...*z"} against a folder of {@code files} long names that do not end in z. */
    public static Path manyStars(Path dir, int stars, int files) throws IOException {
        Path videos = Files.createDirectories(dir.resolve("videos/x"));
        for (int i = 0; i < files; i++) Files.createFile(videos.resolve("a".repeat(40) + i + ".mp4"));
        return Files.writeString(dir.resolve("stars.recipe"),
                "classes {\n  1 kitchen mushroom videos \"videos/x/" + "*".repeat(stars) + "z\"\n" + BACKGROUND + "}\n");
    }

    /** A recipe that uses c0, which uses c1, ... down to c{depth-1}, which sets one setting. */
    public static Path importChain(Path dir, int depth) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < depth; i++) {
            Files.writeString(dir.resolve("c" + i + ".recipe"), i + 1 < depth ? "use \"c" + (i + 1) + "\"\n" : "train { epochs 3 }\n");
        }
        return Files.writeString(dir.resolve("chain.recipe"),
                "use \"c0\"\nclasses {\n  1 kitchen mushroom videos \"videos/x/*.mp4\"\n" + BACKGROUND + "}\n");
    }

    /** A recipe that uses a file of about {@code bytes} bytes in which every line is an error (an unknown block). */
    public static Path hugeImport(Path dir, int bytes) throws IOException {
        Files.createDirectories(dir);
        StringBuilder sb = new StringBuilder(bytes + 64);
        for (int i = 0; sb.length() < bytes; i++) sb.append("frobnicate").append(i).append(" { }\n");
        Files.writeString(dir.resolve("errors.recipe"), sb);
        return Files.writeString(dir.resolve("huge-import.recipe"),
                "use \"errors\"\nclasses {\n  1 kitchen mushroom videos \"videos/x/*.mp4\"\n" + BACKGROUND + "}\n");
    }
}
