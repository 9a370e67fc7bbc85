package io.wkforge.stages.frames;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wkforge.stages.FfmpegCli;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PNG files wkforge writes itself are read back, pixel for pixel, by independent readers:
 * the JDK's ImageIO, OpenCV, and the ffmpeg CLI (JavaCV's FFmpeg 8, and the system's when there
 * is one). The pictures are camera-like (noise over a gradient), at an odd width so that the
 * frame's rows are padded, and one is flat (where Huffman coding meets long runs).
 */
class PngFrameEncoderTest {
    @TempDir
    Path dir;

    private record Picture(int w, int h, byte[] rgb) {}

    @Test
    void everyReaderGetsThePixelsBack() throws IOException {
        List<Picture> pictures = List.of(noisy(101, 37, 1), noisy(640, 360, 2), flat(64, 48));
        try (PngFrameEncoder encoder = new PngFrameEncoder()) {
            for (Picture p : pictures) {
                byte[] png = encode(encoder, p);
                Path file = dir.resolve(p.w() + "x" + p.h() + ".png");
                Files.write(file, png);
                assertArrayEquals(p.rgb(), imageIo(png), "ImageIO read " + file.getFileName());
                assertArrayEquals(p.rgb(), openCv(file), "OpenCV read " + file.getFileName());
                List<Path> clis = new ArrayList<>(List.of(FfmpegCli.ffmpeg()));
                if (FfmpegCli.systemWithX264AndX265() != null) clis.add(FfmpegCli.systemWithX264AndX265());
                for (Path cli : clis) {
                    byte[] decoded = FfmpegCli.run(cli, "-hide_banner", "-loglevel", "error", "-i", file.toString(),
                            "-f", "rawvideo", "-pix_fmt", "rgb24", "-");
                    assertArrayEquals(p.rgb(), decoded, cli + " read " + file.getFileName());
                }
            }
        }
    }

    @Test
    void noisyPicturesCompressAndTheSamePixelsGiveTheSameBytes() throws IOException {
        Picture p = noisy(320, 240, 3);
        try (PngFrameEncoder a = new PngFrameEncoder(); PngFrameEncoder b = new PngFrameEncoder()) {
            byte[] first = encode(a, p);
            encode(a, noisy(64, 64, 4)); // another size between: nothing of it may stay behind
            assertArrayEquals(first, encode(a, p));
            assertArrayEquals(first, encode(b, p));
            assertTrue(first.length < p.rgb().length * 0.9, "smooth content under the noise compresses: " + first.length);
        }
    }

    private static byte[] encode(PngFrameEncoder encoder, Picture p) throws IOException {
        AVFrame f = av_frame_alloc();
        try {
            f.width(p.w());
            f.height(p.h());
            f.format(AV_PIX_FMT_RGB24);
            assertEquals(0, av_frame_get_buffer(f, 64));
            int line = f.linesize(0);
            BytePointer data = f.data(0);
            for (int y = 0; y < p.h(); y++) data.position((long) y * line).put(p.rgb(), y * p.w() * 3, p.w() * 3);
            return encoder.encode(f);
        } finally {
            av_frame_free(f);
        }
    }

    private static Picture noisy(int w, int h, long seed) {
        Random r = new Random(seed);
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    int v = (x * 255 / w + y * 128 / h + c * 40) % 256 + (int) Math.round(r.nextGaussian() * 6);
                    rgb[(y * w + x) * 3 + c] = (byte) Math.max(0, Math.min(255, v));
                }
            }
        }
        return new Picture(w, h, rgb);
    }

    private static Picture flat(int w, int h) {
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = 10;
            rgb[i + 1] = (byte) 200;
            rgb[i + 2] = 77;
        }
        return new Picture(w, h, rgb);
    }

    private static byte[] imageIo(byte[] png) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        byte[] rgb = new byte[img.getWidth() * img.getHeight() * 3];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int v = img.getRGB(x, y);
                int i = (y * img.getWidth() + x) * 3;
                rgb[i] = (byte) (v >> 16);
                rgb[i + 1] = (byte) (v >> 8);
                rgb[i + 2] = (byte) v;
            }
        }
        return rgb;
    }

    /** OpenCV gives BGR: turned to RGB here. */
    private static byte[] openCv(Path file) {
        try (Mat m = opencv_imgcodecs.imread(file.toString(), opencv_imgcodecs.IMREAD_UNCHANGED)) {
            assertEquals(3, m.channels());
            byte[] bgr = new byte[(int) (m.total() * 3)];
            m.data().get(bgr);
            for (int i = 0; i < bgr.length; i += 3) {
                byte t = bgr[i];
                bgr[i] = bgr[i + 2];
                bgr[i + 2] = t;
            }
            return bgr;
        }
    }
}
