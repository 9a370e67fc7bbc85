package io.wkforge.stages.nnie;

import io.wkforge.lang.model.Setting;
import io.wkforge.lang.schema.MapperKeys;
import io.wkforge.lang.schema.SettingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns what nnie_mapper printed into problems a user can act on: each error it reports, and,
 * when the message names a cfg key, the recipe setting behind that key and where it is set.
 * The mapper reports an error as {@code ERROR: file: <function> line: <n>} followed by the message
 * on the next line (e.g. {@code layer name: [x]. error:Permute can only support ...}); other
 * failures (a library it cannot load) come as a single line. Messages that name a layer point at
 * the exported prototxt.
 */
final class MapperErrors {
    private static final Pattern LOCATION_ONLY = Pattern.compile("(?i)^\\s*error\\s*:?\\s*file\\s*:.*line\\s*:\\s*\\d+\\s*$");
    private static final Pattern ERROR = Pattern.compile("(?i)(\\berror\\b|\\bfatal\\b|\\bfailed\\b|not exist|no such file|cannot open|invalid)");
    private static final Pattern SHARED_LIBRARY = Pattern.compile("error while loading shared libraries: ([^:\\s]+)");
    private static final int MAX = 20;

    private MapperErrors() {}

    /** The error messages, each followed by what in the recipe is to blame when that can be told. */
    static List<String> explain(List<String> lines, Function<String, Setting> settings, String prototxt) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size() && out.size() < MAX; i++) {
            String line = lines.get(i).strip();
            if (!ERROR.matcher(line).find()) continue;
            String message = line;
            if (LOCATION_ONLY.matcher(line).matches() && i + 1 < lines.size()) message = line + " " + lines.get(++i).strip();
            out.add("mapper: " + message + blame(message, settings, prototxt));
        }
        return out;
    }

    private static String blame(String message, Function<String, Setting> settings, String prototxt) {
        String lower = message.toLowerCase(Locale.ROOT);
        var lib = SHARED_LIBRARY.matcher(message);
        if (lib.find()) {
            return "\n      the mapper cannot start: " + lib.group(1) + " is missing (`ldd` on the mapper lists what it needs; "
                    + "install those libraries, e.g. the protobuf and OpenCV versions of your HiSVP SDK)";
        }
        List<String> blamed = new ArrayList<>();
        for (SettingSpec spec : MapperKeys.settings()) {
            String key = MapperKeys.of(spec);
            if (!lower.contains(key.toLowerCase(Locale.ROOT))) continue;
            Setting s = settings.apply(spec.qualifiedName());
            String value = s.isSet() ? s.text() : "(unset)";
            blamed.add(spec.qualifiedName() + " = " + value + " (" + SettingPlace.of(s) + ")");
        }
        if (lower.contains("image_list") || lower.contains("imagelist")) {
            blamed.add("nnie/imageList.txt, made from the training images (quantize.calibration)");
        }
        if (lower.contains("mean_file") || lower.contains("mean.txt")) blamed.add("nnie/mean.txt, made from preprocess.mean");
        if (lower.contains("layer name") || lower.contains("prototxt")) {
            blamed.add(prototxt + " (written by export; `wkforge lint-caffe` found nothing, so this is a rule of the mapper that "
                    + "wkforge does not know yet: please report it)");
        }
        return blamed.isEmpty() ? "" : "\n      see " + String.join("; ", blamed);
    }
}
