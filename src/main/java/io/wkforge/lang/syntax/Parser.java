package io.wkforge.lang.syntax;

import io.wkforge.lang.diag.Code;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.parser.RecipeLexer;
import io.wkforge.lang.parser.RecipeParser;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.atn.PredictionMode;

/** Entry point of the front end: text in, syntax tree plus syntax diagnostics out. Never throws. */
public final class Parser {
    /** Beyond this many syntax errors in one file the rest are mostly echoes of the first ones. */
    public static final int MAX_SYNTAX_ERRORS = 20;

    private Parser() {}

    public static RecipeFile parse(SourceFile source) {
        List<Diagnostic> errors = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        RecipeLexer lexer = new RecipeLexer(CharStreams.fromString(source.text(), source.displayName()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(new LexicalFilter(lexer, source, errors, comments));
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

    /**
     * Reports characters the lexer cannot place and unterminated strings once, at their place,
     * and hides them from the parser so one stray character does not cascade into many errors.
     * Comments are collected here too, for the formatter.
     */
    private static final class LexicalFilter implements TokenSource {
        private final RecipeLexer lexer;
        private final SourceFile source;
        private final List<Diagnostic> errors;
        private final List<Comment> comments;

        LexicalFilter(RecipeLexer lexer, SourceFile source, List<Diagnostic> errors, List<Comment> comments) {
            this.lexer = lexer;
            this.source = source;
            this.errors = errors;
            this.comments = comments;
        }

        @Override
        public Token nextToken() {
            while (true) {
                Token t = lexer.nextToken();
                Span span = new Span(t.getStartIndex(), t.getStopIndex() + 1);
                switch (t.getType()) {
                    case RecipeLexer.UNKNOWN_CHAR -> errors.add(Diagnostic.of(Code.UNEXPECTED_CHARACTER, source, span,
                            "unexpected character `" + t.getText() + "`")
                            .withHelp(unknownCharHelp(t.getText())));
                    case RecipeLexer.UNTERMINATED_STRING -> {
                        errors.add(Diagnostic.of(Code.UNTERMINATED_STRING, source, span,
                                "string is not closed on this line").withHelp("add a closing `\"`"));
                        CommonToken fixed = new CommonToken(t);
                        fixed.setType(RecipeLexer.STRING);
                        fixed.setText(t.getText() + "\"");
                        return fixed;
                    }
                    case RecipeLexer.COMMENT -> {
                        comments.add(new Comment(t.getText().stripTrailing(), span));
                        return t;
                    }
                    default -> {
                        return t;
                    }
                }
            }
        }

        private static String unknownCharHelp(String ch) {
            return switch (ch) {
                case "[", "]", "," -> "list values are separated by spaces: `mean 127.5 127.5 127.5`";
                case ":" -> "a setting is written `key value`, without a colon";
                case "'" -> "strings use double quotes";
                case "/", "*" -> "paths and patterns must be quoted: \"videos/*.mp4\"";
                case "$" -> "a parameter reference is `$name`";
                default -> null;
            };
        }

        @Override public int getLine() { return lexer.getLine(); }
        @Override public int getCharPositionInLine() { return lexer.getCharPositionInLine(); }
        @Override public org.antlr.v4.runtime.CharStream getInputStream() { return lexer.getInputStream(); }
        @Override public String getSourceName() { return lexer.getSourceName(); }
        @Override public void setTokenFactory(org.antlr.v4.runtime.TokenFactory<?> factory) { lexer.setTokenFactory(factory); }
        @Override public org.antlr.v4.runtime.TokenFactory<?> getTokenFactory() { return lexer.getTokenFactory(); }
    }
}
