package io.wkforge.stages.nnie;

import io.wkforge.lang.model.Setting;
import io.wkforge.lang.schema.MapperKeys;
import io.wkforge.lang.schema.SettingSpec;
import io.wkforge.lang.schema.ValueType;
import io.wkforge.run.StageException;
import io.wkforge.run.TaskContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * nnie_mapper's cfg: one {@code [key] value} per line, every key of the vendor's format (see
 * docs/stages/quantize.md), from the effective recipe. Enum settings are written as the mapper's
 * codes the schema declares; the files are absolute paths to the committed Caffe files and
 * quantize's own outputs. The format follows the Hi3516CV500/Hi3516DV300 mapper (nnie_mapper_12,
 * HiSVP 1.2); the three ROI/recurrent keys are written only when set, since only those network
 * types read them.
 */
final class MapperConfig {
    /** The order of the vendor's own example cfg, then the keys it leaves out. */
    private static final List<String> ORDER = List.of("prototxt_file", "caffemodel_file", "batch_num", "net_type", "sparse_rate",
            "compile_mode", "is_simulation", "log_level", "instruction_name", "RGB_order", "data_scale", "internal_stride", "image_list",
            "image_type", "mean_file", "norm_type", "compress_mode", "is_check_prototxt", "gfpq_param_file", "recurrent_tmax",
            "max_roi_frame_cnt", "roi_coordinate_file");
    /** Keys written even when their setting is unset (empty value), as RuyiStudio does. */
    private static final List<String> ALWAYS = List.of("gfpq_param_file");

    private final Map<String, String> values = new LinkedHashMap<>();

    private MapperConfig() {}

    /**
     * @param files {@code prototxt_file}, {@code caffemodel_file}, {@code image_list}, {@code mean_file} (null: "null")
     */
    static MapperConfig of(TaskContext ctx, Map<String, Path> files, DataScale dataScale) throws StageException {
        Map<String, String> raw = new LinkedHashMap<>();
        for (Map.Entry<String, Path> f : files.entrySet()) raw.put(f.getKey(), f.getValue() == null ? "null" : f.getValue().toString());
        for (SettingSpec spec : MapperKeys.settings()) {
            String key = MapperKeys.of(spec);
            if (key.equals("data_scale")) {
                raw.put(key, dataScale.cfgText());
                continue;
            }
            Setting s = ctx.setting(spec.qualifiedName());
            if (!s.isSet()) {
                if (ALWAYS.contains(key)) raw.put(key, "");
                continue;
            }
            ValueType type = spec.slots().get(0).type();
            raw.put(key, switch (type) {
                case ENUM -> s.asCode();
                case BOOL -> s.asBool() ? "1" : "0";
                case PATH -> s.asPaths(ctx.recipeDir()).get(0).toAbsolutePath().toString();
                case NUMBER -> s.asDecimal().toPlainString();
                default -> s.asString();
            });
        }
        MapperConfig cfg = new MapperConfig();
        for (String key : ORDER) if (raw.containsKey(key)) cfg.values.put(key, raw.remove(key));
        cfg.values.putAll(raw); // a key the schema gained later than this list
        List<String> problems = new ArrayList<>();
        cfg.values.forEach((k, v) -> {
            String why = unsafe(v);
            if (why != null) problems.add("[" + k + "] " + v.replace("\n", "\\n") + ": " + why);
        });
        if (!problems.isEmpty()) {
            throw new StageException("a value of nnie_mapper's cfg would break the file (one `[key] value` per line); "
                    + "move the build or the file to a path without line breaks or brackets", problems);
        }
        return cfg;
    }

    /** Why a value cannot stand in a cfg line, or null. (The checker refuses such recipe values; paths are checked here.) */
    static String unsafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\n' || ch == '\r') return "line break";
            if (ch == '[' || ch == ']') return "bracket";
            if (Character.isISOControl(ch)) return "control character";
        }
        return null;
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append('[').append(k).append("] ").append(v).append('\n'));
        return sb.toString();
    }
}
