package io.wkforge.lsp;

import io.wkforge.lang.source.SourceFile;
import java.net.URI;
import java.nio.file.Path;

/** An editor buffer: its text as the client last sent it. */
record OpenDocument(String uri, int version, String text) {

    /** The file on disk when the URI is a file: URI, so `use` resolves relative to it. */
    Path path() {
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme()) ? Path.of(u) : null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    SourceFile source() {
        Path p = path();
        return new SourceFile(p != null ? p.toString() : uri, p, text);
    }
}
