package io.wkforge.stages.frames;

import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.TaskSpec;
import io.wkforge.run.StageException;
import io.wkforge.run.StageRunner;
import io.wkforge.run.StageVerdict;
import io.wkforge.run.TaskContext;
import io.wkforge.stages.common.frames.FrameNames;
import io.wkforge.stages.common.frames.ImageFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Stage {@code frames}: one task per video, extracting frames into
 * {@code frames/NN_nature_name/NN_nature_name_<video>_<index>.<ext>}. A video that does not decode
 * cleanly still commits the frames that did, and reports its problem; once every video is done,
 * {@code on_error} decides whether those problems fail the stage ({@code fail}, listing every bad
 * file) or become warnings ({@code skip}). So {@code on_error} is in no task's key: switching it
 * never re-extracts a video.
 *
 * <p>Every task decodes its own video, but the kept frames of all of them are encoded by one
 * {@link EncoderPool} with a thread per core the run gives the stage, so no core idles while a
 * kept frame waits (encoding, not decoding, is most of the work).
 *
 * <p>This class is loaded by the stage registry for every run; it touches no native code itself
 * so FFmpeg and OpenCV load only when a video is actually extracted.
 */
public final class FramesStage implements StageRunner {

    @Override
    public StageId stage() {
        return StageId.FRAMES;
    }

    /** The frame naming rule and the image encoder it shares with clean and split shape its output. */
    @Override
    public List<String> codePackages() {
        return List.of(getClass().getPackageName(), "io.wkforge.stages.common.frames");
    }

    /**
     * FFmpeg's libraries, which decode, convert and encode PNG. OpenCV (for JPEG) is left to the
     * writer threads that need it: it costs about 0.3 s of CPU that PNG extraction can do without.
     */
    @Override
    public void warmUp() {
        FfmpegLibraries.load();
        FfmpegLog.install();
    }

    @Override
    public List<io.wkforge.run.DoctorCheck> diagnose(EffectiveRecipe recipe) {
        return List.of(FfmpegCheck.check());
    }

    @Override
    public boolean parallelTasks() {
        return true;
    }

    /** Decoding, conversion and PNG (FFmpeg) and JPEG (OpenCV) compute the frames: their versions are part of the key. */
    @Override
    public List<String> libraryClasses() {
        return List.of("org.bytedeco.ffmpeg.global.avcodec", "org.bytedeco.opencv.global.opencv_imgcodecs");
    }

    @Override
    public void run(TaskContext ctx) throws StageException {
        TaskSpec task = ctx.task();
        ImageFormat format = ImageFormat.of(ctx.setting("frames.format").asString());
        VideoFrameExtractor.Settings settings = new VideoFrameExtractor.Settings(
                ctx.setting("frames.fps").asDecimal(),
                ctx.setting("frames.stream_fps").asDecimal(),
                format,
                format == ImageFormat.JPG ? ctx.setting("frames.quality").asInt() : 0, // keyed only with jpg
                decoderThreads(ctx.threads()),
                ctx.threads(), // unused: the stage's shared pool encodes
                true);
        Path classDir = ctx.stagingDir(StageId.FRAMES).resolve(task.classDef().folderName());
        String shown = shown(ctx.recipeDir(), task.video());
        Extraction result;
        try {
            Files.createDirectories(classDir);
            EncoderPool pool = ctx.shared(EncoderPool.class, EncoderPool::new);
            result = new VideoFrameExtractor(settings).extract(task.video(), pool,
                    n -> classDir.resolve(FrameNames.fileName(task.classDef(), task.videoStem(), n, format.extension())),
                    ctx.progress());
        } catch (IOException e) {
            throw new StageException("cannot write frames of " + shown + ": " + e.getMessage());
        }
        for (String note : result.notes()) ctx.warn(shown + ": " + note);
        if (!result.ok()) {
            int kept = result.framesWritten();
            ctx.problem(shown + ": " + result.problem() + (kept == 0 ? "; no frame extracted"
                    : kept == 1 ? "; kept the 1 frame that decoded cleanly"
                    : "; kept the " + kept + " frames that decoded cleanly"));
        }
    }

    /** {@code on_error}: the bad videos fail the stage, all listed, or each becomes a warning. */
    @Override
    public void judge(StageVerdict verdict) throws StageException {
        List<StageVerdict.Problem> problems = verdict.problems();
        if (problems.isEmpty()) return;
        if ("skip".equals(verdict.setting("frames.on_error").asString())) {
            for (StageVerdict.Problem p : problems) verdict.warn(p.task(), p.message() + " (on_error skip)");
            return;
        }
        int n = problems.size();
        throw new StageException((n == 1 ? "1 video does" : n + " videos do") + " not decode cleanly: fix or remove "
                + (n == 1 ? "it" : "them") + ", or set `frames { on_error skip }` to go on with the frames that did"
                + " (switching it re-extracts nothing)", problems.stream().map(StageVerdict.Problem::message).toList());
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
    private static String shown(Path recipeDir, Path video) {
        if (recipeDir != null && video.startsWith(recipeDir)) return recipeDir.relativize(video).toString();
        return video.toString();
    }
}
