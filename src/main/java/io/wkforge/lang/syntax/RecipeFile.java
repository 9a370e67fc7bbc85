package io.wkforge.lang.syntax;

import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.source.SourceFile;
import java.util.List;

/**
 * The syntax tree of one file. Parsing never throws: syntax errors are recorded here next to the
 * partial tree that recovery produced, which is what the checker and an editor both need.
 */
public record RecipeFile(SourceFile source, List<Statement> statements, List<Comment> comments,
                         List<Diagnostic> syntaxErrors) {

    public boolean ok() {
        return syntaxErrors.stream().noneMatch(Diagnostic::isError);
    }

    public List<Statement.Block> blocks() {
        return statements.stream().filter(s -> s instanceof Statement.Block)
                .map(s -> (Statement.Block) s).toList();
    }
}
