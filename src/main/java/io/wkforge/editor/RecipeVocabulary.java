package io.wkforge.editor;

import io.wkforge.lang.schema.BlockSpec;
import io.wkforge.lang.schema.Choice;
import io.wkforge.lang.schema.Schema;
import io.wkforge.lang.schema.SettingSpec;
import io.wkforge.lang.schema.Slot;
import io.wkforge.lang.schema.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words an editor highlights, read from the schema: the TextMate grammar, the Vim syntax and
 * the language server's completion all take their vocabulary from here, so none of them keeps a
 * hand-written list that could drift from the checker.
 */
public final class RecipeVocabulary {
    /** Top-level keywords of the grammar (Recipe.g4: USE, PARAM). */
    public static final List<String> STATEMENT_KEYWORDS = List.of("use", "param");
    /** Words of a class row (`01 kitchen mushroom videos "..." background`). */
    public static final List<String> CLASS_ROW_KEYWORDS = List.of("videos", "background");
    public static final List<String> BOOLEANS = List.of("true", "false");

    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private RecipeVocabulary() {}

    public static List<BlockSpec> blocks() {
        return List.copyOf(Schema.blocks());
    }

    public static List<String> blockNames() {
        return Schema.blocks().stream().map(BlockSpec::name).toList();
    }

    /** Names a setting accepts as enum values, in declaration order; numeric names (`16`) are left to the number rules. */
    public static List<String> enumWords(SettingSpec setting) {
        Set<String> out = new LinkedHashSet<>();
        for (Slot slot : setting.slots()) {
            if (slot.type() != ValueType.ENUM) continue;
            for (Choice c : slot.choices()) {
                if (isIdentifier(c.name())) out.add(c.name());
            }
        }
        return new ArrayList<>(out);
    }

    /** Fixed unit words a setting takes after a number (`calibration 20 images`). */
    public static List<String> unitWords(SettingSpec setting) {
        return setting.slots().stream().filter(s -> s.type() == ValueType.WORD).map(Slot::word).distinct().toList();
    }

    public static boolean takesBoolean(SettingSpec setting) {
        return setting.slots().stream().anyMatch(s -> s.type() == ValueType.BOOL);
    }

    /** Every enum word of a block's settings (not its label), for editors that only know the block. */
    public static List<String> enumWordsOfBlock(BlockSpec block) {
        Set<String> out = new LinkedHashSet<>();
        block.allSettings().forEach(s -> out.addAll(enumWords(s)));
        return new ArrayList<>(out);
    }

    public static List<String> unitWordsOfBlock(BlockSpec block) {
        Set<String> out = new LinkedHashSet<>();
        block.settings().values().forEach(s -> out.addAll(unitWords(s)));
        return new ArrayList<>(out);
    }

    public static boolean blockTakesBoolean(BlockSpec block) {
        return block.settings().values().stream().anyMatch(RecipeVocabulary::takesBoolean);
    }

    public static boolean isIdentifier(String s) {
        return IDENT.matcher(s).matches();
    }
}
