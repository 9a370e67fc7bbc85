package io.wkforge.stages.frames;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_DEFAULT;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONREF;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG1VIDEO;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG2VIDEO;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Set;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Saves decoding work without changing which frames are kept, by not decoding frames that cannot
 * be kept and that no kept frame depends on. A frame whose time lies before the earliest time the
 * next kept frame can have ({@link FrameSampler#nextKeptNotBefore}, which only grows) can never be
 * kept. Two kinds of such frames are left out:
 *
 * <ul>
 *   <li><b>Whole runs before an IDR picture</b> (H.264, HEVC). Packets that all lie before that
 *       time are held back (references, up to {@link HeldPackets#CAP} bytes); when an IDR picture
 *       follows them ({@link NalUnits}), they are dropped unsent. No picture after an IDR refers
 *       to one before it, and pictures decoded earlier cannot refer to later ones, so every other
 *       frame decodes exactly as before; frames already inside the decoder still come out. As soon
 *       as a packet at or after that time (or without one) arrives, or the cap is reached, the held
 *       packets are sent in order, as if never held (at the end of the stream too, so that a file cut
 *       short is still seen to be).</li>
 *   <li><b>Single unreferenced frames.</b> For codecs with B-frames (H.264, HEVC, MPEG-1/2/4
 *       Part 2) the decoder is told to drop a packet before that time if no frame refers to it
 *       (most B-frames); for intra-only codecs (MJPEG and the like) it is not sent at all.</li>
 * </ul>
 *
 * <p>That reasoning needs each packet's time to be the time its frame will be given. With
 * timestamps, it is used only for packets that carry one and while every decoded frame confirms
 * it: its best-effort timestamp equals its packet's, and timestamps rise in presentation order.
 * In a raw stream timed by counting frames ({@code .h264}/{@code .h265}), frame n is packet n only
 * if every packet is one frame, in decode order; so the packets are numbered (their pts set to
 * the index) and every decoded frame must carry the next index not dropped, held packets must
 * each begin exactly one picture, and (H.264) every SPS must rule out field pictures; the clock
 * then counts the dropped packets as frames. Only whole runs before an IDR are dropped there.
 * The first frame that breaks these assumptions stops skipping for the rest of the stream; if
 * anything was skipped by then, {@link #invalidated} says so and the caller decodes the video
 * again in full.
 */
final class NonReferenceSkipping implements VideoDecoder.PacketGate, AutoCloseable {
    private static final Set<Integer> CODECS = Set.of(AV_CODEC_ID_H264, AV_CODEC_ID_HEVC, AV_CODEC_ID_MPEG4,
            AV_CODEC_ID_MPEG2VIDEO, AV_CODEC_ID_MPEG1VIDEO);

    private final AVCodecContext codec;
    private final FrameSampler sampler;
    private final FrameClock clock;
    private final boolean intraOnly;
    /** Frames timed by counting: packets are numbered and only whole runs before an IDR are skipped. */
    private final boolean counted;
    /** Null where whole runs are not dropped (codecs other than H.264 and HEVC). */
    private final NalUnits nals;
    private final HeldPackets held = new HeldPackets();
    private boolean trusted = true;
    private boolean skipRequested;
    private long lastTimestamp = Long.MIN_VALUE;
    private long routed;
    private long packetsDropped;
    private int runsDropped;
    /** Counted streams: the dropped index ranges not yet passed, as [from, to) pairs in order. */
    private final ArrayDeque<long[]> droppedRanges = new ArrayDeque<>();
    private long nextIndex;

    private NonReferenceSkipping(AVCodecContext codec, FrameSampler sampler, FrameClock clock, boolean intraOnly,
                                 boolean counted, NalUnits nals) {
        this.codec = codec;
        this.sampler = sampler;
        this.clock = clock;
        this.intraOnly = intraOnly;
        this.counted = counted;
        this.nals = nals;
    }

    /** For a codec named above or an intra-only one; null otherwise (decode everything). */
    static NonReferenceSkipping of(VideoDecoder decoder, FrameClock clock, FrameSampler sampler) {
        NalUnits nals = NalUnits.of(decoder.codecId(), decoder.extradata());
        if (!clock.timestamped()) {
            return nals == null ? null : new NonReferenceSkipping(decoder.codec(), sampler, clock, false, true, nals);
        }
        if (decoder.intraOnly()) return new NonReferenceSkipping(decoder.codec(), sampler, clock, true, false, null);
        if (!CODECS.contains(decoder.codecId())) return null;
        return new NonReferenceSkipping(decoder.codec(), sampler, clock, false, false, nals);
    }

    @Override
    public void route(AVPacket packet, VideoDecoder.PacketSender out) throws IOException {
        long index = routed++;
        if (counted) {
            packet.pts(index); // comes back as the frame's pts: frame n must be packet n
            packet.dts(index);
        }
        long pts = packet.pts();
        // not yet decoded, so it will be shown after every frame shown so far
        if (!counted && pts != AV_NOPTS_VALUE && lastTimestamp != Long.MIN_VALUE && pts <= lastTimestamp) distrust();
        NalUnits.Packet nal = inspect(packet);
        if (nal != null && nal.idr() && !held.isEmpty()) {
            if (trusted) drop(index);
            else release(out);
        }
        boolean before = trusted && pts != AV_NOPTS_VALUE && pts < sampler.nextKeptNotBefore();
        boolean holdable = before && nals != null && (!counted || (nal.pictures() == 1 && nals.outputInDecodeOrder()));
        if (holdable && held.add(packet)) return;
        release(out);
        sendNow(packet, out);
    }

    /** The packet's NAL units where whole runs may be dropped (counted streams: every packet, else key frames). */
    private NalUnits.Packet inspect(AVPacket packet) {
        if (nals == null || !trusted) return null;
        if (!counted && (packet.flags() & AV_PKT_FLAG_KEY) == 0) return null;
        if (packet.data() == null || packet.size() <= 0) return NalUnits.Packet.UNKNOWN;
        return nals.inspect(packet.data().capacity(packet.size()).asByteBuffer());
    }

    /**
     * Nothing follows the held packets that could refer to them, but they are decoded all the same:
     * a recording cut short shows its damage in its last frames, and is reported only if they are
     * decoded (the cost is at most one GOP per video).
     */
    @Override
    public void end(VideoDecoder.PacketSender out) throws IOException {
        release(out);
    }

    /** Drops the held packets, which are the {@code held.size()} packets routed just before index {@code next}. */
    private void drop(long next) {
        runsDropped++;
        long n = held.size();
        if (counted) droppedRanges.add(new long[] {next - n, next});
        packetsDropped += n;
        skipRequested = true;
        held.clear();
    }

    private void release(VideoDecoder.PacketSender out) throws IOException {
        while (!held.isEmpty()) {
            AVPacket p = held.peek();
            sendNow(p, out); // may throw (skipping invalidated): the packet stays held and is freed on close
            held.remove();
        }
    }

    private void sendNow(AVPacket packet, VideoDecoder.PacketSender out) throws IOException {
        if (counted) {
            out.send(packet);
            return;
        }
        long pts = packet.pts();
        boolean skip = trusted && lastTimestamp != Long.MIN_VALUE && pts != AV_NOPTS_VALUE
                && pts < sampler.nextKeptNotBefore();
        skipRequested |= skip;
        if (intraOnly) {
            if (!skip) out.send(packet);
            return;
        }
        codec.skip_frame(skip ? AVDISCARD_NONREF : AVDISCARD_DEFAULT);
        out.send(packet);
    }

    /** Checks a decoded frame against the assumptions above (before the clock times it). */
    void check(AVFrame frame) {
        if (counted) {
            if (!trusted) return;
            while (!droppedRanges.isEmpty() && droppedRanges.peek()[0] == nextIndex) {
                long[] r = droppedRanges.remove();
                clock.skipCounted(r[1] - r[0]);
                nextIndex = r[1];
            }
            if (frame.pts() != nextIndex) {
                distrust();
                return;
            }
            nextIndex++;
            lastTimestamp = frame.pts();
            return;
        }
        long t = frame.best_effort_timestamp();
        if (t == AV_NOPTS_VALUE || frame.pts() != t || t <= lastTimestamp) distrust();
        if (t != AV_NOPTS_VALUE) lastTimestamp = Math.max(lastTimestamp, t);
    }

    private void distrust() {
        trusted = false;
        if (!intraOnly) codec.skip_frame(AVDISCARD_DEFAULT);
    }

    /**
     * The assumptions failed after a frame may already have been skipped: the kept frames may
     * differ from a full decode's, so the caller must decode the video again without skipping.
     */
    boolean invalidated() {
        return !trusted && skipRequested;
    }

    /** Packets dropped unsent, in whole runs before an IDR picture. */
    long packetsDropped() {
        return packetsDropped;
    }

    /** Runs of packets dropped whole before an IDR picture. */
    int runsDropped() {
        return runsDropped;
    }

    @Override
    public void close() {
        held.clear();
    }
}
