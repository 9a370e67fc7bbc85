package io.wkforge.demo;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;

/**
 * One recorded clip of the demo: a {@link DemoObject} wandering and turning over a
 * {@link Backdrop} while the camera pans and the light changes, with {@link CameraFaults}.
 * Everything comes from the seed, so the same seed paints the same pixels.
 */
final class DemoClip {
    static final int WIDTH = 160;
    static final int HEIGHT = 120;

    private final DemoObject object;
    private final int frames;
    private final double fps;
    private final long seed;
    private final BufferedImage[] surfaces;
    private final CameraFaults faults;
    // how this clip's object moves, turns and is lit
    private final double ampX;
    private final double ampY;
    private final double freqX;
    private final double freqY;
    private final double phaseX;
    private final double phaseY;
    private final double spin;
    private final double angle0;
    private final double size;
    private final float tint;
    private final double panX;
    private final double panY;
    private final double light;
    private BufferedImage frozen;

    DemoClip(DemoObject object, int classIndex, int video, int frames, double fps, long seed) {
        this.object = object;
        this.frames = frames;
        this.fps = fps;
        this.seed = seed;
        Random r = new Random(seed);
        Backdrop[] all = Backdrop.values();
        // Half-way through, the object is moved to another surface. Over a class's videos every
        // surface appears twice, in different videos: a surface says nothing about the class, and
        // the video kept for validation shows surfaces the class was also trained on.
        this.surfaces = new BufferedImage[2];
        for (int k = 0; k < 2; k++) {
            surfaces[k] = all[(classIndex + video + 2 * k) % all.length].render((int) (WIDTH * 1.6), (int) (HEIGHT * 1.6), r);
        }
        this.faults = CameraFaults.plan(classIndex, video, frames, fps, r);
        this.ampX = WIDTH * (0.18 + 0.1 * r.nextDouble());
        this.ampY = HEIGHT * (0.12 + 0.08 * r.nextDouble());
        this.freqX = 0.07 + 0.08 * r.nextDouble();
        this.freqY = 0.05 + 0.1 * r.nextDouble();
        this.phaseX = 2 * Math.PI * r.nextDouble();
        this.phaseY = 2 * Math.PI * r.nextDouble();
        this.spin = (r.nextBoolean() ? 1 : -1) * (0.4 + 0.9 * r.nextDouble());
        this.angle0 = 2 * Math.PI * r.nextDouble();
        this.size = HEIGHT * (0.5 + 0.15 * r.nextDouble());
        this.tint = (float) (r.nextDouble() * 2 - 1);
        this.panX = (r.nextDouble() * 2 - 1) * 2.5;
        this.panY = (r.nextDouble() * 2 - 1) * 1.5;
        this.light = 0.85 + 0.3 * r.nextDouble();
    }

    int frames() {
        return frames;
    }

    CameraFaults faults() {
        return faults;
    }

    /** Frame {@code i} as 8-bit BGR, what the recorder takes. */
    BufferedImage frame(int i) {
        if (faults.frozen(i) && frozen != null) return frozen;
        BufferedImage img = faults.black(i) ? blackFrame(i) : scene(i);
        if (faults.blurred(i) && !faults.black(i)) img = defocus(img, 4);
        if (i == faults.freezeStart()) frozen = img;
        return img;
    }

    private BufferedImage scene(int i) {
        double t = i / fps;
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        BufferedImage surface = surfaces[i < frames / 2 ? 0 : 1];
        // the camera pans slowly across the surface and back
        double maxX = surface.getWidth() - WIDTH;
        double maxY = surface.getHeight() - HEIGHT;
        double ox = maxX / 2 + (maxX / 2) * Math.sin(panX * t / 8);
        double oy = maxY / 2 + (maxY / 2) * Math.sin(panY * t / 8);
        g.drawImage(surface, -(int) ox, -(int) oy, null);

        double cx = WIDTH / 2.0 + ampX * Math.sin(2 * Math.PI * freqX * t + phaseX);
        double cy = HEIGHT / 2.0 + ampY * Math.sin(2 * Math.PI * freqY * t + phaseY);
        double s = size * (1 + 0.12 * Math.sin(t * 0.9 + phaseY));
        if (object != DemoObject.NOTHING) {
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.35f));
            g.setColor(Color.BLACK);
            g.fill(new Ellipse2D.Double(cx - s * 0.45 + 4, cy - s * 0.3 + 6, s * 0.95, s * 0.7)); // its shadow
            g.setComposite(AlphaComposite.SrcOver);
            AffineTransform at = new AffineTransform();
            at.translate(cx, cy);
            at.rotate(angle0 + spin * t);
            g.setTransform(at);
            object.draw(g, s, tint);
        }
        g.dispose();
        lightAndNoise(img, light * (1 + 0.06 * Math.sin(t * 1.7)), seed * 31 + i);
        return img;
    }

    /** A covered lens: nearly black, with the sensor's faint noise. */
    private BufferedImage blackFrame(int i) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        Random r = new Random(seed * 17 + i);
        for (int p = 0; p < px.length; p++) px[p] = (byte) (6 + r.nextInt(4));
        return img;
    }

    /** Exposure and sensor noise (-3..3 per channel value, from a small seeded generator: this loop is hot). */
    private static void lightAndNoise(BufferedImage img, double gain, long noiseSeed) {
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int g = (int) Math.round(gain * 256);
        long x = noiseSeed * 0x9E3779B97F4A7C15L + 1;
        for (int p = 0; p < px.length; p++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            int v = (((px[p] & 0xff) * g) >> 8) + (int) ((x >>> 33) % 7) - 3;
            px[p] = (byte) (v < 0 ? 0 : Math.min(255, v));
        }
    }

    /** Out of focus: a box blur of the given radius, applied twice (close to a Gaussian). */
    static BufferedImage defocus(BufferedImage src, int radius) {
        int w = src.getWidth();
        int h = src.getHeight();
        byte[] a = ((DataBufferByte) src.getRaster().getDataBuffer()).getData().clone();
        byte[] b = new byte[a.length];
        for (int pass = 0; pass < 2; pass++) {
            boxBlur(a, b, w, h, radius, true);
            boxBlur(b, a, w, h, radius, false);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        System.arraycopy(a, 0, ((DataBufferByte) out.getRaster().getDataBuffer()).getData(), 0, a.length);
        return out;
    }

    private static void boxBlur(byte[] in, byte[] out, int w, int h, int r, boolean horizontal) {
        int lines = horizontal ? h : w;
        int len = horizontal ? w : h;
        for (int line = 0; line < lines; line++) {
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < len; i++) {
                    int sum = 0;
                    int n = 0;
                    for (int k = Math.max(0, i - r); k <= Math.min(len - 1, i + r); k++) {
                        int x = horizontal ? k : line;
                        int y = horizontal ? line : k;
                        sum += in[(y * w + x) * 3 + c] & 0xff;
                        n++;
                    }
                    int x = horizontal ? i : line;
                    int y = horizontal ? line : i;
                    out[(y * w + x) * 3 + c] = (byte) (sum / n);
                }
            }
        }
    }
}
