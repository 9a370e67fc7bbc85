package io.wkforge.stages.frames;

import io.wkforge.stages.common.frames.ImageFormat;
import java.io.IOException;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/** Encodes a packed 24-bit frame into an image file's bytes. One per thread. */
interface FrameEncoder extends AutoCloseable {
    /** The packed pixel format it takes: AV_PIX_FMT_RGB24 or AV_PIX_FMT_BGR24. */
    int pixelFormat();

    byte[] encode(AVFrame packed) throws IOException;

    @Override
    void close();

    static FrameEncoder of(ImageFormat format, int jpegQuality) {
        return format == ImageFormat.PNG ? new PngFrameEncoder() : new JpegFrameEncoder(jpegQuality);
    }
}
