package io.wkforge.lang.schema;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one declaration of a setting: everything the checker, {@code render}, the docs, the editor
 * and the cache keys know about it comes from here.
 *
 * @param defaultText the default as recipe text (parsed and checked like user input), or null
 *                    when the setting has no default
 * @param required    a recipe that leaves it unset (and has no default) is an error
 * @param isLabel     the setting is written as the block's label ({@code train resnet18 {}})
 * @param inputFile   the value names a local file the stage reads: cache keys hold the file's
 *                    content, not the path text (moving the file re-runs nothing, editing it does)
 * @param readWhen    null, or the condition under which the stages read it at all (and so key on it)
 * @param verdict     read by its stage only after the stage's tasks, to judge what they reported
 *                    (see {@code StageRunner.judge}): part of no task's key, so changing it never
 *                    re-runs a task, it only changes what the stage makes of their results
 */
public record SettingSpec(String block, String name, List<Slot> slots, String defaultText, String unit,
                          String doc, Set<StageId> readBy, boolean required, boolean isLabel, boolean inputFile,
                          ReadWhen readWhen, boolean verdict) {

    public SettingSpec(String block, String name, List<Slot> slots, String defaultText, String unit,
                       String doc, Set<StageId> readBy, boolean required, boolean isLabel) {
        this(block, name, slots, defaultText, unit, doc, readBy, required, isLabel, false);
    }

    public SettingSpec(String block, String name, List<Slot> slots, String defaultText, String unit,
                       String doc, Set<StageId> readBy, boolean required, boolean isLabel, boolean inputFile) {
        this(block, name, slots, defaultText, unit, doc, readBy, required, isLabel, inputFile, null, false);
    }

    /**
     * A setting that only matters when another setting of its block has a given value
     * ({@code frames.quality} only when {@code format jpg}).
     *
     * @param setting the other setting's name within the block
     * @param value   its value, as recipe text
     */
    public record ReadWhen(String setting, String value) {}

    /** {@code block.key}, the name used by {@code --set} and in cache-key reasons. */
    public String qualifiedName() {
        return block + "." + name;
    }

    /** A usage line such as {@code calibration <int> [images]}. */
    public String usage() {
        StringBuilder sb = new StringBuilder(name);
        for (Slot s : slots) {
            String one = switch (s.type()) {
                case WORD -> s.word();
                case ENUM -> String.join("|", s.choices().stream().map(Choice::name).toList());
                default -> "<" + s.type().name().toLowerCase(java.util.Locale.ROOT) + ">";
            };
            // a fixed count reads best spelled out (`<num> <num> <num>`); a varying one as a repetition
            if (s.maxCount() > 1 && s.minCount() == s.maxCount()) one = String.join(" ", java.util.Collections.nCopies(s.maxCount(), one));
            else if (s.maxCount() > 1) one = one + "...";
            sb.append(' ').append(s.isOptional() ? "[" + one + "]" : one);
        }
        return sb.toString();
    }

    public String readByText() {
        String stages = readBy.stream().map(StageId::id).sorted().collect(Collectors.joining(", "));
        if (readWhen != null) stages += " (when `" + readWhen.setting() + " " + readWhen.value() + "`)";
        if (verdict) stages += " (after its tasks; in no task's key)";
        return stages;
    }
}
