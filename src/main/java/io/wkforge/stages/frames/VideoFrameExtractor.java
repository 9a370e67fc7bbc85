package io.wkforge.stages.frames;

import static org.bytedeco.ffmpeg.global.avutil.AV_FRAME_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_side_data;

import io.wkforge.run.Progress;
import io.wkforge.stages.common.frames.ImageFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVFrameSideData;

/**
 * Decodes one video with FFmpeg (in-process) and writes the frames the {@link FrameSampler}
 * keeps, upright. Never throws for bad input: a missing, empty, non-video, truncated or damaged
 * file comes back as an {@link Extraction} with a problem, after keeping whatever decoded cleanly.
 */
public final class VideoFrameExtractor {
    /** AV_FRAME_FLAG_CORRUPT: the decoder output a frame it knows is damaged. */
    private static final int FRAME_FLAG_CORRUPT = 1;
    private static final int PROGRESS_EVERY = 30;

    /**
     * @param fps                  frames to keep per second of video
     * @param streamFps            frame rate of streams without timestamps (raw .h264/.h265)
     * @param jpegQuality          1-100, for {@link ImageFormat#JPG}
     * @param decoderThreads       threads FFmpeg's decoder may use for this video
     * @param encoderThreads       threads that encode this video's kept frames, when it gets a pool of its own
     * @param skipUnreferenced     let the decoder skip frames that cannot be kept ({@link NonReferenceSkipping})
     */
    public record Settings(BigDecimal fps, BigDecimal streamFps, ImageFormat format, int jpegQuality,
                           int decoderThreads, int encoderThreads, boolean skipUnreferenced) {}

    private final Settings settings;

    public VideoFrameExtractor(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param outputFor the file the n-th kept frame (from 0) is written to
     * @throws IOException only when writing an output fails
     */
    public Extraction extract(Path video, IntFunction<Path> outputFor, Progress progress) throws IOException {
        try (EncoderPool pool = new EncoderPool(settings.encoderThreads())) {
            return extract(video, pool, outputFor, progress);
        }
    }

    /**
     * As {@link #extract(Path, IntFunction, Progress)}, with the kept frames encoded by a pool that
     * other videos share ({@code settings.encoderThreads()} is then not used).
     */
    Extraction extract(Path video, EncoderPool pool, IntFunction<Path> outputFor, Progress progress) throws IOException {
        if (!Files.exists(video)) return Extraction.bad("file not found");
        if (!Files.isRegularFile(video)) return Extraction.bad("not a regular file");
        if (Files.size(video) == 0) return Extraction.bad("file is empty (0 bytes)");
        // asked for first: the pool's threads set up their encoders (OpenCV's, for JPEG) while FFmpeg opens the file
        try (FrameWriter writer = pool.writer(settings.format(), settings.jpegQuality())) {
            Pass pass = new Pass(Math.max(1, settings.decoderThreads()), settings.skipUnreferenced());
            for (int passes = 1; ; passes++) {
                Attempt a = attempt(video, writer, outputFor, progress, pass);
                if (a.result() != null) {
                    writer.finish();
                    Extraction r = a.result();
                    return new Extraction(r.framesRead(), r.framesWritten(), r.problem(), r.notes(), passes, r.packetsDropped(),
                            r.runsDropped());
                }
                writer.discard();
                pass = a.retry();
            }
        }
    }

    /** How one pass over a video decodes it. */
    private record Pass(int threads, boolean skipping) {}

    /**
     * A pass's result, or the pass to do instead. Each retry gives something up for good
     * (skipping, then frame threading), so at most two follow the first.
     */
    private record Attempt(Extraction result, Pass retry) {}

    /** Signals that skipping turned out unsafe for this video after frames were skipped. */
    private static final class SkippingInvalidated extends RuntimeException {
        SkippingInvalidated() {
            super(null, null, false, false);
        }
    }

    private Attempt attempt(Path video, FrameWriter writer, IntFunction<Path> outputFor, Progress progress, Pass pass)
            throws IOException {
        VideoDecoder decoder;
        try {
            decoder = VideoDecoder.open(video, pass.threads());
        } catch (VideoDecoder.Unreadable e) {
            return new Attempt(Extraction.bad(e.getMessage()), null);
        }
        try (decoder) {
            FrameClock clock = FrameClock.of(decoder, settings.streamFps());
            FrameSampler sampler = clock.sampler(settings.fps());
            NonReferenceSkipping skipping = pass.skipping() ? NonReferenceSkipping.of(decoder, clock, sampler) : null;
            try {
                return decode(decoder, clock, sampler, skipping, writer, outputFor, progress, pass);
            } finally {
                if (skipping != null) skipping.close();
            }
        } catch (SkippingInvalidated e) {
            return new Attempt(null, new Pass(pass.threads(), false));
        }
    }

    private Attempt decode(VideoDecoder decoder, FrameClock clock, FrameSampler sampler, NonReferenceSkipping skipping,
                           FrameWriter writer, IntFunction<Path> outputFor, Progress progress, Pass pass) throws IOException {
        int[] streamMatrix = decoder.displayMatrix();
        Tally tally = new Tally();
        long progressTotal = decoder.estimatedFrames();
        long[] packets = {0};
        VideoDecoder.PacketGate gate = new VideoDecoder.PacketGate() {
            @Override
            public void route(AVPacket packet, VideoDecoder.PacketSender out) throws IOException {
                // progress by packets read: frames that are not decoded count too
                if (++packets[0] % PROGRESS_EVERY == 0) progress.update(packets[0], Math.max(progressTotal, packets[0]), "frames");
                if (skipping == null) out.send(packet);
                else skipping.route(packet, out);
            }

            @Override
            public void end(VideoDecoder.PacketSender out) throws IOException {
                if (skipping != null) skipping.end(out);
            }
        };
        decoder.decode(gate, frame -> {
            if (skipping != null) {
                skipping.check(frame);
                if (skipping.invalidated()) throw new SkippingInvalidated();
            }
            long t = clock.timeOf(frame);
            boolean keep = sampler.keep(t); // sees every frame, damaged ones too, so later timing stays right
            int index = tally.read++;
            if (isDamaged(frame)) {
                tally.damaged(index);
            } else if (keep) {
                int[] matrix = frameMatrix(frame);
                int[] m = matrix != null ? matrix : streamMatrix;
                writer.submit(frame, Orientation.of(m), outputFor.apply(tally.written++));
                if (tally.oddAngle == null && !Double.isNaN(Orientation.oddAngle(m))) tally.oddAngle = Orientation.oddAngle(m);
            }
        });
        if (skipping != null && skipping.invalidated()) return new Attempt(null, new Pass(pass.threads(), false));
        String problem = Damage.problem(decoder, clock, tally);
        boolean droppedRuns = skipping != null && skipping.packetsDropped() > 0;
        if (problem != null && (droppedRuns || decoder.frameThreaded() && tally.read > 0)) {
            // a damaged video is decoded again in full: frame-threaded decoders do not always flag
            // the pictures they concealed (one thread does, so that no damaged frame is kept), and
            // after dropped runs the message's counts would leave them out (and damage may hide there)
            return new Attempt(null, new Pass(decoder.frameThreaded() ? 1 : pass.threads(), false));
        }
        progress.update(packets[0], packets[0], "frames");
        List<String> notes = new ArrayList<>();
        if (tally.oddAngle != null) {
            notes.add(String.format(Locale.ROOT, "its display matrix asks for a %.0f degree rotation; frames were written"
                    + " as decoded (only quarter turns are applied)", tally.oddAngle));
        }
        long dropped = skipping == null ? 0 : skipping.packetsDropped();
        int runs = skipping == null ? 0 : skipping.runsDropped();
        return new Attempt(new Extraction(tally.read, tally.written, problem, notes, 1, dropped, runs), null);
    }

    private static boolean isDamaged(AVFrame frame) {
        return frame.decode_error_flags() != 0 || (frame.flags() & FRAME_FLAG_CORRUPT) != 0;
    }

    /** A display matrix the decoder attached to this frame, or null. */
    private static int[] frameMatrix(AVFrame frame) {
        AVFrameSideData sd = av_frame_get_side_data(frame, AV_FRAME_DATA_DISPLAYMATRIX);
        if (sd == null || sd.isNull() || sd.size() < 36) return null;
        int[] m = new int[9];
        sd.data().capacity(36).asByteBuffer().order(ByteOrder.nativeOrder()).asIntBuffer().get(m);
        return m;
    }

    /** What one pass saw, frame by frame. */
    static final class Tally {
        int read;
        int written;
        int damaged;
        int firstDamaged = -1;
        int lastDamaged = -1;
        Double oddAngle;

        void damaged(int index) {
            damaged++;
            if (firstDamaged < 0) firstDamaged = index;
            lastDamaged = index;
        }
    }
}
