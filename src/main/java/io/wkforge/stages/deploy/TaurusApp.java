package io.wkforge.stages.deploy;

import io.wkforge.lang.model.ClassDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the Taurus camera AI sample ({@code ohos_camera_ai_demo}) expects: the switch file that
 * turns its garbage classifier on, and the fixed class index to category mapping it reports
 * with. Its source maps indices by range: 0-5 kitchen, 6-9 harmful, 10-15 recyclable,
 * 16-19 other, anything else unknown (the background).
 */
public final class TaurusApp {
    static final String UNKNOWN = "unknown";

    private TaurusApp() {}

    /** The app's switch file with the classifier enabled. */
    static String switchFile() {
        return "[trash_classify_switch]\nsupport_trash_classify = true\n";
    }

    /** The category the app shows for a class index. */
    static String categoryOf(int index) {
        if (index >= 0 && index <= 5) return "kitchen";
        if (index >= 6 && index <= 9) return "harmful";
        if (index >= 10 && index <= 15) return "recyclable";
        if (index >= 16 && index <= 19) return "other";
        return UNKNOWN;
    }

    /**
     * Classes whose nature differs from what the app will show for their index, one phrase each
     * ({@code class 1 `scene tree` (index 0) shows as kitchen}). A background class is expected
     * to show as unknown.
     */
    static List<String> mismatches(List<ClassDef> classes) {
        List<String> out = new ArrayList<>();
        for (ClassDef c : classes) {
            String shown = categoryOf(c.index());
            String expected = c.background() ? UNKNOWN : c.nature().toLowerCase(Locale.ROOT);
            if (!shown.equals(expected)) {
                out.add("class " + c.id() + " `" + c.nature() + " " + c.name() + "` (index " + c.index() + ") shows as "
                        + shown + (c.background() ? ", though it is the background" : ""));
            }
        }
        return out;
    }

    /** The warning for {@link #mismatches}, or null when the recipe's classes fit the app. */
    static String mismatchWarning(List<ClassDef> classes) {
        List<String> bad = mismatches(classes);
        if (bad.isEmpty()) return null;
        int shown = Math.min(bad.size(), 5);
        String list = String.join("; ", bad.subList(0, shown)) + (bad.size() > shown ? "; and " + (bad.size() - shown) + " more" : "");
        return bad.size() + " of " + classes.size() + " classes will be reported under another category by the board app, "
                + "which maps class indices by fixed ranges (0-5 kitchen, 6-9 harmful, 10-15 recyclable, 16-19 other, "
                + "20 and above unknown): " + list + ". labels.txt lists what it will show; reorder the classes "
                + "or change the app to match";
    }
}
