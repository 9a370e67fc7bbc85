package io.wkforge.lsp;

import io.wkforge.lang.source.SourceFile;

/** The URI an editor knows a source by. */
final class DocumentUris {
    private DocumentUris() {}

    static String of(SourceFile source) {
        if (source.path() != null) return source.path().toUri().toString();
        return source.displayName();
    }
}
