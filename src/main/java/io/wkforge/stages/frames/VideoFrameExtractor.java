package io.wkforge.stages.frames;

import io.wkforge.run.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.IntFunction;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes one video with FFmpeg (through JavaCV, in-process) and writes the frames the
 * {@link FrameSampler} keeps. Never throws for bad input: a missing, empty, non-video, truncated
 * or damaged file comes back as an {@link Extraction} with a problem, after keeping whatever
 * decoded cleanly.
 */
public final class VideoFrameExtractor {
    /** Demuxers of elementary streams: no container, so no timestamps (the board records these). */
    private static final Set<String> RAW_STREAM_FORMATS = Set.of("h264", "hevc");
    /** AV_FRAME_FLAG_CORRUPT: the decoder output a frame it knows is damaged. */
    private static final int FRAME_FLAG_CORRUPT = 1;
    /** Containers' frame counts may include a few frames an edit list hides; more missing means damage. */
    private static final int MISSING_FRAMES_TOLERATED = 2;
    private static final int PROGRESS_EVERY = 30;

    /**
     * @param fps            frames to keep per second of video
     * @param streamFps      frame rate assumed for raw elementary streams
     * @param decoderThreads threads FFmpeg's decoder may use for this video
     */
    public record Settings(double fps, double streamFps, ImageFormat format, int decoderThreads) {}

    private final Settings settings;

    public VideoFrameExtractor(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param outputFor the file the n-th kept frame (from 0) is written to
     * @throws IOException only when writing an output fails
     */
    public Extraction extract(Path video, IntFunction<Path> outputFor, Progress progress) throws IOException {
        if (!Files.exists(video)) return new Extraction(0, 0, "file not found");
        if (!Files.isRegularFile(video)) return new Extraction(0, 0, "not a regular file");
        if (Files.size(video) == 0) return new Extraction(0, 0, "file is empty (0 bytes)");
        // started first: the writer loads OpenCV while FFmpeg opens the file
        try (FrameWriter writer = new FrameWriter(settings.format())) {
            Extraction result = extract(video, writer, outputFor, progress);
            writer.finish();
            return result;
        }
    }

    private Extraction extract(Path video, FrameWriter writer, IntFunction<Path> outputFor, Progress progress)
            throws IOException {
        FfmpegLog.quiet();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
        grabber.setImageMode(FrameGrabber.ImageMode.RAW);
        grabber.setVideoOption("threads", Integer.toString(Math.max(1, settings.decoderThreads())));
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            closeQuietly(grabber);
            return new Extraction(0, 0, "not a video FFmpeg can open (another kind of file, or a truncated or damaged one): "
                    + FfmpegErrors.describe(e));
        }
        try (BgrConverter converter = new BgrConverter()) {
            if (!grabber.hasVideo()) return new Extraction(0, 0, "contains no video stream");
            return decode(grabber, converter, writer, outputFor, progress);
        } finally {
            closeQuietly(grabber);
        }
    }

    private Extraction decode(FFmpegFrameGrabber grabber, BgrConverter converter, FrameWriter writer,
                              IntFunction<Path> outputFor, Progress progress) throws IOException {
        boolean raw = RAW_STREAM_FORMATS.contains(grabber.getFormat());
        long expected = raw ? 0 : declaredFrameCount(grabber);
        long progressTotal = raw ? 0 : (expected > 0 ? expected : grabber.getLengthInVideoFrames());
        FrameSampler sampler = new FrameSampler(settings.fps());
        NonReferenceSkipping skipping = raw ? null : NonReferenceSkipping.of(grabber);
        long firstTimestamp = Long.MIN_VALUE;
        long lastTimestamp = Long.MIN_VALUE;
        int read = 0;
        int written = 0;
        int damaged = 0;
        int firstDamaged = -1;
        String stoppedBy = null;
        while (true) {
            Frame frame;
            if (skipping != null && lastTimestamp != Long.MIN_VALUE) {
                skipping.beforeNextFrame(lastTimestamp, sampler.nextKeptNotBefore());
            }
            try {
                frame = grabber.grabImage();
            } catch (FrameGrabber.Exception e) {
                stoppedBy = FfmpegErrors.describe(e);
                break;
            }
            if (frame == null) break;
            AVFrame picture = (AVFrame) frame.opaque;
            long timestamp = raw ? Math.round(read * 1_000_000.0 / settings.streamFps()) : frame.timestamp;
            boolean bad = picture == null || picture.decode_error_flags() != 0 || (picture.flags() & FRAME_FLAG_CORRUPT) != 0;
            if (firstTimestamp == Long.MIN_VALUE) firstTimestamp = timestamp;
            lastTimestamp = timestamp;
            // once frames may have been skipped, a frame's number comes from its time, not from counting
            int index = skipping != null && skipping.used()
                    ? (int) Math.round((timestamp - firstTimestamp) / skipping.frameMicros()) : read;
            read++;
            // the sampler sees every frame so the timing of later frames stays right
            boolean keep = sampler.keep(timestamp);
            if (bad) {
                damaged++;
                if (firstDamaged < 0) firstDamaged = index;
            } else if (keep) {
                writer.submit(converter.convert(picture), outputFor.apply(written++));
            }
            if (read % PROGRESS_EVERY == 0) progress.update(read, progressTotal, "frames");
        }
        progress.update(read, read, "frames");
        boolean countsTell = expected > 0 && (skipping == null || !skipping.used());
        String problem = problem(read, countsTell ? expected : 0, damaged, firstDamaged, stoppedBy);
        if (problem == null && !raw && !countsTell) {
            double frameMicros = skipping != null ? skipping.frameMicros()
                    : grabber.getFrameRate() > 0 ? 1e6 / grabber.getFrameRate() : 0;
            problem = endedEarly(grabber, frameMicros, skipping == null ? 0 : skipping.reorderDepth(), firstTimestamp, lastTimestamp);
        }
        return new Extraction(read, written, problem);
    }

    /**
     * When the container declares no frame count, or frames were skipped so that counting them
     * says nothing, time tells: the last frame must reach the end of the stream, give or take the
     * frames a decoder holds back.
     */
    private static String endedEarly(FFmpegFrameGrabber grabber, double frameMicros, int reorderDepth, long first, long last) {
        long duration = grabber.getLengthInTime();
        if (duration <= 0 || frameMicros <= 0 || first == Long.MIN_VALUE) return null;
        double reached = last - first + frameMicros * (reorderDepth + 1 + MISSING_FRAMES_TOLERATED);
        if (reached >= duration) return null;
        return String.format(java.util.Locale.ROOT, "decoded only partly: decoding stopped at %.1f s of a %.1f s video"
                + " (truncated or damaged data)", (last - first) / 1e6, duration / 1e6);
    }

    private static String problem(int read, long expected, int damaged, int firstDamaged, String stoppedBy) {
        if (read == 0) {
            return "no frame could be decoded" + (stoppedBy != null ? " (" + stoppedBy + ")" : "");
        }
        if (stoppedBy != null) return "decoding stopped after " + read + " frames: " + stoppedBy;
        if (damaged == 1 && firstDamaged == read - 1) {
            return "decoded only partly: the data ends inside frame " + firstDamaged + " (truncated file?); "
                    + read + " frames read, the last one not kept";
        }
        if (damaged > 0) {
            return "decoded only partly: " + damaged + " of " + read + " frames read are damaged (first at frame "
                    + firstDamaged + "); damaged frames were not kept";
        }
        if (expected > 0 && read < expected - MISSING_FRAMES_TOLERATED) {
            return "decoded only partly: " + read + " of " + expected + " frames read (truncated or damaged data)";
        }
        return null;
    }

    /** The frame count the container declares for the video stream (0 when it does not say). */
    private static long declaredFrameCount(FFmpegFrameGrabber grabber) {
        AVFormatContext fc = grabber.getFormatContext();
        int stream = grabber.getVideoStream();
        if (fc == null || stream < 0 || stream >= fc.nb_streams()) return 0;
        return Math.max(0, fc.streams(stream).nb_frames());
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (Exception ignored) {
            // nothing left to report: the video's problem, if any, is already recorded
        }
    }
}
