package io.wkforge.lang.source;

/** A half-open range of character offsets [start, end) in one source file. */
public record Span(int start, int end) {
    public static final Span NONE = new Span(0, 0);

    public Span {
        if (end < start) end = start;
    }

    public Span to(Span other) {
        return new Span(Math.min(start, other.start), Math.max(end, other.end));
    }

    public int length() {
        return end - start;
    }

    public boolean contains(int offset) {
        return offset >= start && offset <= end;
    }
}
