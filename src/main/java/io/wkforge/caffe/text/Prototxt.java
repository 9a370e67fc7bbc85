package io.wkforge.caffe.text;

import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.source.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A parsed prototxt: the tree of fields as written (however wrong), and the syntax errors met on
 * the way. Parsing never throws on content; the tree holds everything that could be read.
 */
public record Prototxt(SourceFile source, TextNode root, List<Diagnostic> syntaxErrors) {

    public static Prototxt parse(SourceFile source) {
        return new TextParser(source).parse();
    }

    public static Prototxt read(Path file) throws IOException {
        return parse(SourceFile.read(file));
    }

    public static Prototxt of(String displayName, String text) {
        return parse(SourceFile.of(displayName, text));
    }
}
