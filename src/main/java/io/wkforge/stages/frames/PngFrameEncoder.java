package io.wkforge.stages.frames;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_PNG;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_OPT_SEARCH_CHILDREN;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_int;

import java.io.IOException;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.PointerPointer;

/**
 * PNG with FFmpeg's own encoder, already loaded for decoding, so extracting PNG frames loads no
 * image library (OpenCV costs about 0.3 s of CPU to load). zlib level 1 without row filters:
 * the fast end, like OpenCV's default, about half the CPU of the ffmpeg CLI's default (level 6)
 * for files about 10% larger. Lossless either way.
 */
final class PngFrameEncoder implements FrameEncoder {
    private static final int ZLIB_LEVEL = 1;
    private static final int FILTER_NONE = 0;

    private final AVCodec codec = avcodec_find_encoder(AV_CODEC_ID_PNG);
    private final AVPacket packet = av_packet_alloc();
    private AVCodecContext context;
    private int width;
    private int height;

    PngFrameEncoder() {
        if (codec == null) throw new IllegalStateException("this FFmpeg build has no PNG encoder");
    }

    @Override
    public int pixelFormat() {
        return AV_PIX_FMT_RGB24;
    }

    @Override
    public byte[] encode(AVFrame packed) throws IOException {
        openFor(packed.width(), packed.height());
        int r = avcodec_send_frame(context, packed);
        if (r < 0) throw new IOException("PNG encoder refused a frame: " + FfmpegErrors.describe(r));
        r = avcodec_receive_packet(context, packet);
        if (r < 0) throw new IOException("PNG encoder gave no image: " + FfmpegErrors.describe(r));
        try {
            byte[] bytes = new byte[packet.size()];
            packet.data().get(bytes);
            return bytes;
        } finally {
            av_packet_unref(packet);
        }
    }

    /** An encoder context for this size (a stream may change size midway). */
    private void openFor(int w, int h) throws IOException {
        if (context != null && w == width && h == height) return;
        if (context != null) avcodec_free_context(context);
        context = avcodec_alloc_context3(codec);
        if (context == null) throw new OutOfMemoryError("avcodec_alloc_context3");
        context.width(w);
        context.height(h);
        context.pix_fmt(AV_PIX_FMT_RGB24);
        context.time_base(av_make_q(1, 1));
        context.compression_level(ZLIB_LEVEL);
        context.thread_count(1); // frames are encoded side by side instead
        av_opt_set_int(context, "pred", FILTER_NONE, AV_OPT_SEARCH_CHILDREN);
        int r = avcodec_open2(context, codec, (PointerPointer<?>) null);
        if (r < 0) {
            avcodec_free_context(context);
            context = null;
            throw new IOException("cannot start the PNG encoder: " + FfmpegErrors.describe(r));
        }
        width = w;
        height = h;
    }

    @Override
    public void close() {
        if (context != null) avcodec_free_context(context);
        context = null;
        av_packet_free(packet);
    }
}
