package io.wkforge.lang.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small fluent vocabulary for declaring the schema in {@link Schema}. */
final class SchemaBuilder {
    private final Map<String, BlockSpec> blocks = new LinkedHashMap<>();

    BlockBuilder block(String name, String doc) {
        return new BlockBuilder(name, doc);
    }

    Map<String, BlockSpec> blocks() {
        return blocks;
    }

    final class BlockBuilder {
        private final String name;
        private final String doc;
        private final Map<String, SettingSpec> settings = new LinkedHashMap<>();
        private SettingSpec label;
        private boolean rows;

        BlockBuilder(String name, String doc) {
            this.name = name;
            this.doc = doc;
        }

        SettingBuilder setting(String key, String doc, StageId... readBy) {
            return new SettingBuilder(this, key, doc, readBy, false);
        }

        SettingBuilder label(String key, String doc, StageId... readBy) {
            return new SettingBuilder(this, key, doc, readBy, true);
        }

        BlockBuilder classRows() {
            rows = true;
            return this;
        }

        void end() {
            blocks.put(name, new BlockSpec(name, doc, label, settings, rows));
        }
    }

    static final class SettingBuilder {
        private final BlockBuilder block;
        private final String name;
        private final String doc;
        private final Set<StageId> readBy;
        private final boolean isLabel;
        private final List<Slot> slots = new ArrayList<>();
        private String defaultText;
        private String unit;
        private boolean required;
        private boolean inputFile;
        private SettingSpec.ReadWhen readWhen;
        private boolean verdict;

        SettingBuilder(BlockBuilder block, String name, String doc, StageId[] readBy, boolean isLabel) {
            this.block = block;
            this.name = name;
            this.doc = doc;
            this.readBy = readBy.length == 0 ? EnumSet.noneOf(StageId.class) : EnumSet.of(readBy[0], readBy);
            this.isLabel = isLabel;
        }

        private SettingBuilder slot(ValueType type, int minCount, int maxCount, List<Choice> choices,
                                    BigDecimal min, boolean minEx, BigDecimal max, boolean maxEx, String word) {
            slots.add(new Slot(type, minCount, maxCount, choices, min, minEx, max, maxEx, word));
            return this;
        }

        SettingBuilder integer(long min, long max) {
            return slot(ValueType.INT, 1, 1, List.of(), BigDecimal.valueOf(min), false, BigDecimal.valueOf(max), false, null);
        }

        SettingBuilder integers(int minCount, int maxCount, long min, long max) {
            return slot(ValueType.INT, minCount, maxCount, List.of(), BigDecimal.valueOf(min), false,
                    BigDecimal.valueOf(max), false, null);
        }

        /** A number in a range; exclusive bounds are written with the *Ex flags. */
        SettingBuilder number(String min, boolean minEx, String max, boolean maxEx) {
            return slot(ValueType.NUMBER, 1, 1, List.of(), min == null ? null : new BigDecimal(min), minEx,
                    max == null ? null : new BigDecimal(max), maxEx, null);
        }

        SettingBuilder numbers(int count, String min, boolean minEx, String max, boolean maxEx) {
            return slot(ValueType.NUMBER, count, count, List.of(), min == null ? null : new BigDecimal(min), minEx,
                    max == null ? null : new BigDecimal(max), maxEx, null);
        }

        /** A percentage; bounds are fractions ("0.5" = 50%). */
        SettingBuilder percent(String min, boolean minEx, String max, boolean maxEx) {
            return slot(ValueType.PERCENT, 1, 1, List.of(), new BigDecimal(min), minEx, new BigDecimal(max), maxEx, null);
        }

        SettingBuilder size(int minSide, int maxSide) {
            return slot(ValueType.SIZE, 1, 1, List.of(), BigDecimal.valueOf(minSide), false,
                    BigDecimal.valueOf(maxSide), false, null);
        }

        SettingBuilder string() {
            return slot(ValueType.STRING, 1, 1, List.of(), null, false, null, false, null);
        }

        SettingBuilder path() {
            return slot(ValueType.PATH, 1, 1, List.of(), null, false, null, false, null);
        }

        /** A path to a local file the stage reads; cache keys hold its content (see {@link SettingSpec#inputFile}). */
        SettingBuilder inputFile() {
            inputFile = true;
            return path();
        }

        SettingBuilder optionalPath() {
            return slot(ValueType.PATH, 0, 1, List.of(), null, false, null, false, null);
        }

        SettingBuilder patterns() {
            return slot(ValueType.PATTERN, 0, Integer.MAX_VALUE, List.of(), null, false, null, false, null);
        }

        SettingBuilder bool() {
            return slot(ValueType.BOOL, 1, 1, List.of(), null, false, null, false, null);
        }

        SettingBuilder oneOf(Choice... choices) {
            return slot(ValueType.ENUM, 1, 1, List.of(choices), null, false, null, false, null);
        }

        SettingBuilder optionalWord(String word) {
            return slot(ValueType.WORD, 0, 1, List.of(), null, false, null, false, word);
        }

        SettingBuilder unit(String u) {
            this.unit = u;
            return this;
        }

        SettingBuilder byDefault(String recipeText) {
            this.defaultText = recipeText;
            return this;
        }

        SettingBuilder required() {
            this.required = true;
            return this;
        }

        /** Read (and keyed on) only while the block's {@code setting} has {@code value}. */
        SettingBuilder onlyWhen(String setting, String value) {
            this.readWhen = new SettingSpec.ReadWhen(setting, value);
            return this;
        }

        /** Read by the stage's verdict after its tasks, not by the tasks (see {@link SettingSpec#verdict()}). */
        SettingBuilder judgesTasks() {
            this.verdict = true;
            return this;
        }

        BlockBuilder done() {
            if (readWhen != null && !block.settings.containsKey(readWhen.setting())) {
                throw new IllegalStateException(block.name + "." + name + " depends on " + readWhen.setting()
                        + ", which must be declared before it in the same block");
            }
            SettingSpec spec = new SettingSpec(block.name, name, List.copyOf(slots), defaultText, unit, doc,
                    Set.copyOf(readBy), required, isLabel, inputFile, readWhen, verdict);
            if (isLabel) block.label = spec;
            else block.settings.put(name, spec);
            return block;
        }
    }

    static Choice c(String name, String doc) {
        return new Choice(name, doc, null);
    }

    static Choice c(String name, String doc, String code) {
        return new Choice(name, doc, code);
    }
}
