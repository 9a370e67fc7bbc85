package io.wkforge.stages.frames;

import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.TaskSpec;
import io.wkforge.run.StageException;
import io.wkforge.run.StageRunner;
import io.wkforge.run.TaskContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Stage {@code frames}: one task per video, extracting frames into
 * {@code frames/NN_nature_name/NN_nature_name_<video>_<index>.<ext>}. A bad video fails its own
 * task ({@code on_error fail}: the other videos still finish and are cached, then the stage fails
 * listing every bad file) or becomes a warning ({@code on_error skip}).
 *
 * <p>This class is loaded by the stage registry for every run; it touches no native code itself
 * so FFmpeg and OpenCV load only when a video is actually extracted.
 */
public final class FramesStage implements StageRunner {

    @Override
    public StageId stage() {
        return StageId.FRAMES;
    }

    /** FFmpeg's libraries, then OpenCV's encoders: together most of a second on a cold start. */
    @Override
    public void warmUp() {
        FfmpegLog.quiet();
        org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avformat.class);
        org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avcodec.class);
        org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.swscale.class);
        org.bytedeco.javacpp.Loader.load(org.bytedeco.opencv.global.opencv_imgcodecs.class);
    }

    @Override
    public List<io.wkforge.run.DoctorCheck> diagnose(EffectiveRecipe recipe) {
        return List.of(FfmpegCheck.check());
    }

    @Override
    public boolean parallelTasks() {
        return true;
    }

    /** Decoding (FFmpeg) and encoding (OpenCV) compute the frames: their versions are part of the key. */
    @Override
    public List<String> libraryClasses() {
        return List.of("org.bytedeco.ffmpeg.global.avcodec", "org.bytedeco.opencv.global.opencv_imgcodecs");
    }

    @Override
    public void run(TaskContext ctx) throws StageException {
        TaskSpec task = ctx.task();
        EffectiveRecipe recipe = ctx.recipe();
        VideoFrameExtractor.Settings settings = new VideoFrameExtractor.Settings(
                recipe.setting("frames.fps").asDouble(),
                recipe.setting("frames.stream_fps").asDouble(),
                ImageFormat.of(recipe.setting("frames.format").asString()),
                decoderThreads(ctx.threads()));
        boolean skipBad = "skip".equals(recipe.setting("frames.on_error").asString());
        Path classDir = ctx.stagingDir(StageId.FRAMES).resolve(task.classDef().folderName());
        Extraction result;
        try {
            Files.createDirectories(classDir);
            result = new VideoFrameExtractor(settings).extract(task.video(),
                    n -> classDir.resolve(FrameNames.fileName(task.classDef(), task.videoStem(), n, settings.format().extension())),
                    ctx.progress());
        } catch (IOException e) {
            throw new StageException("cannot write frames of " + shown(recipe, task.video()) + ": " + e.getMessage());
        }
        if (result.ok()) return;
        String line = shown(recipe, task.video()) + ": " + result.problem();
        if (!skipBad) {
            throw new StageException("bad video " + shown(recipe, task.video()), List.of(line));
        }
        ctx.warn(line + (result.framesWritten() > 0
                ? "; kept the " + result.framesWritten() + " frames that decoded cleanly (on_error skip)"
                : "; skipped (on_error skip)"));
    }

    /**
     * A video decoded alone gets one decoder thread more than the cores it may use: with frame
     * threading, one thread is often waiting on a reference frame (measured ~8% faster on 2 cores).
     * Videos decoded side by side get one each, since the tasks already fill the cores.
     */
    static int decoderThreads(int taskThreads) {
        return taskThreads > 1 ? taskThreads + 1 : 1;
    }

    /** The video as the user wrote it: relative to the recipe when it lies below it. */
    private static String shown(EffectiveRecipe recipe, Path video) {
        Path dir = recipe.dir();
        if (dir != null && video.startsWith(dir)) return dir.relativize(video).toString();
        return video.toString();
    }
}
