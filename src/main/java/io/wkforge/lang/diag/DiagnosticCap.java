package io.wkforge.lang.diag;

import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many findings of one checked recipe are shown, as compilers do: the first {@link #SHOWN}
 * (the recipe's own first, then its imports'), then one note per file saying how many more of
 * which codes were found, so a wrong file (a 5 MB import of errors) can never flood a terminal,
 * a JSON consumer or an editor. The counts stay exact: {@link Capped#errors()} counts every error.
 * The same cap for `check`, `check --json`, render/plan/run and the language server.
 */
public final class DiagnosticCap {
    /** A screenful: each finding takes about five lines on a terminal. */
    public static final int SHOWN = 20;
    /** Files named in their own "and N more" note; the rest share one note. */
    static final int NOTED_FILES = 3;

    private DiagnosticCap() {}

    /**
     * @param shown      the findings to show, the notes included (in source order per file)
     * @param total      every finding, shown or not (the notes not counted)
     * @param countsByFile per file (display name): {errors, warnings, all} found in it
     */
    public record Capped(List<Diagnostic> shown, long total, long errors, long warnings, Map<String, long[]> countsByFile) {}

    /** What was left out of one file: the first place, and the count per code. */
    private static final class Hidden {
        final SourceFile source;
        final Span first;
        final Map<String, Long> byCode = new TreeMap<>();
        long count;

        Hidden(SourceFile source, Span first) {
            this.source = source;
            this.first = first;
        }
    }

    /**
     * @param sorted the findings of one check, in the checker's order
     * @param root   the recipe checked (its findings come first), or null
     */
    public static Capped apply(List<Diagnostic> sorted, SourceFile root) {
        return apply(sorted, Map.of(), root);
    }

    /**
     * @param sorted   the findings a check kept, in the checker's order: per file, the first ones
     *                 in source order, more than {@link #SHOWN} ({@link Diagnostics#forCheck})
     * @param unlisted per file (display name), the findings it only counted, after all of that
     *                 file's kept ones: they are never shown, only counted in its note and totals
     * @param root     the recipe checked (its findings come first), or null
     */
    public static Capped apply(List<Diagnostic> sorted, Map<String, Diagnostics.Unlisted> unlisted, SourceFile root) {
        List<Diagnostic> ordered = new ArrayList<>(sorted.size());
        for (Diagnostic d : sorted) if (d.source() == root) ordered.add(d);
        for (Diagnostic d : sorted) if (d.source() != root) ordered.add(d);
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Hidden> hidden = new LinkedHashMap<>();
        List<Diagnostic> shown = new ArrayList<>();
        long errors = 0;
        long warnings = 0;
        for (Diagnostic d : ordered) {
            String file = fileOf(d);
            long[] c = counts.computeIfAbsent(file, k -> new long[3]);
            if (d.isError()) {
                c[0]++;
                errors++;
            } else if (d.severity() == Severity.WARNING) {
                c[1]++;
                warnings++;
            }
            c[2]++;
            if (shown.size() < SHOWN) {
                shown.add(d);
                continue;
            }
            Hidden h = hidden.computeIfAbsent(file, k -> new Hidden(d.source(), d.span()));
            h.byCode.merge(d.codeId(), 1L, Long::sum);
            h.count++;
        }
        long total = ordered.size();
        for (Map.Entry<String, Diagnostics.Unlisted> e : unlisted.entrySet()) {
            Diagnostics.Unlisted u = e.getValue();
            long[] c = counts.computeIfAbsent(e.getKey(), k -> new long[3]);
            c[0] += u.errors();
            c[1] += u.warnings();
            c[2] += u.count();
            errors += u.errors();
            warnings += u.warnings();
            total += u.count();
            // a file's unlisted findings come after all its kept ones, which are more than SHOWN:
            // some of those are hidden already, so the file has its note, at its first hidden place
            // (a list that lacks them still gets its counts, in the note on other files)
            Hidden h = hidden.computeIfAbsent(e.getKey(), k -> new Hidden(null, Span.NONE));
            u.byCode().forEach((code, n) -> h.byCode.merge(code, n, Long::sum));
            h.count += u.count();
        }
        List<Diagnostic> out = new ArrayList<>(shown);
        int noted = 0;
        Hidden rest = new Hidden(null, Span.NONE);
        int restFiles = 0;
        for (Hidden h : hidden.values()) {
            if (noted < NOTED_FILES && h.source != null) {
                noted++;
                out.add(Diagnostic.of(Code.TOO_MANY_ERRORS, h.source, h.first,
                        "and " + thousands(h.count) + " more in this file: " + codes(h.byCode)).withHelp(HELP));
                continue;
            }
            restFiles++;
            rest.count += h.count;
            h.byCode.forEach((code, n) -> rest.byCode.merge(code, n, Long::sum));
        }
        if (restFiles > 0) {
            out.add(Diagnostic.of(Code.TOO_MANY_ERRORS, null, Span.NONE,
                    "and " + thousands(rest.count) + " more in " + thousands(restFiles) + " other file" + (restFiles == 1 ? "" : "s")
                            + ": " + codes(rest.byCode)).withHelp(HELP));
        }
        return new Capped(List.copyOf(out), total, errors, warnings, counts);
    }

    private static final String HELP = "only the first " + SHOWN + " findings of a recipe are shown; fix those and check again";

    private static String fileOf(Diagnostic d) {
        return d.source() == null ? "" : d.source().displayName();
    }

    private static String codes(Map<String, Long> byCode) {
        StringBuilder sb = new StringBuilder();
        byCode.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> sb.append(sb.length() == 0 ? "" : ", ").append(thousands(e.getValue())).append(' ').append(e.getKey()));
        return sb.toString();
    }

    private static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
