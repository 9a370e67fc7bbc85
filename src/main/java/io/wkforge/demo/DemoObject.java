package io.wkforge.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Locale;

/**
 * The things the demo's pretend camera films: four kitchen objects that differ in shape and
 * colour, and nothing at all for the background class. Each draws itself centred on the origin,
 * {@code size} pixels across, in a colour varied per video ({@code tint}), so the classifier has
 * to learn a shape and a hue, not one exact pixel value.
 */
enum DemoObject {
    TOMATO("kitchen") {
        @Override
        void draw(Graphics2D g, double size, float tint) {
            double r = size / 2;
            g.setColor(shade(new Color(206, 38, 32), tint));
            g.fill(new Ellipse2D.Double(-r, -r * 0.92, 2 * r, 1.84 * r));
            g.setColor(new Color(255, 255, 255, 90));
            g.fill(new Ellipse2D.Double(-r * 0.55, -r * 0.6, r * 0.45, r * 0.3)); // a highlight
            g.setColor(shade(new Color(46, 140, 40), tint));
            g.fill(star(5, r * 0.42, r * 0.14, -r * 0.72));
        }
    },
    EGGPLANT("kitchen") {
        @Override
        void draw(Graphics2D g, double size, float tint) {
            double len = size * 1.15;
            double w = size * 0.5;
            g.setColor(shade(new Color(88, 34, 118), tint));
            g.fill(new RoundRectangle2D.Double(-len / 2, -w / 2, len, w, w, w));
            g.setColor(new Color(255, 255, 255, 70));
            g.fill(new RoundRectangle2D.Double(-len * 0.3, -w * 0.35, len * 0.45, w * 0.18, w * 0.18, w * 0.18));
            g.setColor(shade(new Color(70, 120, 45), tint));
            g.fill(new Ellipse2D.Double(-len / 2 - w * 0.18, -w * 0.38, w * 0.55, w * 0.76)); // the cap
        }
    },
    WATERMELON_RIND("kitchen") {
        @Override
        void draw(Graphics2D g, double size, float tint) {
            double r = size * 0.62;
            g.setStroke(new BasicStroke((float) (size * 0.2), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(shade(new Color(34, 120, 44), tint));
            g.draw(new Arc2D.Double(-r, -r * 0.5, 2 * r, 2 * r, 20, 140, Arc2D.OPEN));
            g.setStroke(new BasicStroke((float) (size * 0.07), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(shade(new Color(232, 226, 160), tint));
            g.draw(new Arc2D.Double(-r * 0.82, -r * 0.32, 1.64 * r, 1.64 * r, 25, 130, Arc2D.OPEN));
        }
    },
    EGGSHELL("kitchen") {
        @Override
        void draw(Graphics2D g, double size, float tint) {
            double r = size * 0.5;
            Path2D shell = new Path2D.Double(); // a brown hen's egg, broken open
            shell.moveTo(-r, 0);
            shell.curveTo(-r, r * 1.2, r, r * 1.2, r, 0);
            // the broken rim: a zigzag back across the top
            int teeth = 6;
            for (int i = 1; i <= teeth; i++) {
                double x = r - 2 * r * i / teeth;
                double y = (i % 2 == 1) ? -r * 0.35 : 0;
                shell.lineTo(x + r / teeth, y);
                shell.lineTo(x, 0);
            }
            shell.closePath();
            g.setColor(shade(new Color(222, 176, 122), tint));
            g.fill(shell);
            g.setColor(shade(new Color(110, 70, 40), tint));
            g.setStroke(new BasicStroke((float) Math.max(1, size * 0.04)));
            g.draw(shell);
        }
    },
    NOTHING("other") {
        @Override
        void draw(Graphics2D g, double size, float tint) {}
    };

    private final String nature;

    DemoObject(String nature) {
        this.nature = nature;
    }

    /** Draws the object centred on the origin of {@code g}, about {@code size} pixels across. */
    abstract void draw(Graphics2D g, double size, float tint);

    /** The class name used in the recipe and the video folder. */
    String className() {
        return this == NOTHING ? "background" : name().toLowerCase(Locale.ROOT);
    }

    String nature() {
        return nature;
    }

    /** A colour made lighter or darker by {@code tint} (-1..1), as lighting and ripeness vary. */
    static Color shade(Color c, float tint) {
        float f = 1 + 0.25f * tint;
        return new Color(clamp(c.getRed() * f), clamp(c.getGreen() * f), clamp(c.getBlue() * f), c.getAlpha());
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }

    private static Path2D star(int points, double outer, double inner, double cy) {
        Path2D p = new Path2D.Double();
        for (int i = 0; i < 2 * points; i++) {
            double a = Math.PI * i / points - Math.PI / 2;
            double r = i % 2 == 0 ? outer : inner;
            double x = r * Math.cos(a);
            double y = cy + r * Math.sin(a);
            if (i == 0) p.moveTo(x, y);
            else p.lineTo(x, y);
        }
        p.closePath();
        return p;
    }
}
