package io.wkforge.lang.diag;

import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Collects the findings of one check and hands them out in a stable order: file (by display
 * name), then position, then code, then the order they were reported in.
 *
 * <p>The collector of a recipe check ({@link #forCheck}) keeps, per file, only the first
 * {@code keptPerFile} findings in that order and merely counts the others, by code
 * ({@link Unlisted}). No report shows more than {@link DiagnosticCap#SHOWN} findings, yet the
 * counts in "and 243,367 more of E101" and in {@code --json}'s {@code total_count} stay exact, and
 * a 5 MB file of errors costs a counter per error instead of an object with a message and a
 * spelling suggestion each. Hot paths report through
 * {@link #report(DiagnosticCode, Severity, SourceFile, Span, Supplier)}, which builds nothing for
 * a finding that would only be counted.
 *
 * <p>It also drops echoes: a finding (code 100 and up) at exactly the place of a syntax finding
 * (below 100) in the same file. The parser repaired that text with a guess ({@code 1.} read as 1),
 * and a second error about the guess would only confuse. For this to be decided as each finding
 * arrives, a file's syntax findings must be reported before any other finding about it (the
 * checker adds them when it starts on the file).
 */
public final class Diagnostics {
    /** Per file, how many findings a recipe check keeps as objects: far more than any report shows. */
    public static final int KEPT_PER_FILE = 200;

    /**
     * What was found in one file beyond the findings kept: only counted.
     *
     * @param byCode the count per code as users see it ({@code E101}), in code order
     */
    public record Unlisted(long count, long errors, long warnings, Map<String, Long> byCode) {}

    private record Kept(Diagnostic diagnostic, long seq) {}

    /** Source order within one file; {@code seq} keeps equal places in the order they were reported. */
    private static final Comparator<Kept> IN_FILE = Comparator
            .comparingInt((Kept k) -> k.diagnostic().span().start())
            .thenComparingInt(k -> k.diagnostic().code().number())
            .thenComparingLong(Kept::seq);

    private static final class FileFindings {
        final TreeSet<Kept> kept = new TreeSet<>(IN_FILE);
        long count;
        long errors;
        long warnings;
        /** Per code id, a counter to bump: no boxing, no tree walk per finding. */
        final Map<String, long[]> byCode = new HashMap<>();

        void count(DiagnosticCode code, Severity severity) {
            count++;
            if (severity == Severity.ERROR) errors++;
            else if (severity == Severity.WARNING) warnings++;
            long[] n = byCode.get(code.id(severity));
            if (n == null) byCode.put(code.id(severity), n = new long[1]);
            n[0]++;
        }
    }

    private final int keptPerFile;
    private final boolean dropsEchoes;
    /** By display name, the sort key; sorted, so {@link #sorted} walks the files in order. */
    private final Map<String, FileFindings> files = new TreeMap<>();
    /** The places of syntax findings, per loaded file (by identity: two loads are two files). */
    private final Map<SourceFile, Set<Span>> syntaxPlaces = new IdentityHashMap<>();
    private SourceFile lastSource;
    private FileFindings lastFile;
    private long seq;
    private long errorsReported;
    private long warningsReported;

    /** Keeps every finding, drops none: for front ends other than the recipe checker (the Caffe linter). */
    public Diagnostics() {
        this(Integer.MAX_VALUE, false);
    }

    private Diagnostics(int keptPerFile, boolean dropsEchoes) {
        if (keptPerFile <= DiagnosticCap.SHOWN) {
            throw new IllegalArgumentException("keep more per file than a report shows (" + DiagnosticCap.SHOWN + ")");
        }
        this.keptPerFile = keptPerFile;
        this.dropsEchoes = dropsEchoes;
    }

    /** The collector of a recipe check: drops echoes, keeps {@code keptPerFile} findings per file and counts the rest. */
    public static Diagnostics forCheck(int keptPerFile) {
        return new Diagnostics(keptPerFile, true);
    }

    public static Diagnostics forCheck() {
        return forCheck(KEPT_PER_FILE);
    }

    public Diagnostic add(Diagnostic d) {
        if (d == null) return null;
        offer(d.code(), d.severity(), d.source(), d.span(), d, null);
        return d;
    }

    public Diagnostic report(DiagnosticCode code, SourceFile source, Span span, String message) {
        return add(Diagnostic.of(code, source, span, message));
    }

    /**
     * Reports a finding of {@code code} and {@code severity} at {@code span} of {@code source},
     * building it with {@code build} only if it is kept; otherwise it is only counted. The built
     * finding must have that code, severity, file and place.
     */
    public void report(DiagnosticCode code, Severity severity, SourceFile source, Span span, Supplier<Diagnostic> build) {
        offer(code, severity, source, span, null, build);
    }

    public void addAll(List<Diagnostic> ds) {
        for (Diagnostic d : ds) add(d);
    }

    private void offer(DiagnosticCode code, Severity severity, SourceFile source, Span span, Diagnostic built, Supplier<Diagnostic> build) {
        if (severity == Severity.ERROR) errorsReported++;
        else if (severity == Severity.WARNING) warningsReported++;
        if (dropsEchoes && source != null) {
            if (code.number() < 100) {
                syntaxPlaces.computeIfAbsent(source, k -> new HashSet<>()).add(span);
            } else {
                Set<Span> places = syntaxPlaces.get(source);
                if (places != null && places.contains(span)) return;
            }
        }
        FileFindings file;
        if (source != null && source == lastSource) {
            file = lastFile; // findings come in runs about one file: no look-up by name for each
        } else {
            file = files.computeIfAbsent(source == null ? "" : source.displayName(), k -> new FileFindings());
            lastSource = source;
            lastFile = file;
        }
        if (file.kept.size() >= keptPerFile && !before(span.start(), code.number(), file.kept.last())) {
            file.count(code, severity); // a later place than every kept one: counted, never built
            return;
        }
        Diagnostic d = built != null ? built : build.get();
        if (d.code() != code || d.severity() != severity || d.source() != source || !d.span().equals(span)) {
            throw new IllegalArgumentException("reported as " + code.id(severity) + " at " + span + ", built as " + d.code().id(d.severity())
                    + " at " + d.span());
        }
        file.kept.add(new Kept(d, seq++));
        if (file.kept.size() > keptPerFile) {
            Diagnostic out = file.kept.pollLast().diagnostic();
            file.count(out.code(), out.severity());
        }
    }

    /** Whether a finding reported now at {@code start} with code {@code number} sorts before {@code last} (reported earlier). */
    private static boolean before(int start, int number, Kept last) {
        int lastStart = last.diagnostic().span().start();
        if (start != lastStart) return start < lastStart;
        return number < last.diagnostic().code().number();
    }

    /** Whether an error was reported, kept or only counted; dropped echoes included. */
    public boolean hasErrors() {
        return errorsReported > 0;
    }

    /**
     * Errors reported so far, kept or only counted, dropped echoes included: a check can tell
     * whether its own step found something by comparing the count before and after.
     */
    public long errorCount() {
        return errorsReported;
    }

    public long warningCount() {
        return warningsReported;
    }

    /** The findings kept, in order (file, position, code, report order). */
    public List<Diagnostic> sorted() {
        List<Diagnostic> out = new ArrayList<>();
        for (FileFindings f : files.values()) {
            for (Kept k : f.kept) out.add(k.diagnostic());
        }
        return out;
    }

    /** Per file (display name) with findings beyond those kept: what they were. Empty when every finding was kept. */
    public Map<String, Unlisted> unlisted() {
        Map<String, Unlisted> out = new LinkedHashMap<>();
        files.forEach((name, f) -> {
            if (f.count > 0) {
                TreeMap<String, Long> byCode = new TreeMap<>();
                f.byCode.forEach((code, n) -> byCode.put(code, n[0]));
                out.put(name, new Unlisted(f.count, f.errors, f.warnings, Collections.unmodifiableSortedMap(byCode)));
            }
        });
        return Collections.unmodifiableMap(out);
    }
}
