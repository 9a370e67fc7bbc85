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
        final Map<String, Integer> byCode = new TreeMap<>();
        int count;

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
            h.byCode.merge(d.codeId(), 1, Integer::sum);
            h.count++;
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
            h.byCode.forEach((code, n) -> rest.byCode.merge(code, n, Integer::sum));
        }
        if (restFiles > 0) {
            out.add(Diagnostic.of(Code.TOO_MANY_ERRORS, null, Span.NONE,
                    "and " + thousands(rest.count) + " more in " + thousands(restFiles) + " other file" + (restFiles == 1 ? "" : "s")
                            + ": " + codes(rest.byCode)).withHelp(HELP));
        }
        return new Capped(List.copyOf(out), ordered.size(), errors, warnings, counts);
    }

    private static final String HELP = "only the first " + SHOWN + " findings of a recipe are shown; fix those and check again";

    private static String fileOf(Diagnostic d) {
        return d.source() == null ? "" : d.source().displayName();
    }

    private static String codes(Map<String, Integer> byCode) {
        StringBuilder sb = new StringBuilder();
        byCode.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> sb.append(sb.length() == 0 ? "" : ", ").append(thousands(e.getValue())).append(' ').append(e.getKey()));
        return sb.toString();
    }

    private static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
