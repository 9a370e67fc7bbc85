package io.wkforge.stages.model;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessingTest {
    @TempDir
    Path dir;

    /** A 4x3 BGR image whose pixel (x, y) has B = 10x + y, G = 100 + B, R = 200 + y. */
    static ResizedImage ramp() {
        byte[] px = new byte[4 * 3 * 3];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 4; x++) {
                int i = (y * 4 + x) * 3;
                px[i] = (byte) (10 * x + y);
                px[i + 1] = (byte) (100 + 10 * x + y);
                px[i + 2] = (byte) (200 + y);
            }
        }
        return new ResizedImage(4, 3, px);
    }

    @Test
    void cropsReordersAndNormalisesIntoChw() {
        Preprocessing rgb = new Preprocessing(4, 3, 2, 2, "rgb", new double[] {200, 100, 0}, new double[] {2, 1, 0.5});
        assertEquals(1, rgb.centreX());
        assertEquals(0, rgb.centreY());
        float[] out = new float[rgb.inputSize()];
        rgb.normalise(ramp(), 1, 0, false, out, 0);
        // R plane (y = 0, 1 rows; x = 1, 2): (200 + y - 200) / 2
        assertArrayEquals(new float[] {0, 0, 0.5f, 0.5f, 10, 20, 11, 21, 20, 40, 22, 42}, out);
        rgb.normalise(ramp(), 1, 0, true, out, 0);
        assertArrayEquals(new float[] {0, 0, 0.5f, 0.5f, 20, 10, 21, 11, 40, 20, 42, 22}, out, "mirrored left-right");
        Preprocessing bgr = new Preprocessing(4, 3, 2, 2, "bgr", new double[] {0, 0, 0}, new double[] {1, 1, 1});
        bgr.normalise(ramp(), 2, 1, false, out, 0);
        assertArrayEquals(new float[] {21, 31, 22, 32, 121, 131, 122, 132, 201, 201, 202, 202}, out);
    }

    @Test
    void decodesWithOpenCvAndResizesBilinearly() throws IOException {
        try (Mat m = new Mat(20, 30, CV_8UC3, new Scalar(10, 20, 30, 0))) {
            imwrite(dir.resolve("a.png").toString(), m);
        }
        Preprocessing p = new Preprocessing(12, 8, 8, 8, "rgb", new double[] {0, 0, 0}, new double[] {1, 1, 1});
        ResizedImage img = p.load(dir.resolve("a.png"));
        assertEquals(12, img.width());
        assertEquals(8, img.height());
        float[] in = p.centreBatch(List.of(dir.resolve("a.png"), dir.resolve("a.png")));
        assertEquals(2 * 3 * 64, in.length);
        assertEquals(30f, in[0]);
        assertEquals(20f, in[64]);
        assertEquals(10f, in[3 * 64 - 1]);

        Files.writeString(dir.resolve("b.png"), "no");
        IOException e = assertThrows(IOException.class, () -> p.load(dir.resolve("b.png")));
        assertTrue(e.getMessage().contains("b.png: not an image OpenCV can decode"), e.getMessage());
    }
}
