package io.wkforge.lang.syntax;

import io.wkforge.lang.diag.Code;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.parser.RecipeParser;
import io.wkforge.lang.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;
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
        WindowedTokenStream tokens = new WindowedTokenStream(new TokenFilter(lexer, source, errors, comments));
        RecipeParser parser = new RecipeParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new SyntaxErrorListener(source, errors));
        // SLL is exact for this grammar's decisions and several times faster than full LL.
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        // the tree builder's findings follow the lexer's and the parser's, as when it ran after parsing
        List<Diagnostic> treeErrors = new ArrayList<>();
        TreeBuilder builder = new TreeBuilder(source, treeErrors);
        parser.addParseListener(new OneStatementAtATime(builder));
        parser.recipe();
        List<Statement> statements = builder.finish();
        errors.addAll(treeErrors);
        return new RecipeFile(source, statements, List.copyOf(comments), capped(source, errors));
    }

    /**
     * Hands each top-level child of the parse tree to the tree builder as soon as the parser has
     * finished it, and drops it from the tree: a file of 250,000 blocks never holds 250,000 parse
     * trees (several hundred bytes each) at once, only the syntax tree the checker needs.
     */
    private static final class OneStatementAtATime implements ParseTreeListener {
        private final TreeBuilder builder;

        OneStatementAtATime(TreeBuilder builder) {
            this.builder = builder;
        }

        @Override
        public void exitEveryRule(ParserRuleContext ctx) {
            // the context is its parent's last child until the parser returns to the parent
            if (ctx.getParent() instanceof RecipeParser.RecipeContext file) {
                builder.topLevel(ctx);
                file.removeLastChild();
            }
        }

        @Override
        public void visitTerminal(TerminalNode node) {
            if (node.getParent() instanceof RecipeParser.RecipeContext) builder.topLevel(node);
        }

        @Override
        public void visitErrorNode(ErrorNode node) {
            if (node.getParent() instanceof RecipeParser.RecipeContext) builder.topLevel(node);
        }

        @Override
        public void enterEveryRule(ParserRuleContext ctx) {}
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
