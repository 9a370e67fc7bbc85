package io.wkforge.stages.frames;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_DEFAULT;
import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_NONREF;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG1VIDEO;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG2VIDEO;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.util.Set;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Saves decoding work without changing which frames are kept: a packet whose frame no other
 * frame refers to is not decoded when its timestamp lies before the earliest time the next kept
 * frame can have. Such a frame could never be kept, and since nothing refers to it, every other
 * frame decodes exactly as before. For codecs with B-frames (H.264, HEVC, MPEG-1/2/4 Part 2) the
 * decoder is told to drop the packet if it is unreferenced (most B-frames are); for intra-only
 * codecs (MJPEG and the like), where no frame refers to another, the packet is not decoded at all.
 *
 * <p>That reasoning holds only where a packet's timestamp is the time the frame will be given,
 * so skipping is used only for those codecs, whose "unreferenced" is well defined, for packets
 * that carry a timestamp, and while every decoded frame confirms it: its
 * best-effort timestamp equals its packet's, and timestamps rise in presentation order. The first
 * frame that breaks this (MPEG-4 in AVI, whose packets carry no presentation time) stops skipping
 * for the rest of the stream; if anything was skipped by then, {@link #invalidated} says so and
 * the caller decodes the video again in full.
 */
final class NonReferenceSkipping implements VideoDecoder.PacketGate {
    private static final Set<Integer> CODECS = Set.of(AV_CODEC_ID_H264, AV_CODEC_ID_HEVC, AV_CODEC_ID_MPEG4,
            AV_CODEC_ID_MPEG2VIDEO, AV_CODEC_ID_MPEG1VIDEO);

    private final AVCodecContext codec;
    private final FrameSampler sampler;
    private final boolean intraOnly;
    private boolean trusted = true;
    private boolean skipRequested;
    private long lastTimestamp = Long.MIN_VALUE;

    private NonReferenceSkipping(AVCodecContext codec, FrameSampler sampler, boolean intraOnly) {
        this.codec = codec;
        this.sampler = sampler;
        this.intraOnly = intraOnly;
    }

    /** For a stream with timestamps and a codec named above; null otherwise (decode everything). */
    static NonReferenceSkipping of(VideoDecoder decoder, FrameClock clock, FrameSampler sampler) {
        if (!clock.timestamped()) return null;
        if (decoder.intraOnly()) return new NonReferenceSkipping(decoder.codec(), sampler, true);
        if (!CODECS.contains(decoder.codecId())) return null;
        return new NonReferenceSkipping(decoder.codec(), sampler, false);
    }

    @Override
    public boolean beforeSend(AVPacket packet) {
        long pts = packet.pts();
        // not yet decoded, so it will be shown after every frame shown so far
        if (pts != AV_NOPTS_VALUE && lastTimestamp != Long.MIN_VALUE && pts <= lastTimestamp) distrust();
        boolean skip = trusted && lastTimestamp != Long.MIN_VALUE && pts != AV_NOPTS_VALUE
                && pts < sampler.nextKeptNotBefore();
        skipRequested |= skip;
        if (intraOnly) return !skip;
        codec.skip_frame(skip ? AVDISCARD_NONREF : AVDISCARD_DEFAULT);
        return true;
    }

    /** Checks a decoded frame against the assumptions above. */
    void check(AVFrame frame) {
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
}
