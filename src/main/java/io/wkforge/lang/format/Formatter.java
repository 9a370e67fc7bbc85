package io.wkforge.lang.format;

import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.syntax.Comment;
import io.wkforge.lang.syntax.Entry;
import io.wkforge.lang.syntax.RecipeFile;
import io.wkforge.lang.syntax.Statement;
import io.wkforge.lang.syntax.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The one canonical layout of a recipe, with no options (like gofmt and terraform fmt): two-space
 * indentation, one setting per line, single spaces between values, class rows in aligned columns,
 * one blank line around blocks, blank lines between settings kept (at most one), every comment
 * kept next to what it was next to. Literals keep their spelling. Formatting is idempotent.
 *
 * <p>A file with syntax errors is not formatted: guessing at a broken file could lose text.
 */
public final class Formatter {
    private static final String INDENT = "  ";

    private Formatter() {}

    /** @throws IllegalArgumentException when the file has syntax errors */
    public static String format(RecipeFile file) {
        if (!file.ok()) throw new IllegalArgumentException("cannot format a file with syntax errors");
        List<Line> lines = lines(file);
        attachComments(file, lines);
        return render(file.source(), lines);
    }

    enum Kind { TOP, OPEN, ENTRY, CLOSE }

    /** One output line in the making, anchored at a span of the source. */
    static final class Line {
        final Kind kind;
        final String text;
        final int start;
        final int end;
        final List<Comment> leading = new ArrayList<>();
        Comment trailing;

        Line(Kind kind, String text, int start, int end) {
            this.kind = kind;
            this.text = text;
            this.start = start;
            this.end = end;
        }
    }

    private static List<Line> lines(RecipeFile file) {
        List<Line> out = new ArrayList<>();
        for (Statement st : file.statements()) {
            if (st instanceof Statement.UseDecl u) {
                out.add(new Line(Kind.TOP, "use " + file.source().slice(u.pathSpan()), u.span().start(), u.span().end()));
            } else if (st instanceof Statement.ParamDecl p) {
                out.add(new Line(Kind.TOP, "param " + p.name().text() + " = " + p.value().text(), p.span().start(), p.span().end()));
            } else if (st instanceof Statement.Block b) {
                int openEnd = b.label() != null ? b.label().span().end() : b.name().span().end();
                int brace = file.source().text().indexOf('{', openEnd);
                String header = b.name().text() + (b.label() != null ? " " + b.label().text() : "") + " {";
                out.add(new Line(Kind.OPEN, header, b.span().start(), brace + 1));
                List<String> texts = b.name().text().equals("classes") ? classRows(b.entries()) : settingLines(b.entries());
                for (int i = 0; i < b.entries().size(); i++) {
                    Entry e = b.entries().get(i);
                    out.add(new Line(Kind.ENTRY, texts.get(i), e.span().start(), e.span().end()));
                }
                int close = b.span().end() - 1;
                out.add(new Line(Kind.CLOSE, "}", close, close + 1));
            }
        }
        return out;
    }

    private static List<String> settingLines(List<Entry> entries) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) out.add(joined(e.key().text(), e.values()));
        return out;
    }

    /** Class rows in columns: right-aligned ids, then nature and name padded to the widest. */
    private static List<String> classRows(List<Entry> entries) {
        int idW = 0;
        int natureW = 0;
        int nameW = 0;
        for (Entry e : entries) {
            idW = Math.max(idW, e.key().text().length());
            if (e.values().size() >= 3) {
                natureW = Math.max(natureW, e.values().get(0).text().length());
                nameW = Math.max(nameW, e.values().get(1).text().length());
            }
        }
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.values().size() < 3) {
                out.add(joined(e.key().text(), e.values()));
                continue;
            }
            StringBuilder sb = new StringBuilder();
            sb.append(" ".repeat(idW - e.key().text().length())).append(e.key().text()).append(' ');
            sb.append(pad(e.values().get(0).text(), natureW)).append(' ');
            sb.append(pad(e.values().get(1).text(), nameW));
            for (Value v : e.values().subList(2, e.values().size())) sb.append(' ').append(v.text());
            out.add(sb.toString());
        }
        return out;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static String joined(String key, List<Value> values) {
        StringBuilder sb = new StringBuilder(key);
        for (Value v : values) sb.append(' ').append(v.text());
        return sb.toString();
    }

    /**
     * A comment on the same line after a construct trails it; any other comment leads the next
     * construct (a closing brace included, so a comment at the end of a block stays inside it).
     */
    private static void attachComments(RecipeFile file, List<Line> lines) {
        SourceFile src = file.source();
        for (Comment c : file.comments()) {
            int line = src.line(c.span().start());
            Line trailOf = null;
            for (Line l : lines) {
                if (l.end <= c.span().start() && src.line(Math.max(l.start, l.end - 1)) == line) {
                    if (trailOf == null || l.end >= trailOf.end) trailOf = l;
                }
            }
            if (trailOf != null && trailOf.trailing == null) {
                trailOf.trailing = c;
                continue;
            }
            Line next = null;
            for (Line l : lines) {
                if (l.start >= c.span().end()) {
                    next = l;
                    break;
                }
            }
            if (next == null) {
                Line trailer = new Line(Kind.TOP, null, Integer.MAX_VALUE, Integer.MAX_VALUE);
                trailer.leading.add(c);
                lines.add(trailer);
            } else {
                next.leading.add(c);
            }
        }
        // A file ending in comments: one trailer line holding them all, in order.
        List<Line> trailers = lines.stream().filter(l -> l.text == null).toList();
        if (trailers.size() > 1) {
            Line first = trailers.get(0);
            for (Line t : trailers.subList(1, trailers.size())) first.leading.addAll(t.leading);
            lines.removeAll(trailers.subList(1, trailers.size()));
        }
    }

    private static String render(SourceFile src, List<Line> lines) {
        StringBuilder out = new StringBuilder();
        Line prev = null;
        boolean inBlock = false;
        for (Line l : lines) {
            int firstOffset = l.leading.isEmpty() ? l.start : l.leading.get(0).span().start();
            if (prev != null && blankBefore(src, prev, l, firstOffset, inBlock)) out.append('\n');
            String indent = inBlock && l.kind != Kind.CLOSE ? INDENT : "";
            String commentIndent = inBlock ? INDENT : "";
            for (int i = 0; i < l.leading.size(); i++) {
                Comment c = l.leading.get(i);
                out.append(commentIndent).append(c.text()).append('\n');
                // keep a blank line that separated a comment from what follows (a file header, say)
                int nextStart = i + 1 < l.leading.size() ? l.leading.get(i + 1).span().start() : l.start;
                if (hadBlankLine(src, c.span().end(), nextStart) && (l.text != null || i + 1 < l.leading.size())) {
                    out.append('\n');
                }
            }
            if (l.text != null) {
                out.append(indent).append(l.text);
                if (l.trailing != null) out.append("  ").append(l.trailing.text());
                out.append('\n');
            }
            if (l.kind == Kind.OPEN) inBlock = true;
            if (l.kind == Kind.CLOSE) inBlock = false;
            prev = l;
        }
        return out.toString();
    }

    private static boolean blankBefore(SourceFile src, Line prev, Line l, int firstOffset, boolean inBlock) {
        if (l.kind == Kind.CLOSE) return false;
        if (prev.kind == Kind.OPEN) return false;
        if (!inBlock) {
            if (l.kind == Kind.OPEN || prev.kind == Kind.CLOSE || l.text == null) return true;
            // between `use` and `param` lines: a blank line where the kind changes or the source had one
            if (!l.text.regionMatches(0, prev.text == null ? "" : prev.text, 0, 3)) return true;
        }
        return hadBlankLine(src, prev.end, firstOffset);
    }

    private static boolean hadBlankLine(SourceFile src, int fromOffset, int toOffset) {
        if (toOffset == Integer.MAX_VALUE) toOffset = src.text().length();
        int fromLine = src.line(Math.max(0, fromOffset - 1));
        int toLine = src.line(toOffset);
        for (int line = fromLine + 1; line < toLine; line++) {
            if (src.lineText(line).isBlank()) return true;
        }
        return false;
    }
}
