package io.wkforge.stages.frames;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.io.IOException;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** JPEG with OpenCV's libjpeg, whose 1-100 quality scale is the one {@code frames.quality} uses. */
final class JpegFrameEncoder implements FrameEncoder {
    private final IntPointer params;
    private final BytePointer buffer = new BytePointer();

    JpegFrameEncoder(int quality) {
        params = new IntPointer(IMWRITE_JPEG_QUALITY, quality);
    }

    @Override
    public int pixelFormat() {
        return AV_PIX_FMT_BGR24;
    }

    @Override
    public byte[] encode(AVFrame packed) throws IOException {
        try (Mat image = new Mat(packed.height(), packed.width(), CV_8UC3, packed.data(0), packed.linesize(0))) {
            if (!imencode(".jpg", image, buffer, params)) throw new IOException("OpenCV could not encode a JPEG");
        }
        byte[] bytes = new byte[(int) buffer.limit()];
        buffer.get(bytes);
        return bytes;
    }

    @Override
    public void close() {
        buffer.close();
        params.close();
    }
}
