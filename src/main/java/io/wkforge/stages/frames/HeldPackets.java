package io.wkforge.stages.frames;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_ref;

import java.util.ArrayDeque;
import org.bytedeco.ffmpeg.avcodec.AVPacket;

/**
 * Packets held back from the decoder, in decode order, as new references to the demuxer's
 * (refcounted) data, so holding one copies nothing. Bounded by {@link #CAP} bytes of packet data.
 */
final class HeldPackets {
    /** At most this many bytes of packet data are held (a 1080p GOP of 2 s is a few MB). */
    static final long CAP = 64L << 20;

    private final ArrayDeque<AVPacket> packets = new ArrayDeque<>();
    private long bytes;

    /** Holds a reference to the packet; false (nothing held) when that would pass the cap or fails. */
    boolean add(AVPacket packet) {
        if (bytes + packet.size() > CAP) return false;
        AVPacket ref = av_packet_alloc();
        if (ref == null) return false;
        if (av_packet_ref(ref, packet) < 0) {
            av_packet_free(ref);
            return false;
        }
        packets.add(ref);
        bytes += packet.size();
        return true;
    }

    boolean isEmpty() {
        return packets.isEmpty();
    }

    int size() {
        return packets.size();
    }

    /** The oldest packet held, still held. */
    AVPacket peek() {
        return packets.peek();
    }

    /** Frees the oldest packet held. */
    void remove() {
        AVPacket p = packets.remove();
        bytes -= p.size();
        av_packet_free(p);
    }

    /** Frees every packet held. */
    void clear() {
        while (!packets.isEmpty()) remove();
    }
}
