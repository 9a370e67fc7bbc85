package io.wkforge.stages.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class YuvRoundTripTest {
    private static ResizedImage uniform(int w, int h, int b, int g, int r) {
        byte[] px = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            px[3 * i] = (byte) b;
            px[3 * i + 1] = (byte) g;
            px[3 * i + 2] = (byte) r;
        }
        return new ResizedImage(w, h, px);
    }

    @Test
    void colourSurvivesWithinAFewLevelsAndRedStaysRed() {
        for (String type : new String[] {"yuv420sp", "yuv422sp"}) {
            ResizedImage back = YuvRoundTrip.apply(uniform(8, 6, 30, 40, 200), type);
            byte[] px = back.bgr();
            for (int i = 0; i < 8 * 6; i++) {
                assertEquals(30, px[3 * i] & 0xff, 3, type + " blue"); // V and U swapped would make this red-ish
                assertEquals(40, px[3 * i + 1] & 0xff, 3, type + " green");
                assertEquals(200, px[3 * i + 2] & 0xff, 3, type + " red");
            }
        }
    }

    @Test
    void theEncoderMatchesOpenCvsBt601VideoRangeOnUniformColour() {
        // OpenCV's BGR2YUV_I420 of pure red gives Y 82, U 90, V 240 (checked with python3-opencv)
        assertEquals(82, YuvRoundTrip.luma(0, 0, 255));
        assertEquals(90, YuvRoundTrip.u(0, 0, 255));
        assertEquals(240, YuvRoundTrip.v(0, 0, 255));
        assertEquals(41, YuvRoundTrip.luma(255, 0, 0));
    }

    @Test
    void chromaFinerThanTwoPixelsIsAveragedAndOddSidesWork() {
        // red and blue columns alternate: YUV420SP keeps one colour per 2x2 block
        int w = 7;
        int h = 5;
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = 3 * (y * w + x);
                px[i] = (byte) (x % 2 == 0 ? 0 : 255);
                px[i + 2] = (byte) (x % 2 == 0 ? 255 : 0);
            }
        }
        ResizedImage back = YuvRoundTrip.apply(new ResizedImage(w, h, px), "yuv420sp");
        assertEquals(w, back.width());
        assertEquals(h, back.height());
        for (int x = 0; x < 2; x++) {
            int r = back.bgr()[3 * x + 2] & 0xff;
            int b = back.bgr()[3 * x] & 0xff;
            assertTrue(r > 60 && r < 200 && b > 60 && b < 200, "pixel " + x + " is between red and blue (the block's mean chroma): r " + r + " b " + b);
        }
    }
}
