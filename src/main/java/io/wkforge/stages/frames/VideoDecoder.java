package io.wkforge.stages.frames;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_PROP_INTRA_ONLY;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_CORRUPT;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_get;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_descriptor_get;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_NOTIMESTAMPS;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecDescriptor;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * One video stream of a file, demuxed and decoded with FFmpeg's own API (through JavaCV's
 * bindings), the way the ffmpeg CLI does it: the other streams are discarded unread (a broken
 * audio track cannot stop the video), every frame the decoder outputs is handed on with its
 * decoder-given properties intact (best-effort timestamp, error flags, display matrix), and
 * what the demuxer and the decoder reported along the way is kept as evidence of damage.
 */
final class VideoDecoder implements AutoCloseable {
    /** The file cannot be decoded at all; the message says why, in the user's words. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /** Receives each decoded frame; the frame is only lent (clone it to keep it). */
    interface FrameSink {
        void accept(AVFrame frame) throws IOException;
    }

    /** Decides, packet by packet of the video stream, what the decoder gets. */
    interface PacketGate {
        /**
         * Sends to {@code out}, in decode order, the packets to decode now: this one, or packets
         * held back before it, or none. The packet is only lent (reference it to hold it).
         */
        void route(AVPacket packet, PacketSender out) throws IOException;

        /** The stream ended: send what is still held back, or let it go. */
        void end(PacketSender out) throws IOException;
    }

    /** Hands one packet to the decoder (and the frames it then outputs to the sink). */
    interface PacketSender {
        void send(AVPacket packet) throws IOException;
    }

    /** FF_THREAD_FRAME in libavcodec's thread_type flags. */
    private static final int FF_THREAD_FRAME = 1;
    /** Demuxers that AVI-style count their length in chunks, empty "drop" chunks included. */
    private static final String AVI = "avi";

    private static final Pattern CLOCK = Pattern.compile("(\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)");

    private AVFormatContext format;
    private AVCodecContext codec;
    private final FfmpegLog.Listener log;
    private final int threads;
    private final AVStream stream;
    private final int streamIndex;
    private final long declaredDuration;

    private int decodeErrors;
    private String firstDecodeError;
    private int corruptPackets;
    private boolean lastPacketCorrupt;
    private String readError;
    private long packets;
    private long dataEnd = AV_NOPTS_VALUE;

    private VideoDecoder(AVFormatContext format, AVStream stream, int streamIndex, long declaredDuration, AVCodecContext codec,
                         FfmpegLog.Listener log, int threads) {
        this.format = format;
        this.log = log;
        this.threads = threads;
        this.stream = stream;
        this.streamIndex = streamIndex;
        this.declaredDuration = declaredDuration;
        this.codec = codec;
    }

    /** @param threads decoder threads (frame threading above 1) */
    static VideoDecoder open(Path video, int threads) throws Unreadable {
        FfmpegLog.Listener log = FfmpegLog.listen();
        AVFormatContext fc = avformat_alloc_context();
        if (fc == null) {
            log.close();
            throw new OutOfMemoryError("avformat_alloc_context");
        }
        fc.opaque(log.tag());
        // "file:" keeps a name with a colon from being read as another protocol
        byte[] url = ("file:" + video.toAbsolutePath()).getBytes(StandardCharsets.UTF_8);
        int r;
        try (BytePointer name = new BytePointer(url.length + 1)) {
            name.put(url).put(url.length, (byte) 0);
            r = avformat_open_input(fc, name, null, null); // frees the context when it fails
        }
        if (r < 0) {
            log.close();
            throw new Unreadable("not a video FFmpeg can open (another kind of file, or a truncated or damaged one): "
                    + FfmpegErrors.describe(r));
        }
        try {
            return open(fc, threads, log);
        } catch (Unreadable | RuntimeException e) {
            avformat_close_input(fc);
            log.close();
            throw e;
        }
    }

    private static VideoDecoder open(AVFormatContext fc, int threads, FfmpegLog.Listener log) throws Unreadable {
        // what the container itself declares, before probing fills gaps with estimates
        long[] declared = new long[fc.nb_streams()];
        for (int i = 0; i < declared.length; i++) declared[i] = fc.streams(i).duration();
        int r = avformat_find_stream_info(fc, (PointerPointer<?>) null);
        if (r < 0) {
            throw new Unreadable("not a video FFmpeg can open (another kind of file, or a truncated or damaged one): "
                    + FfmpegErrors.describe(r));
        }
        int index = av_find_best_stream(fc, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
        if (index < 0) throw new Unreadable("contains no video stream");
        AVStream st = fc.streams(index);
        for (int i = 0; i < fc.nb_streams(); i++) {
            if (i != index) fc.streams(i).discard(AVDISCARD_ALL);
        }
        AVCodecParameters par = st.codecpar();
        AVCodec decoder = avcodec_find_decoder(par.codec_id());
        if (decoder == null) {
            throw new Unreadable("no decoder for its video codec (" + avcodec_get_name(par.codec_id()).getString()
                    + ") in this FFmpeg build");
        }
        AVCodecContext cc = avcodec_alloc_context3(decoder);
        if (cc == null) throw new OutOfMemoryError("avcodec_alloc_context3");
        r = avcodec_parameters_to_context(cc, par);
        if (r >= 0) {
            cc.opaque(log.tag());
            cc.pkt_timebase(st.time_base());
            cc.thread_count(Math.max(1, threads));
            r = avcodec_open2(cc, decoder, (PointerPointer<?>) null);
        }
        if (r < 0) {
            avcodec_free_context(cc);
            throw new Unreadable("cannot start the " + decoder.name().getString() + " decoder: " + FfmpegErrors.describe(r));
        }
        long declaredDuration = declared[index];
        if (declaredDuration <= 0 || declaredDuration == AV_NOPTS_VALUE) declaredDuration = durationTag(st);
        return new VideoDecoder(fc, st, index, declaredDuration, cc, log, threads);
    }

    /** Matroska and WebM writers record each track's length as a DURATION tag (HH:MM:SS.nnnnnnnnn). */
    private static long durationTag(AVStream st) {
        AVDictionaryEntry e = av_dict_get(st.metadata(), "DURATION", null, 0);
        if (e == null || e.isNull()) return AV_NOPTS_VALUE;
        Matcher m = CLOCK.matcher(e.value().getString().strip());
        if (!m.matches()) return AV_NOPTS_VALUE;
        BigDecimal seconds = new BigDecimal(m.group(3)).add(BigDecimal.valueOf(Long.parseLong(m.group(2)) * 60
                + Long.parseLong(m.group(1)) * 3600));
        AVRational tb = st.time_base();
        return seconds.multiply(BigDecimal.valueOf(tb.den())).divide(BigDecimal.valueOf(tb.num()), 0, RoundingMode.HALF_UP)
                .longValue();
    }

    /** The demuxer's name, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}, {@code avi}, {@code h264}. */
    String formatName() {
        return format.iformat().name().getString();
    }

    String codecName() {
        return codec.codec().name().getString();
    }

    int codecId() {
        return codec.codec_id();
    }

    /** Every frame of the codec stands alone (MJPEG, ProRes, ...): no frame refers to another. */
    boolean intraOnly() {
        AVCodecDescriptor d = avcodec_descriptor_get(codec.codec_id());
        return d != null && (d.props() & AV_CODEC_PROP_INTRA_ONLY) != 0;
    }

    AVCodecContext codec() {
        return codec;
    }

    /** False for elementary streams ({@code .h264}, {@code .h265}): no container, no timestamps. */
    boolean timestamped() {
        return (format.iformat().flags() & AVFMT_NOTIMESTAMPS) == 0;
    }

    /** The stream's clock: timestamps count ticks of {@code timeBase} seconds. */
    AVRational timeBase() {
        return stream.time_base();
    }

    /** One frame at the stream's base frame rate, in ticks; 0 when the stream does not say. */
    long nominalFrameTicks() {
        for (AVRational rate : new AVRational[] {stream.r_frame_rate(), stream.avg_frame_rate()}) {
            if (rate.num() > 0 && rate.den() > 0) {
                AVRational tb = timeBase();
                return Math.max(1, Math.round((double) tb.den() * rate.den() / ((double) tb.num() * rate.num())));
            }
        }
        return 0;
    }

    /** The stream's start time in ticks, or {@code AV_NOPTS_VALUE}. */
    long startTime() {
        return stream.start_time();
    }

    /**
     * The stream's length as its container's header declares it, in ticks, or {@code AV_NOPTS_VALUE}.
     * An AVI's length counts chunks, and a recorder that drops frames writes empty chunks for
     * them, so it is not a length in time and is not used.
     */
    long declaredDuration() {
        if (declaredDuration <= 0 || declaredDuration == AV_NOPTS_VALUE || AVI.equals(formatName())) return AV_NOPTS_VALUE;
        return declaredDuration;
    }

    /**
     * Whether the decoder works on several frames at once (FF_THREAD_FRAME): then it does not
     * always flag the pictures it concealed (see {@link VideoFrameExtractor}).
     */
    boolean frameThreaded() {
        return threads > 1 && (codec.active_thread_type() & FF_THREAD_FRAME) != 0;
    }

    /** About how many frames the stream holds, for progress only; 0 when unknown. */
    long estimatedFrames() {
        if (stream.nb_frames() > 0) return stream.nb_frames();
        long frame = nominalFrameTicks();
        long duration = stream.duration();
        return frame > 0 && duration > 0 && duration != AV_NOPTS_VALUE ? duration / frame : 0;
    }

    /** The codec's extradata (for H.264 and HEVC in MP4: the avcC/hvcC record), possibly empty. */
    byte[] extradata() {
        AVCodecParameters par = stream.codecpar();
        int n = par.extradata_size();
        byte[] b = new byte[Math.max(0, n)];
        if (n > 0 && par.extradata() != null) par.extradata().get(b);
        return b;
    }

    /** The display matrix of the stream (rotation, flips), or null. */
    int[] displayMatrix() {
        AVCodecParameters par = stream.codecpar();
        if (par.nb_coded_side_data() <= 0) return null;
        AVPacketSideData sd = av_packet_side_data_get(par.coded_side_data(), par.nb_coded_side_data(), AV_PKT_DATA_DISPLAYMATRIX);
        if (sd == null || sd.isNull() || sd.size() < 36) return null;
        int[] m = new int[9];
        sd.data().capacity(36).asByteBuffer().order(java.nio.ByteOrder.nativeOrder()).asIntBuffer().get(m);
        return m;
    }

    /**
     * Decodes the whole stream, handing every frame the decoder outputs to {@code sink}. Decoding
     * goes on past errors, as the ffmpeg CLI does; they are counted as evidence of damage.
     */
    void decode(PacketGate gate, FrameSink sink) throws IOException {
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        PacketSender out = p -> {
            send(p);
            receive(frame, sink); // before the next send: the decoder takes no packet while it holds output
        };
        try {
            while (true) {
                int r = av_read_frame(format, packet);
                if (r == AVERROR_EOF) break;
                if (r < 0) {
                    readError = FfmpegErrors.describe(r);
                    break;
                }
                try {
                    if (packet.stream_index() != streamIndex) continue;
                    notePacket(packet);
                    gate.route(packet, out);
                } finally {
                    av_packet_unref(packet);
                }
            }
            gate.end(out);
            send(null); // drain the frames the decoder still holds
            receive(frame, sink);
        } finally {
            av_frame_free(frame);
            av_packet_free(packet);
        }
    }

    private void notePacket(AVPacket p) {
        packets++;
        lastPacketCorrupt = (p.flags() & AV_PKT_FLAG_CORRUPT) != 0;
        if (lastPacketCorrupt) corruptPackets++;
        long t = p.pts() != AV_NOPTS_VALUE ? p.pts() : p.dts();
        if (t != AV_NOPTS_VALUE) {
            long end = t + Math.max(0, p.duration());
            if (dataEnd == AV_NOPTS_VALUE || end > dataEnd) dataEnd = end;
        }
    }

    private void send(AVPacket packet) {
        int r = avcodec_send_packet(codec, packet);
        if (r < 0 && r != AVERROR_EOF) decodeError(r);
    }

    private void receive(AVFrame frame, FrameSink sink) throws IOException {
        while (true) {
            int r = avcodec_receive_frame(codec, frame);
            if (r == AVERROR_EOF || r == FfmpegErrors.EAGAIN) return;
            if (r < 0) {
                decodeError(r);
                return;
            }
            try {
                sink.accept(frame);
            } finally {
                av_frame_unref(frame);
            }
        }
    }

    private void decodeError(int code) {
        decodeErrors++;
        if (firstDecodeError == null) firstDecodeError = FfmpegErrors.describe(code);
    }

    /** Packets the decoder rejected (or that failed inside it). */
    int decodeErrors() {
        return decodeErrors;
    }

    String firstDecodeError() {
        return firstDecodeError;
    }

    /** Packets the demuxer marked as damaged or incomplete. */
    int corruptPackets() {
        return corruptPackets;
    }

    /** The stream's last packet was cut short (the file ends inside it). */
    boolean lastPacketCorrupt() {
        return lastPacketCorrupt;
    }

    /** Why reading stopped before the end of the file, or null when it reached the end. */
    String readError() {
        return readError;
    }

    /** Errors FFmpeg logged about this file's demuxer or decoder (see {@link FfmpegLog}). */
    int loggedErrors() {
        return log.errors();
    }

    String firstLoggedError() {
        return log.first();
    }

    long packets() {
        return packets;
    }

    /** Where the stream's data ends (the latest packet time plus its duration), in ticks, or {@code AV_NOPTS_VALUE}. */
    long dataEnd() {
        return dataEnd;
    }

    @Override
    public void close() {
        if (codec != null) avcodec_free_context(codec);
        codec = null;
        if (format != null) avformat_close_input(format);
        format = null;
        log.close();
    }
}
