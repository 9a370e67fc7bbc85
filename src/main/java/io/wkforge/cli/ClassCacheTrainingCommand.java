package io.wkforge.cli;

import io.wkforge.run.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import picocli.CommandLine.Command;

/**
 * Exercises the real commands once on a tiny generated recipe and video, so that the launcher's
 * class-data-sharing archive (recorded while this runs) holds the classes that `check`, `plan`
 * and `run` load: every later start maps them instead of loading them. Not for users.
 */
@Command(name = ClassCacheTrainingCommand.NAME, hidden = true,
        description = "Exercise the commands on a generated recipe (used by the launcher to record its class cache).")
final class ClassCacheTrainingCommand implements Callable<Integer> {
    static final String NAME = "__train-class-cache";

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("wkforge-class-cache");
        try {
            writeVideo(dir.resolve("v.mp4"));
            Path recipe = dir.resolve("training.recipe");
            Files.writeString(recipe, """
                    use "targets/hi3516dv300"
                    classes {
                      1 a b videos "v.mp4"
                      2 other background videos "v.mp4" background
                    }
                    frames { fps 5 }
                    """);
            StringWriter log = new StringWriter();
            PrintWriter sink = new PrintWriter(log);
            for (String[] args : new String[][] {
                    {"check", recipe.toString()},
                    {"fmt", "--stdout", recipe.toString()},
                    {"render", recipe.toString()},
                    {"plan", recipe.toString()},
                    {"run", recipe.toString(), "--until", "split"}}) {
                if (Main.execute(args, sink, sink) != ExitCodes.OK) {
                    // a failure here costs only start-up speed, but it should not go unnoticed in tests
                    throw new IllegalStateException("`" + String.join(" ", args) + "` failed:\n" + log);
                }
            }
            return ExitCodes.OK;
        } finally {
            AtomicFiles.deleteTree(dir);
        }
    }

    /** Ten frames of a 64x48 gradient, MPEG-4 (an encoder every FFmpeg build has). */
    private static void writeVideo(Path file) throws IOException {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 64, 48)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setFrameRate(10);
            recorder.start();
            for (int i = 0; i < 10; i++) {
                Frame frame = new Frame(64, 48, Frame.DEPTH_UBYTE, 3);
                ByteBuffer pixels = (ByteBuffer) frame.image[0];
                for (int p = 0; p < pixels.capacity(); p++) pixels.put(p, (byte) (p * 7 + i * 25));
                recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
            }
            recorder.stop();
        }
    }
}
