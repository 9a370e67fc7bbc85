package io.wkforge.lang.check;

import io.wkforge.lang.diag.Code;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.diag.Diagnostics;
import io.wkforge.lang.model.ClassDef;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import io.wkforge.lang.syntax.Entry;
import io.wkforge.lang.syntax.Statement;
import io.wkforge.lang.syntax.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the rows of a {@code classes} block ({@code ID NATURE NAME videos PATTERN... [background]})
 * and checks the table: unique ids and names, ids 1..N, exactly one background class and it last.
 */
final class ClassTableChecker {
    /** Names become folder and file names on every OS and on the board: keep them plain. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    static final String VIDEOS_KEYWORD = "videos";
    static final String BACKGROUND_KEYWORD = "background";

    private final SourceFile source;
    private final Path baseDir;
    private final Diagnostics diags;

    ClassTableChecker(SourceFile source, Path baseDir, Diagnostics diags) {
        this.source = source;
        this.baseDir = baseDir;
        this.diags = diags;
    }

    List<ClassDef> check(Statement.Block block) {
        List<ClassDef> rows = new ArrayList<>();
        // the ids of rows reported as malformed: they still hold their place in the numbering,
        // so a row without videos is not followed by a second, wrong error about gaps
        List<Integer> reportedIds = new ArrayList<>();
        for (Entry e : block.entries()) {
            ClassDef row = row(e);
            if (row != null) rows.add(row);
            else if (e.key().text().matches("[0-9]{1,9}")) reportedIds.add(Integer.parseInt(e.key().text()));
        }
        if (rows.isEmpty()) {
            if (block.entries().isEmpty()) {
                diags.add(Diagnostic.of(Code.NO_CLASSES, source, block.name().span(), "the class table is empty")
                        .withHelp("add rows such as `1 kitchen mushroom videos \"videos/mushroom/*.mp4\"`"));
            }
            return List.of();
        }
        checkUnique(rows);
        rows.sort(Comparator.comparingInt(ClassDef::id));
        checkIds(rows, reportedIds);
        checkBackground(rows, block, reportedIds);
        return rows;
    }

    private ClassDef row(Entry e) {
        String usage = "a class row is `ID NATURE NAME videos \"PATH\"... [background]`";
        if (!e.key().text().matches("-?[0-9]+")) {
            diags.add(Diagnostic.of(Code.BAD_CLASS_ROW, source, e.key().span(),
                    "a class row starts with its id, found `" + e.key().text() + "`").withHelp(usage));
            return null;
        }
        List<Value> v = e.values();
        if (v.size() < 2) {
            diags.add(Diagnostic.of(Code.BAD_CLASS_ROW, source, e.span(), "class row needs a nature and a name")
                    .withHelp(usage));
            return null;
        }
        String nature = name(v.get(0), "nature");
        String name = name(v.get(1), "name");
        int i = 2;
        if (i >= v.size() || !(v.get(i) instanceof Value.IdentLit kw && kw.name().equals(VIDEOS_KEYWORD))) {
            Span at = i < v.size() ? v.get(i).span() : e.span();
            diags.add(Diagnostic.of(Code.BAD_CLASS_ROW, source, at,
                    i < v.size() ? "expected `videos` after the class name, found `" + v.get(i).text() + "`"
                            : "class `" + v.get(1).text() + "` lists no videos").withHelp(usage));
            return null;
        }
        i++;
        List<String> patterns = new ArrayList<>();
        while (i < v.size() && v.get(i) instanceof Value.StringLit s) {
            patterns.add(s.value());
            i++;
        }
        if (patterns.isEmpty()) {
            diags.add(Diagnostic.of(Code.BAD_CLASS_ROW, source, i < v.size() ? v.get(i).span() : v.get(i - 1).span(),
                    "`videos` needs at least one quoted path or pattern").withHelp("e.g. videos \"videos/mushroom/*.mp4\""));
            return null;
        }
        boolean background = false;
        if (i < v.size() && v.get(i) instanceof Value.IdentLit bgWord && bgWord.name().equals(BACKGROUND_KEYWORD)) {
            background = true;
            i++;
        }
        if (i < v.size()) {
            Value extra = v.get(i);
            String help = extra instanceof Value.IdentLit ? "paths must be quoted; the row may end with `background`" : usage;
            diags.add(Diagnostic.of(Code.BAD_CLASS_ROW, source, extra.span(), "unexpected `" + extra.text() + "` in class row")
                    .withHelp(help));
            return null;
        }
        if (nature == null || name == null) return null;
        int id;
        try {
            id = Integer.parseInt(e.key().text());
        } catch (NumberFormatException tooBig) {
            id = Integer.MAX_VALUE;
        }
        return new ClassDef(id, nature, name, patterns, background, baseDir, source, e.span());
    }

    private String name(Value v, String what) {
        String text = v instanceof Value.StringLit s ? s.value() : v instanceof Value.IdentLit i ? i.name() : null;
        if (text == null || !SAFE_NAME.matcher(text).matches()) {
            diags.add(Diagnostic.of(Code.BAD_CLASS_ROW, source, v.span(),
                    "class " + what + " `" + v.text() + "` cannot be used in folder names")
                    .withHelp("use letters, digits, `_` and `-`, starting with a letter or digit (e.g. watermelon_rind)"));
            return null;
        }
        return text;
    }

    private void checkUnique(List<ClassDef> rows) {
        Map<Integer, ClassDef> ids = new HashMap<>();
        Map<String, ClassDef> names = new HashMap<>();
        for (ClassDef c : rows) {
            ClassDef prevId = ids.putIfAbsent(c.id(), c);
            if (prevId != null) {
                diags.add(Diagnostic.of(Code.DUPLICATE_CLASS_ID, source, c.span(), "class id " + c.id() + " is used twice")
                        .withRelated(source, prevId.span(), "first used by `" + prevId.name() + "`"));
            }
            ClassDef prevName = names.putIfAbsent(c.name().toLowerCase(Locale.ROOT), c);
            if (prevName != null) {
                diags.add(Diagnostic.of(Code.DUPLICATE_CLASS_NAME, source, c.span(), "class name `" + c.name() + "` is used twice")
                        .withRelated(source, prevName.span(), "first used by class " + prevName.id()));
            }
        }
    }

    private void checkIds(List<ClassDef> sorted, List<Integer> reportedIds) {
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>(reportedIds);
        sorted.forEach(c -> all.add(c.id()));
        int expected = 1;
        for (ClassDef c : sorted) {
            if (c.id() == expected - 1) continue; // a duplicate, reported already
            while (reportedIds.contains(expected) && c.id() != expected) expected++; // a malformed row's id holds its place
            if (c.id() != expected) {
                diags.add(Diagnostic.of(Code.CLASS_IDS_NOT_CONTIGUOUS, source, c.span(),
                        "class ids must run 1.." + all.size() + " without gaps; expected id " + expected + ", found " + c.id())
                        .withHelp("ids are the network's output indices plus one; renumber the rows"));
                return;
            }
            expected++;
        }
    }

    private void checkBackground(List<ClassDef> sorted, Statement.Block block, List<Integer> reportedIds) {
        List<ClassDef> bg = sorted.stream().filter(ClassDef::background).toList();
        ClassDef last = sorted.get(sorted.size() - 1);
        // a malformed row reported already may be the background row, or come after it: nothing to add
        if (reportedIds.stream().anyMatch(id -> id > last.id()) || bg.isEmpty() && !reportedIds.isEmpty()) return;
        if (bg.isEmpty()) {
            diags.add(Diagnostic.of(Code.NO_BACKGROUND_CLASS, source, block.name().span(), "no background class")
                    .withHelp("add a last row ending in `background`, e.g. `" + (sorted.get(sorted.size() - 1).id() + 1)
                            + " other background videos \"videos/background/*.mp4\" background`: as in the seed tutorial, a background class keeps the board from reporting an object in an empty scene"));
            return;
        }
        for (ClassDef c : bg) {
            if (c != last) {
                diags.add(Diagnostic.of(Code.BACKGROUND_NOT_LAST, source, c.span(),
                        "background class `" + c.name() + "` has id " + c.id() + " but must be the last class (id " + last.id() + ")")
                        .withHelp("give the background class the highest id, as the seed tutorial does: the stock board app shows indices by "
                                + "fixed ranges (0-5 kitchen, 6-9 harmful, 10-15 recyclable, 16-19 other, 20 and above unknown), so a "
                                + "background after 20 classes shows as unknown"));
            }
        }
    }
}
