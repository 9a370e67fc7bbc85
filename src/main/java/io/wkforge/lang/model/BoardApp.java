package io.wkforge.lang.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What the board app a recipe deploys to feeds its network and how it shows class indices, read
 * from the target's settings ({@code deploy.app_input}, {@code deploy.app_categories}; the stock
 * Taurus camera app feeds 224x224 YUV420SP and shows 0-5 kitchen, 6-9 harmful, 10-15 recyclable,
 * 16-19 other, anything after unknown). The one place that decides whether a recipe fits the app:
 * check, plan, doctor, run summaries, deploy and the report all ask it.
 */
public record BoardApp(int inputWidth, int inputHeight, String inputType, List<Category> categories) {
    /** The category names, in the order {@code deploy.app_categories} counts them. */
    public static final List<String> CATEGORY_NAMES = List.of("kitchen", "harmful", "recyclable", "other");
    public static final String UNKNOWN = "unknown";

    /** Indices {@code first..last} shown as {@code name}. */
    public record Category(String name, int first, int last) {
        public String range() {
            return first == last ? String.valueOf(first) : first + "-" + last;
        }
    }

    public static BoardApp of(Function<String, Setting> settings) {
        Setting input = settings.apply("deploy.app_input");
        var size = (io.wkforge.lang.syntax.Value.SizeLit) input.values().get(0);
        String type = input.asStrings().get(1);
        List<String> counts = settings.apply("deploy.app_categories").asStrings();
        List<Category> categories = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < CATEGORY_NAMES.size() && i < counts.size(); i++) {
            int n = Integer.parseInt(counts.get(i));
            if (n > 0) categories.add(new Category(CATEGORY_NAMES.get(i), next, next + n - 1));
            next += n;
        }
        return new BoardApp(size.width(), size.height(), type, List.copyOf(categories));
    }

    /** The category the app shows for a class index. */
    public String categoryOf(int index) {
        for (Category c : categories) if (index >= c.first() && index <= c.last()) return c.name();
        return UNKNOWN;
    }

    /** {@code 0-5 kitchen, 6-9 harmful, 10-15 recyclable, 16-19 other, 20 and above unknown} */
    public String rangesText() {
        List<String> parts = new ArrayList<>();
        int end = 0;
        for (Category c : categories) {
            parts.add(c.range() + " " + c.name());
            end = c.last() + 1;
        }
        parts.add(end + " and above " + UNKNOWN);
        return String.join(", ", parts);
    }

    /**
     * Classes the app would show under another category than their nature, one phrase each
     * ({@code class 1 `scene tree` (index 0) shows as kitchen}). A background class should show
     * as unknown.
     */
    public List<String> categoryMismatches(List<ClassDef> classes) {
        List<String> out = new ArrayList<>();
        for (ClassDef c : classes) {
            String shown = categoryOf(c.index());
            if (!shown.equals(expectedCategory(c))) {
                out.add("class " + c.id() + " `" + c.nature() + " " + c.name() + "` (index " + c.index() + ") shows as " + shown
                        + (c.background() ? ", though it is the background" : ""));
            }
        }
        return out;
    }

    /** The first class the app shows under another category (where a warning points), or null. */
    public ClassDef firstMismatched(List<ClassDef> classes) {
        for (ClassDef c : classes) {
            if (!categoryOf(c.index()).equals(expectedCategory(c))) return c;
        }
        return null;
    }

    private static String expectedCategory(ClassDef c) {
        return c.background() ? UNKNOWN : c.nature().toLowerCase(Locale.ROOT);
    }

    /** The warning for {@link #categoryMismatches}, or null when every class shows as its nature. */
    public String categoryWarning(List<ClassDef> classes) {
        List<String> bad = categoryMismatches(classes);
        if (bad.isEmpty()) return null;
        int shown = Math.min(bad.size(), 5);
        String list = String.join("; ", bad.subList(0, shown)) + (bad.size() > shown ? "; and " + (bad.size() - shown) + " more" : "");
        return bad.size() + " of " + classes.size() + " classes will be shown under another category by the board app, which "
                + "shows class indices by fixed ranges (" + rangesText() + "): " + list + ". Reorder the classes so that "
                + "each nature's ids fall in its range, set deploy.app_categories to your own app's ranges, or change the app";
    }

    /**
     * The warning for a crop or picture type the app cannot feed the network, or null. The app
     * resizes and crops camera frames to {@code app_input} itself, so the network must take that.
     */
    public String inputWarning(int cropWidth, int cropHeight, String imageType) {
        List<String> parts = new ArrayList<>();
        if (cropWidth != inputWidth || cropHeight != inputHeight) {
            parts.add("the board app feeds " + inputWidth + "x" + inputHeight + " pictures but the network takes the crop "
                    + cropWidth + "x" + cropHeight + " (preprocess.crop): set preprocess.crop " + inputWidth + "x" + inputHeight);
        }
        if (!imageType.equals(inputType)) {
            parts.add("the board app feeds " + inputType + " pictures but quantize.image_type is " + imageType
                    + ": set quantize.image_type " + inputType);
        }
        if (parts.isEmpty()) return null;
        return String.join("; ", parts) + " (or, for an app of your own, set deploy.app_input to what it feeds)";
    }
}
