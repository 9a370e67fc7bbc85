package io.wkforge.lang.syntax;

import io.wkforge.lang.parser.RecipeParser;
import io.wkforge.lang.parser.RecipeParser.BlockContext;
import io.wkforge.lang.parser.RecipeParser.EntryContext;
import io.wkforge.lang.parser.RecipeParser.ParamDeclContext;
import io.wkforge.lang.parser.RecipeParser.StatementContext;
import io.wkforge.lang.parser.RecipeParser.UseDeclContext;
import io.wkforge.lang.parser.RecipeParser.ValueContext;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the syntax tree from ANTLR's parse tree. After error recovery any part may be missing
 * (null, or a token ANTLR conjured up with no place in the text): such parts are skipped, so the
 * tree holds exactly what was written.
 */
final class TreeBuilder {
    private final SourceFile source;

    TreeBuilder(SourceFile source) {
        this.source = source;
    }

    List<Statement> build(RecipeParser.RecipeContext tree) {
        List<Statement> out = new ArrayList<>();
        for (StatementContext st : tree.statement()) {
            Statement s = statement(st);
            if (s != null) out.add(s);
        }
        return out;
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
        if (ctx.label() != null) {
            Token t = ctx.label().getStart();
            if (t != null && t.getStartIndex() >= 0) {
                label = t.getType() == RecipeParser.STRING
                        ? new Value.StringLit(unquote(t.getText()), t.getText(), spanOf(t))
                        : new Value.IdentLit(t.getText(), spanOf(t));
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (EntryContext e : ctx.entry()) {
            Entry entry = entry(e);
            if (entry != null) entries.add(entry);
        }
        boolean closed = real(ctx.RBRACE()) != null;
        return new Statement.Block(name, label, entries, spanOf(ctx), closed);
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
        return new Entry(new Name(key.getText(), spanOf(key)), values, spanOf(ctx));
    }

    private Value value(ValueContext ctx) {
        Token t = ctx.getStart();
        if (t == null || t.getStartIndex() < 0) return null;
        String text = t.getText();
        Span span = spanOf(t);
        try {
            if (ctx instanceof RecipeParser.IntValueContext) {
                return new Value.IntLit(Long.parseLong(text), text, span);
            } else if (ctx instanceof RecipeParser.DecimalValueContext) {
                return new Value.DecimalLit(new BigDecimal(text), text, span);
            } else if (ctx instanceof RecipeParser.PercentValueContext) {
                return new Value.PercentLit(new BigDecimal(text.substring(0, text.length() - 1)), text, span);
            } else if (ctx instanceof RecipeParser.SizeValueContext) {
                int x = text.indexOf('x');
                return new Value.SizeLit(Integer.parseInt(text.substring(0, x)),
                        Integer.parseInt(text.substring(x + 1)), text, span);
            } else if (ctx instanceof RecipeParser.StringValueContext) {
                return new Value.StringLit(unquote(text), text, span);
            } else if (ctx instanceof RecipeParser.IdentValueContext) {
                return new Value.IdentLit(text, span);
            } else if (ctx instanceof RecipeParser.ParamRefContext) {
                return new Value.ParamRef(text.substring(1), span);
            }
        } catch (NumberFormatException tooBig) {
            // A number too large for its type: keep it as a decimal; the checker reports the range.
            return new Value.DecimalLit(new BigDecimal(text.replaceAll("[^0-9eE.+-]", "")), text, span);
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
