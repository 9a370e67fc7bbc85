package io.wkforge.plan;

import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.schema.StageId;
import java.nio.file.Path;

/**
 * Where a recipe's outputs go: {@code build/<recipe stem>/} beside the recipe unless --out moves
 * it. Cache state lives inside that folder ({@code .wkforge/}) so state and the outputs it
 * describes are deleted together.
 */
public record Layout(Path outDir) {

    public static Layout forRecipe(EffectiveRecipe recipe, Path outOverride) {
        return forRecipeFile(recipe.file(), outOverride);
    }

    /** The layout of the recipe in {@code file}, known before the file is read (what {@link #forRecipe} gives once it is). */
    public static Layout forRecipeFile(Path file, Path outOverride) {
        Path out = outOverride != null ? outOverride
                : EffectiveRecipe.dirOf(file).resolve("build").resolve(EffectiveRecipe.stemOf(file));
        return new Layout(out.toAbsolutePath().normalize());
    }

    /** Whether a run has ever recorded a finished task of {@code stage} in this output folder. */
    public boolean hasStampsOf(StageId stage) {
        return java.nio.file.Files.isDirectory(stampsDir().resolve(stage.id()));
    }

    /** The folder (relative to the out dir) a stage writes its outputs into. */
    public static String dirOf(StageId stage) {
        return switch (stage) {
            case FRAMES -> "frames";
            case CLEAN -> "clean";
            case SPLIT -> "dataset";
            case TRAIN -> "model";
            case EXPORT, VERIFY -> "caffe";
            case QUANTIZE, WK -> "nnie";
            case DEPLOY -> "deploy";
            case REPORT -> ".";
        };
    }

    public Path stageDir(StageId stage) {
        return outDir.resolve(dirOf(stage)).normalize();
    }

    public Path stateDir() {
        return outDir.resolve(".wkforge");
    }

    public Path stampsDir() {
        return stateDir().resolve("stamps");
    }

    public Path stagingRoot() {
        return stateDir().resolve("staging");
    }

    public Path runsDir() {
        return stateDir().resolve("runs");
    }

    /** Commits in progress: one file per task, written before a commit touches anything. */
    public Path journalDir() {
        return stateDir().resolve("journal");
    }

    /** Per-task folders for resumable work (checkpoints), kept across killed runs. */
    public Path workRoot() {
        return stateDir().resolve("work");
    }

    /** The file a run holds locked while it runs, naming the process that holds it. */
    public Path lockFile() {
        return stateDir().resolve("lock");
    }

    /**
     * The folders (relative to the out dir) that hold nothing but stage outputs. The out dir
     * itself, where {@code report} writes, is not one of them.
     */
    public static java.util.List<String> outputFolders() {
        java.util.Set<String> dirs = new java.util.LinkedHashSet<>();
        for (StageId s : StageId.values()) if (!dirOf(s).equals(".")) dirs.add(dirOf(s));
        return java.util.List.copyOf(dirs);
    }
}
