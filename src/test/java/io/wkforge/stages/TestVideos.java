package io.wkforge.stages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntFunction;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/** Small videos generated at test time with JavaCV's recorder (openh264), and broken files. */
public final class TestVideos {
    private TestVideos() {}

    /** An H.264 video of {@code frames} frames at {@code fps}, frame i painted by {@link FrameCode}. */
    public static Path write(Path file, int frames, double fps) throws IOException {
        return write(file, frames, fps, FrameCode::paint);
    }

    /**
     * @param file its extension picks the container: {@code .mp4}, {@code .mkv}, or {@code .h264}
     *             for a raw Annex-B elementary stream as the board records it
     */
    public static Path write(Path file, int frames, double fps, IntFunction<Mat> painter) throws IOException {
        return write(file, frames, fps, painter, 0);
    }

    /**
     * An MPEG-4 video whose frames are mostly B-frames (which no other frame refers to), as phone
     * and camera encoders write them; frame i painted by {@link FrameCode}.
     */
    public static Path writeWithBFrames(Path file, int frames, double fps) throws IOException {
        return write(file, frames, fps, FrameCode::paint, 3);
    }

    private static Path write(Path file, int frames, double fps, IntFunction<Mat> painter, int bFrames) throws IOException {
        String name = file.getFileName().toString();
        String format = name.endsWith(".h264") ? "h264" : name.endsWith(".mkv") ? "matroska" : "mp4";
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), FrameCode.WIDTH, FrameCode.HEIGHT);
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            recorder.setFormat(format);
            if (bFrames > 0) {
                recorder.setVideoCodec(org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4);
                recorder.setMaxBFrames(bFrames);
                recorder.setVideoQuality(2);
            } else {
                recorder.setVideoCodecName("libopenh264");
            }
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(fps);
            recorder.setVideoBitrate(600_000);
            recorder.setGopSize(15);
            recorder.start();
            for (int i = 0; i < frames; i++) {
                try (Mat m = painter.apply(i)) {
                    recorder.record(converter.convert(m));
                }
            }
            recorder.stop();
        }
        return file;
    }

    public static Path empty(Path file) throws IOException {
        return Files.write(file, new byte[0]);
    }

    public static Path randomBytes(Path file, int size, long seed) throws IOException {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return Files.write(file, b);
    }

    public static Path text(Path file) throws IOException {
        return Files.writeString(file, "this is a shopping list, not a video\n");
    }

    /** The first {@code fraction} of a good file (an mp4 loses its index, a raw stream its tail). */
    public static Path truncated(Path good, Path file, double fraction) throws IOException {
        byte[] all = Files.readAllBytes(good);
        return Files.write(file, Arrays.copyOf(all, (int) (all.length * fraction)));
    }

    /** A good file with random bytes written over a stretch in its middle: it decodes partly. */
    public static Path damagedMiddle(Path good, Path file) throws IOException {
        byte[] all = Files.readAllBytes(good);
        byte[] noise = new byte[all.length / 5];
        new Random(7).nextBytes(noise);
        System.arraycopy(noise, 0, all, all.length * 2 / 5, noise.length);
        return Files.write(file, all);
    }
}
