package io.wkforge.lang.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The text of one recipe and where it came from. Nodes keep offsets; this table turns them into
 * line and column on demand, so building a tree never pays for positions nobody asks about.
 */
public final class SourceFile {
    private final String displayName;
    private final Path path;
    private final String text;
    private final int[] lineStarts;

    public SourceFile(String displayName, Path path, String text) {
        this.displayName = displayName;
        this.path = path;
        this.text = text;
        this.lineStarts = computeLineStarts(text);
    }

    /**
     * The most a recipe or prototxt read from disk may hold. Far beyond any real one (the largest
     * recipes are a few KB, a prototxt a few hundred), yet small enough that a file given by
     * mistake, or one that never ends ({@code /dev/zero}, a pipe), is refused in a moment with a
     * message instead of filling the memory.
     */
    public static final int MAX_BYTES = 32 << 20;

    /** A file larger than {@link #MAX_BYTES}; its message says so in words. */
    public static final class TooLarge extends IOException {
        public TooLarge(Path path) {
            super("larger than " + (MAX_BYTES >> 20) + " MiB, more than any recipe or prototxt holds; not read");
        }
    }

    /**
     * Reads a UTF-8 file, at most {@link #MAX_BYTES} of it. Throws {@link TooLarge} beyond that and
     * {@code MalformedInputException} for text that is not UTF-8.
     */
    public static SourceFile read(Path path) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) throw new TooLarge(path);
        // the lenient decoder goes straight to a compact string; it turns bad bytes into U+FFFD,
        // so only text with that character is decoded again strictly, to tell bad bytes (an
        // error) from a U+FFFD that was written
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        return new SourceFile(path.toString(), path, text);
    }

    public static SourceFile of(String displayName, String text) {
        return new SourceFile(displayName, null, text);
    }

    private static int[] computeLineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        // indexOf rather than a loop over charAt: it is vectorised, and a 5 MB import is read
        // before the JIT has compiled any loop of ours
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
            if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
            starts[count++] = nl + 1;
        }
        return Arrays.copyOf(starts, count);
    }

    public String displayName() {
        return displayName;
    }

    /** The file on disk, or null for text that came from elsewhere (an editor buffer, a --set). */
    public Path path() {
        return path;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** 1-based line of an offset. */
    public int line(int offset) {
        int idx = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, text.length())));
        return idx >= 0 ? idx + 1 : -idx - 1;
    }

    /** 1-based column of an offset, counted in characters. */
    public int column(int offset) {
        int line = line(offset);
        return Math.max(0, Math.min(offset, text.length())) - lineStarts[line - 1] + 1;
    }

    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    public int lineEnd(int line) {
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (end > lineStarts[line - 1] && end <= text.length() && end > 0 && text.charAt(end - 1) == '\r') end--;
        return end;
    }

    /** The text of a 1-based line, without its line break. */
    public String lineText(int line) {
        return text.substring(lineStart(line), lineEnd(line));
    }

    public int offsetOf(int line, int column) {
        if (line < 1) return 0;
        if (line > lineStarts.length) return text.length();
        return Math.min(lineStarts[line - 1] + Math.max(0, column - 1), lineEnd(line));
    }

    public String slice(Span span) {
        return text.substring(Math.min(span.start(), text.length()), Math.min(span.end(), text.length()));
    }

    @Override
    public String toString() {
        return displayName;
    }
}
