package io.wkforge.lang.syntax;

import io.wkforge.lang.diag.Code;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.parser.RecipeParser;
import io.wkforge.lang.parser.RecipeParser.BlockContext;
import io.wkforge.lang.parser.RecipeParser.EntryContext;
import io.wkforge.lang.parser.RecipeParser.ParamDeclContext;
import io.wkforge.lang.parser.RecipeParser.StatementContext;
import io.wkforge.lang.parser.RecipeParser.UseDeclContext;
import io.wkforge.lang.parser.RecipeParser.ValueContext;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the syntax tree from ANTLR's parse tree. After error recovery any part may be missing
 * (null, or a token ANTLR conjured up with no place in the text): such parts are skipped, so the
 * tree holds exactly what was written.
 */
final class TreeBuilder {
    private final SourceFile source;
    private final List<Diagnostic> errors;
    private boolean insideBrokenBlock;

    TreeBuilder(SourceFile source, List<Diagnostic> errors) {
        this.source = source;
        this.errors = errors;
    }

    private final List<Statement> statements = new ArrayList<>();
    private final List<Token> strays = new ArrayList<>();

    /**
     * Takes the next child of the file's parse tree (a statement, a stray token, a separator, the
     * end of the file), as soon as it is parsed: the parser hands each one over and drops it, so
     * the parse tree of a whole file is never held at once.
     */
    void topLevel(ParseTree child) {
        if (child instanceof StatementContext st) {
            flushTopLevelStrays(strays);
            insideBrokenBlock = false;
            Statement s = statement(st);
            if (s != null) statements.add(s);
        } else if (child instanceof RecipeParser.StrayContext stray) {
            Token t = stray.getStart();
            if (!strays.isEmpty() && line(strays.get(0)) != line(t)) flushTopLevelStrays(strays);
            strays.add(t);
        } else {
            flushTopLevelStrays(strays);
        }
    }

    /** The file's statements, once every top-level child has been taken. */
    List<Statement> finish() {
        flushTopLevelStrays(strays);
        return List.copyOf(statements);
    }

    private static List<ParseTree> children(ParserRuleContext ctx) {
        return ctx.children == null ? List.of() : ctx.children;
    }

    private int line(Token t) {
        return source.line(t.getStartIndex());
    }

    /** One error for a run of stray tokens on one top-level line, with a hint for the likely intent. */
    private void flushTopLevelStrays(List<Token> strays) {
        if (strays.isEmpty()) return;
        if (insideBrokenBlock) {
            strays.clear(); // the body of a block whose header was broken: one error is enough
            return;
        }
        Token first = strays.get(0);
        boolean opensBlock = strays.stream().anyMatch(t -> t.getType() == RecipeParser.LBRACE);
        if (first.getType() == RecipeParser.IDENT && opensBlock) {
            insideBrokenBlock = true;
            Span header = new Span(first.getStartIndex(), strays.get(strays.size() - 1).getStopIndex() + 1);
            errors.add(Diagnostic.of(Code.SYNTAX, source, header, "`" + source.slice(header) + "` is not a block header")
                    .withHelp("a block starts `name {` or `name label {`, e.g. `train resnet18 {`"));
            strays.clear();
            return;
        }
        Token last = strays.get(strays.size() - 1);
        Span span = new Span(first.getStartIndex(), last.getStopIndex() + 1);
        String text = source.slice(span);
        String help;
        if (first.getType() == RecipeParser.RBRACE) {
            help = "this `}` closes no block";
        } else if (first.getType() == RecipeParser.LBRACE) {
            help = "a block starts with its name: `frames { ... }`";
        } else if (first.getType() == RecipeParser.USE) {
            help = "write `use \"targets/hi3516dv300\"` (the path in quotes)";
        } else if (first.getType() == RecipeParser.PARAM) {
            help = "write `param name = value`";
        } else if (first.getType() == RecipeParser.IDENT && strays.size() == 1) {
            help = "a block needs braces: `" + first.getText() + " { ... }`";
        } else {
            help = "settings go inside a block, e.g. `frames { fps 2 }`";
        }
        errors.add(Diagnostic.of(Code.SYNTAX, source, span,
                "unexpected `" + (text.length() > 40 ? text.substring(0, 37) + "..." : text) + "` at the top level")
                .withHelp(help));
        strays.clear();
    }

    private Statement statement(StatementContext st) {
        if (st.useDecl() != null) return use(st.useDecl());
        if (st.paramDecl() != null) return param(st.paramDecl());
        if (st.block() != null) return block(st.block());
        return null;
    }

    private Statement use(UseDeclContext ctx) {
        Token str = real(ctx.STRING());
        if (str == null) return new Statement.UseDecl(null, spanOf(ctx), spanOf(ctx));
        return new Statement.UseDecl(unquote(str.getText()), spanOf(str), spanOf(ctx));
    }

    private Statement param(ParamDeclContext ctx) {
        Token name = real(ctx.IDENT());
        if (name == null) return null;
        Value value = ctx.value() == null ? null : value(ctx.value());
        return new Statement.ParamDecl(new Name(name.getText(), spanOf(name)), value, spanOf(ctx));
    }

    private Statement block(BlockContext ctx) {
        if (ctx.name == null || ctx.name.getStartIndex() < 0) return null;
        Name name = new Name(ctx.name.getText(), spanOf(ctx.name));
        Value label = null;
        List<RecipeParser.LabelContext> labels = ctx.label();
        if (!labels.isEmpty()) {
            Token t = labels.get(0).getStart();
            if (t != null && t.getStartIndex() >= 0) {
                label = t.getType() == RecipeParser.STRING
                        ? new Value.StringLit(unquote(t.getText()), t.getText(), spanOf(t))
                        : new Value.IdentLit(t.getText(), spanOf(t));
            }
            if (labels.size() > 1) {
                Span extra = new Span(labels.get(1).getStart().getStartIndex(), labels.get(labels.size() - 1).getStop().getStopIndex() + 1);
                errors.add(Diagnostic.of(Code.SYNTAX, source, extra, "block `" + name.text() + "` takes at most one label")
                        .withHelp("a block starts `name {` or `name label {`, e.g. `train resnet18 {`"));
            }
        }
        List<Entry> entries = new ArrayList<>();
        int lastStrayLine = -1;
        for (ParseTree child : children(ctx)) {
            if (child instanceof EntryContext e) {
                if (line(e.getStart()) == lastStrayLine) continue; // the rest of a line already reported
                Entry entry = entry(e);
                if (entry != null) entries.add(entry);
            } else if (child instanceof RecipeParser.NestedContext n) {
                errors.add(Diagnostic.of(Code.SYNTAX, source, spanOf(n.getStart()), "unexpected `{` inside block `"
                        + name.text() + "`").withHelp("blocks do not nest; close `" + name.text() + "` with `}` first"));
            } else if (child instanceof RecipeParser.StrayInBlockContext stray) {
                Token t = stray.getStart();
                if (line(t) == lastStrayLine) continue;
                lastStrayLine = line(t);
                errors.add(Diagnostic.of(Code.SYNTAX, source, spanOf(t), "expected a setting name, found `" + t.getText() + "`")
                        .withHelp("each line of a block is `key value...`"));
            }
        }
        boolean closed = real(ctx.RBRACE()) != null && !(ctx.RBRACE().getSymbol() instanceof TokenFilter.ConjuredBrace);
        if (!closed) {
            int brace = ctx.LBRACE() == null ? ctx.name.getStartIndex() : ctx.LBRACE().getSymbol().getStartIndex();
            errors.add(Diagnostic.of(Code.SYNTAX, source, new Span(brace, brace + 1), "block `" + name.text() + "` is never closed")
                    .withHelp("add `}` after its last setting"));
        }
        // an empty block shares one empty list: a file of 250,000 `name { }` keeps no list for each
        return new Statement.Block(name, label, entries.isEmpty() ? List.of() : entries, spanOf(ctx), closed);
    }

    private Entry entry(EntryContext ctx) {
        if (ctx.key == null) return null;
        Token key = ctx.key.getStart();
        if (key == null || key.getStartIndex() < 0) return null;
        List<Value> values = new ArrayList<>();
        for (ValueContext v : ctx.value()) {
            Value value = value(v);
            if (value != null) values.add(value);
        }
        for (RecipeParser.MisplacedContext m : ctx.misplaced()) {
            errors.add(Diagnostic.of(Code.SYNTAX, source, spanOf(m.getStart()), "unexpected `" + m.getText() + "` in setting `"
                    + key.getText() + "`").withHelp("a setting is written `key value`, without `=`; only `param` uses `=`"));
        }
        return new Entry(new Name(key.getText(), spanOf(key)), values, spanOf(ctx));
    }

    /** Never throws: the lexer fixed each literal's shape, and NumberLiterals takes any size. */
    private Value value(ValueContext ctx) {
        Token t = ctx.getStart();
        if (t == null || t.getStartIndex() < 0) return null;
        String text = t.getText();
        Span span = spanOf(t);
        if (ctx instanceof RecipeParser.IntValueContext) {
            return new Value.IntLit(NumberLiterals.integer(text), text, span);
        } else if (ctx instanceof RecipeParser.DecimalValueContext) {
            return new Value.DecimalLit(NumberLiterals.decimal(text), text, span);
        } else if (ctx instanceof RecipeParser.PercentValueContext) {
            return new Value.PercentLit(NumberLiterals.decimal(text.substring(0, text.length() - 1)), text, span);
        } else if (ctx instanceof RecipeParser.SizeValueContext) {
            int x = text.indexOf('x');
            return new Value.SizeLit(NumberLiterals.side(text.substring(0, x)), NumberLiterals.side(text.substring(x + 1)), text, span);
        } else if (ctx instanceof RecipeParser.StringValueContext) {
            return new Value.StringLit(unquote(text), text, span);
        } else if (ctx instanceof RecipeParser.IdentValueContext) {
            return new Value.IdentLit(text, span);
        } else if (ctx instanceof RecipeParser.ParamRefContext) {
            return new Value.ParamRef(text.substring(1), span);
        }
        return null;
    }

    private static Token real(TerminalNode node) {
        if (node == null) return null;
        Token t = node.getSymbol();
        return t == null || t.getStartIndex() < 0 || t.getTokenIndex() < 0 ? null : t;
    }

    private static Span spanOf(Token t) {
        return new Span(t.getStartIndex(), t.getStopIndex() + 1);
    }

    private Span spanOf(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        int s = start == null || start.getStartIndex() < 0 ? 0 : start.getStartIndex();
        int e = stop == null || stop.getStopIndex() < s ? s : stop.getStopIndex() + 1;
        return new Span(Math.min(s, source.text().length()), Math.min(e, source.text().length()));
    }

    static String unquote(String literal) {
        if (literal.length() < 2 || !literal.startsWith("\"")) return literal;
        String body = literal.substring(1, literal.endsWith("\"") ? literal.length() - 1 : literal.length());
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char n = body.charAt(++i);
                out.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
