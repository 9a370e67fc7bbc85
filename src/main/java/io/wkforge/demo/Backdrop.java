package io.wkforge.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Surfaces the demo objects lie on. Every one is textured: a real camera sees grain, grout and
 * weave, and a smooth gradient would look "blurry" to the cleaner's sharpness measure. Painted
 * larger than a frame so the camera can pan across it.
 */
enum Backdrop {
    WOOD {
        @Override
        void paint(BufferedImage img, Random r) {
            int base = 150 + r.nextInt(40);
            for (int y = 0; y < img.getHeight(); y++) {
                double band = Math.sin(y * 0.35 + 3 * Math.sin(y * 0.05)) * 18;
                for (int x = 0; x < img.getWidth(); x++) {
                    double grain = band + Math.sin(x * 0.9 + y * 0.2) * 6 + r.nextGaussian() * 5;
                    int v = (int) (base + grain);
                    img.setRGB(x, y, rgb(v, (int) (v * 0.72), (int) (v * 0.45)));
                }
            }
        }
    },
    TILES {
        @Override
        void paint(BufferedImage img, Random r) {
            int tile = 22 + r.nextInt(10);
            int light = 190 + r.nextInt(40);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    boolean grout = x % tile < 2 || y % tile < 2;
                    int v = grout ? 95 : light - ((x / tile + y / tile) % 2) * 25;
                    v += (int) (r.nextGaussian() * 4);
                    img.setRGB(x, y, rgb(v, v, v + 6));
                }
            }
        }
    },
    GRANITE {
        @Override
        void paint(BufferedImage img, Random r) {
            int base = 70 + r.nextInt(50);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int v = base + (int) (r.nextGaussian() * 22);
                    if (r.nextInt(40) == 0) v += 70; // pale flecks
                    img.setRGB(x, y, rgb(v, v - 4, v - 10));
                }
            }
        }
    },
    CLOTH {
        @Override
        void paint(BufferedImage img, Random r) {
            int hue = r.nextInt(3);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int weave = ((x / 3 + y / 3) % 2 == 0 ? 18 : -18) + (int) (r.nextGaussian() * 6);
                    int a = 120 + weave;
                    int b = 80 + weave / 2;
                    img.setRGB(x, y, switch (hue) {
                        case 0 -> rgb(b, b + 10, a + 40);
                        case 1 -> rgb(a + 30, b, b + 10);
                        default -> rgb(b, a + 20, b + 10);
                    });
                }
            }
        }
    },
    STEEL {
        @Override
        void paint(BufferedImage img, Random r) {
            for (int y = 0; y < img.getHeight(); y++) {
                int row = 160 + (int) (r.nextGaussian() * 12);
                for (int x = 0; x < img.getWidth(); x++) {
                    int v = row + (int) (r.nextGaussian() * 7) + (int) (20 * Math.sin(x * 0.03));
                    img.setRGB(x, y, rgb(v - 5, v, v + 8));
                }
            }
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(90, 95, 100));
            for (int i = 0; i < 4; i++) { // sink drain holes
                int cx = r.nextInt(img.getWidth());
                int cy = r.nextInt(img.getHeight());
                g.fillOval(cx, cy, 6, 6);
            }
            g.dispose();
        }
    };

    abstract void paint(BufferedImage img, Random r);

    /** A painted surface {@code w} x {@code h}. */
    BufferedImage render(int w, int h, Random r) {
        BufferedImage painted = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        paint(painted, r);
        // stored in the frames' own pixel layout, so drawing it into each frame is a plain copy
        BufferedImage bgr = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        bgr.createGraphics().drawImage(painted, 0, 0, null);
        return bgr;
    }

    static int rgb(int red, int green, int blue) {
        return (clamp(red) << 16) | (clamp(green) << 8) | clamp(blue);
    }

    static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }
}
