package io.wkforge.lang.syntax;

import io.wkforge.lang.diag.Code;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.parser.RecipeParser;
import io.wkforge.lang.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;

/** Entry point of the front end: text in, syntax tree plus syntax diagnostics out. Never throws. */
public final class Parser {
    /** Beyond this many syntax errors in one file the rest are mostly echoes of the first ones. */
    public static final int MAX_SYNTAX_ERRORS = 20;

    private Parser() {}

    public static RecipeFile parse(SourceFile source) {
        List<Diagnostic> errors = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        Utf16Lexer lexer = new Utf16Lexer(source.text(), source.displayName());
        CommonTokenStream tokens = new CommonTokenStream(new TokenFilter(lexer, source, errors, comments));
        RecipeParser parser = new RecipeParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new SyntaxErrorListener(source, errors));
        // SLL is exact for this grammar's decisions and several times faster than full LL.
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        RecipeParser.RecipeContext tree = parser.recipe();
        List<Statement> statements = new TreeBuilder(source, errors).build(tree);
        return new RecipeFile(source, statements, List.copyOf(comments), capped(source, errors));
    }

    private static List<Diagnostic> capped(SourceFile source, List<Diagnostic> errors) {
        if (errors.size() <= MAX_SYNTAX_ERRORS) return List.copyOf(errors);
        List<Diagnostic> kept = new ArrayList<>(errors.subList(0, MAX_SYNTAX_ERRORS));
        Diagnostic last = kept.get(kept.size() - 1);
        kept.add(Diagnostic.of(Code.TOO_MANY_ERRORS, source, last.span(),
                (errors.size() - MAX_SYNTAX_ERRORS) + " more syntax errors in this file not shown"));
        return kept;
    }
}
