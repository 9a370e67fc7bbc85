package io.wkforge.lang.glob;

import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * A glob pattern compiled to a small automaton and matched by keeping the set of states alive
 * after each character, so a match costs at most (pattern length x name length) steps whatever
 * the pattern: {@code ******************************z} against a long name is as cheap as
 * {@code *z}. Java's own glob matcher translates to a backtracking regular expression, where
 * each {@code *} multiplies the work (30 stars against 30 files did not finish in a minute).
 *
 * <p>The syntax and meaning are those of {@code FileSystem.getPathMatcher("glob:...")} on Unix,
 * which the docs describe: {@code *} any characters but {@code /}, {@code **} any characters,
 * {@code ?} one character but {@code /}, {@code [abc]}, {@code [a-z]}, {@code [!abc]} one
 * character of a set (never {@code /}), {@code {a,b}} one of the alternatives (groups do not
 * nest), {@code \} takes the next character literally.
 */
public final class GlobMatcher {
    /** Longer patterns are refused before they are tried (see {@link #limitReason}). */
    public static final int MAX_LENGTH = 1_000;
    /** Patterns with more wildcards ({@code *}, {@code ?}, {@code [..]}, {@code {..}}) are refused. */
    public static final int MAX_WILDCARDS = 64;

    /** A pattern that is not valid glob syntax: the reason and the index where it was noticed. */
    public static final class SyntaxError extends IllegalArgumentException {
        private final int index;

        SyntaxError(String description, int index) {
            super(description);
            this.index = index;
        }

        public String description() {
            return getMessage();
        }

        public int index() {
            return index;
        }
    }

    // instructions: CHAR c | NOT_SLASH (one char but '/') | ANY (one char) | SET i | SPLIT a b | JUMP a | MATCH
    private static final int CHAR = 0, NOT_SLASH = 1, ANY = 2, SET = 3, SPLIT = 4, JUMP = 5, MATCH = 6;

    private final int[] op;
    private final int[] x;
    private final int[] y;
    private final List<CharSet> sets;

    private GlobMatcher(int[] op, int[] x, int[] y, List<CharSet> sets) {
        this.op = op;
        this.x = x;
        this.y = y;
        this.sets = sets;
    }

    /** One bracket expression: ranges of characters, possibly negated; never matches '/'. */
    private record CharSet(char[] from, char[] to, boolean negated) {
        boolean contains(char c) {
            if (c == '/') return false;
            boolean in = false;
            for (int i = 0; i < from.length && !in; i++) in = c >= from[i] && c <= to[i];
            return in != negated;
        }
    }

    /**
     * Why a pattern is too large to be tried, or null: a safeguard against pasted or generated
     * text, far beyond any pattern a person writes for a folder of videos.
     */
    public static String limitReason(String pattern) {
        if (pattern.length() > MAX_LENGTH) {
            return "the pattern is " + String.format(java.util.Locale.ROOT, "%,d", pattern.length())
                    + " characters long; at most " + String.format(java.util.Locale.ROOT, "%,d", MAX_LENGTH) + " are allowed";
        }
        int wildcards = wildcardCount(pattern);
        if (wildcards > MAX_WILDCARDS) {
            return "the pattern has " + wildcards + " wildcards; at most " + MAX_WILDCARDS + " are allowed";
        }
        return null;
    }

    /** Wildcards as a person counts them: a run of stars is one, as are a bracket and a group. */
    static int wildcardCount(String pattern) {
        int n = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*') {
                if (i == 0 || pattern.charAt(i - 1) != '*') n++;
            } else if (c == '?' || c == '[' || c == '{') {
                n++;
            }
        }
        return n;
    }

    /** Compiles a pattern; throws {@link SyntaxError} when it is not valid glob syntax. */
    public static GlobMatcher compile(String pattern) {
        return new Compiler(pattern).compile();
    }

    /**
     * A drop-in for {@code getPathMatcher("glob:" + glob)}: the same syntax check (it throws the
     * same {@code PatternSyntaxException}; compiling a regular expression is linear), then this
     * matcher instead of the backtracking one.
     */
    public static PathMatcher pathMatcher(String glob) {
        FileSystems.getDefault().getPathMatcher("glob:" + glob);
        GlobMatcher m = compile(glob);
        return path -> m.matches(path.toString());
    }

    /** Whether the whole text matches. Time: at most (instructions x text length). */
    public boolean matches(CharSequence text) {
        int n = op.length;
        int[] current = new int[n];
        int[] next = new int[n];
        int[] mark = new int[n]; // generation at which a state was last added: no clearing between steps
        int[] work = new int[n];
        int generation = 1;
        int count = closure(0, current, 0, mark, generation, work);
        for (int i = 0; i < text.length() && count > 0; i++) {
            char c = text.charAt(i);
            generation++;
            int nextCount = 0;
            for (int k = 0; k < count; k++) {
                int pc = current[k];
                boolean step = switch (op[pc]) {
                    case CHAR -> c == x[pc];
                    case NOT_SLASH -> c != '/';
                    case ANY -> true;
                    case SET -> sets.get(x[pc]).contains(c);
                    default -> false;
                };
                if (step) nextCount = closure(pc + 1, next, nextCount, mark, generation, work);
            }
            int[] t = current;
            current = next;
            next = t;
            count = nextCount;
        }
        for (int k = 0; k < count; k++) if (op[current[k]] == MATCH) return true;
        return false;
    }

    /** Adds a state and everything reachable from it without reading a character (no recursion). */
    private int closure(int start, int[] list, int count, int[] mark, int generation, int[] work) {
        int top = 0;
        work[top++] = start;
        while (top > 0) {
            int pc = work[--top];
            if (mark[pc] == generation) continue;
            mark[pc] = generation;
            if (op[pc] == JUMP) {
                work[top++] = x[pc];
            } else if (op[pc] == SPLIT) {
                work[top++] = y[pc];
                work[top++] = x[pc];
            } else {
                list[count++] = pc;
            }
        }
        return count;
    }

    private static final class Compiler {
        private final String p;
        private int i;
        private final List<int[]> prog = new ArrayList<>();
        private final List<CharSet> sets = new ArrayList<>();

        Compiler(String pattern) {
            this.p = pattern;
        }

        GlobMatcher compile() {
            sequence(false);
            emit(MATCH, 0, 0);
            int n = prog.size();
            int[] op = new int[n], x = new int[n], y = new int[n];
            for (int k = 0; k < n; k++) {
                op[k] = prog.get(k)[0];
                x[k] = prog.get(k)[1];
                y[k] = prog.get(k)[2];
            }
            return new GlobMatcher(op, x, y, List.copyOf(sets));
        }

        private int emit(int op, int a, int b) {
            prog.add(new int[] {op, a, b});
            return prog.size() - 1;
        }

        /** Compiles up to the end, or (in a group) up to the next top-level ',' or '}'. */
        private void sequence(boolean inGroup) {
            while (i < p.length()) {
                char c = p.charAt(i);
                if (inGroup && (c == ',' || c == '}')) return;
                switch (c) {
                    case '\\' -> {
                        if (i + 1 >= p.length()) throw new SyntaxError("No character to escape", i);
                        emit(CHAR, p.charAt(i + 1), 0);
                        i += 2;
                    }
                    case '*' -> star();
                    case '?' -> {
                        emit(NOT_SLASH, 0, 0);
                        i++;
                    }
                    case '[' -> bracket();
                    case '{' -> {
                        if (inGroup) throw new SyntaxError("Cannot nest groups", i);
                        group();
                    }
                    default -> {
                        emit(CHAR, c, 0);
                        i++;
                    }
                }
            }
        }

        /**
         * {@code *} or {@code **}, as Java reads them: each pair of stars is {@code **}, a star
         * left over is {@code *}. A run of stars matches what its longest kind matches, so the
         * run becomes one loop: {@code ***} is {@code **}.
         */
        private void star() {
            int start = i;
            while (i < p.length() && p.charAt(i) == '*') i++;
            boolean crossesFolders = i - start >= 2;
            // loop: SPLIT body, out; body: one char; JUMP loop
            int loop = emit(SPLIT, 0, 0);
            emit(crossesFolders ? ANY : NOT_SLASH, 0, 0);
            emit(JUMP, loop, 0);
            prog.get(loop)[1] = loop + 1;
            prog.get(loop)[2] = prog.size();
        }

        private void group() {
            int open = i;
            i++; // '{'
            List<Integer> jumpsToEnd = new ArrayList<>();
            while (true) {
                int split = emit(SPLIT, 0, 0);
                prog.get(split)[1] = prog.size();
                sequence(true);
                if (i >= p.length()) throw new SyntaxError("Missing '}", open);
                jumpsToEnd.add(emit(JUMP, 0, 0));
                prog.get(split)[2] = prog.size();
                if (p.charAt(i++) == '}') break;
            }
            // the last SPLIT's second branch falls to a dead end: there is no further alternative
            emit(SET, sets.size(), 0);
            sets.add(new CharSet(new char[0], new char[0], false)); // matches nothing
            int end = prog.size();
            for (int j : jumpsToEnd) prog.get(j)[1] = end;
        }

        /**
         * A bracket expression as Java reads one: {@code [^} is a literal caret, {@code [!} negates,
         * a {@code -} first or last is literal, and inside brackets {@code \\} and {@code [} are
         * ordinary characters.
         */
        private void bracket() {
            int open = i;
            i++; // '['
            boolean negated = false;
            List<Character> from = new ArrayList<>();
            List<Character> to = new ArrayList<>();
            if (i < p.length() && p.charAt(i) == '^') {
                from.add('^');
                to.add('^');
                i++;
            } else {
                if (i < p.length() && p.charAt(i) == '!') {
                    negated = true;
                    i++;
                }
                if (i < p.length() && p.charAt(i) == '-') {
                    from.add('-');
                    to.add('-');
                    i++;
                }
            }
            boolean closed = false;
            boolean hasRangeStart = false;
            while (i < p.length()) {
                char c = p.charAt(i++);
                if (c == ']') {
                    closed = true;
                    break;
                }
                if (c == '/') throw new SyntaxError("Explicit 'name separator' in class", i - 1);
                if (c != '-') {
                    from.add(c);
                    to.add(c);
                    hasRangeStart = true;
                    continue;
                }
                if (!hasRangeStart) throw new SyntaxError("Invalid range", i - 1);
                hasRangeStart = false;
                if (i >= p.length()) break;
                char hi = p.charAt(i++);
                if (hi == ']') { // `[a-]`: the dash is literal
                    from.add('-');
                    to.add('-');
                    closed = true;
                    break;
                }
                char lo = from.get(from.size() - 1);
                if (hi < lo) throw new SyntaxError("Invalid range", i - 3);
                to.set(to.size() - 1, hi);
            }
            if (!closed) throw new SyntaxError("Missing ']", open);
            char[] f = new char[from.size()], t = new char[to.size()];
            for (int k = 0; k < f.length; k++) {
                f[k] = from.get(k);
                t[k] = to.get(k);
            }
            emit(SET, sets.size(), 0);
            sets.add(new CharSet(f, t, negated));
        }
    }
}
