package io.wkforge.caffe.lint;

import io.wkforge.caffe.lint.FieldCatalogue.Field;
import io.wkforge.caffe.text.Scalar;
import io.wkforge.caffe.text.TextNode;
import io.wkforge.lang.check.Spelling;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.source.SourceFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every field of a prototxt against the catalogue, as Caffe's protobuf parser would: an
 * unknown field, a value of the wrong kind, a block where a value belongs (or the reverse), a
 * non-repeated field given twice. Unknown fields are warnings: forks add fields the catalogue
 * may not know, and the layer rules still run on everything else.
 */
final class FieldChecker {
    private final SourceFile source;
    private final List<Diagnostic> out;
    private final FieldCatalogue catalogue = FieldCatalogue.get();

    FieldChecker(SourceFile source, List<Diagnostic> out) {
        this.source = source;
        this.out = out;
    }

    void check(TextNode root) {
        message(root, "NetParameter");
    }

    private void message(TextNode node, String type) {
        Map<String, Field> known = catalogue.fields(type);
        if (known == null) return;
        Map<String, TextNode> seen = new HashMap<>();
        java.util.Set<String> unknownReported = new java.util.HashSet<>();
        for (TextNode f : node.fields()) {
            Field spec = known.get(f.name());
            if (spec == null) {
                if (!unknownReported.add(f.name())) continue; // once per block is enough
                Diagnostic d = Diagnostic.of(CaffeCode.UNKNOWN_FIELD, source, f.nameSpan(),
                        "unknown field `" + f.name() + "` in " + describe(node, type));
                String guess = f.name().length() > 64 ? null : Spelling.closest(f.name(), known.keySet());
                out.add(d.withHelp(guess != null ? "did you mean `" + guess + "`?"
                        : "Caffe's parser rejects fields it does not know; remove it unless your nnie_mapper's caffe.proto has it"));
                continue;
            }
            if (!spec.repeated()) {
                TextNode first = seen.putIfAbsent(f.name(), f);
                if (first != null) {
                    out.add(Diagnostic.of(CaffeCode.FIELD_TWICE, source, f.nameSpan(),
                                    "`" + f.name() + "` is given twice in " + describe(node, type))
                            .withRelated(source, first.nameSpan(), "first given here")
                            .withHelp("Caffe's parser rejects a non-repeated field given more than once; keep one"));
                }
            }
            if (type.equals("LayerParameter") && f.name().equals("type") && f.value() != null
                    && f.value().kind() != Scalar.Kind.STRING) {
                continue; // an unquoted layer type is the linter's own rule (E811), with a better help
            }
            value(f, spec);
        }
    }

    private void value(TextNode f, Field spec) {
        boolean wantsBlock = spec.kind() == FieldCatalogue.Kind.MESSAGE || spec.kind() == FieldCatalogue.Kind.ANY;
        if (wantsBlock != f.isMessage()) {
            out.add(Diagnostic.of(CaffeCode.NOT_A_BLOCK, source, f.nameSpan(),
                    wantsBlock ? "`" + f.name() + "` holds fields: write `" + f.name() + " { ... }`"
                               : "`" + f.name() + "` takes a value: write `" + f.name() + ": VALUE`"));
            return;
        }
        if (spec.kind() == FieldCatalogue.Kind.MESSAGE) {
            message(f, spec.type());
            return;
        }
        if (spec.kind() == FieldCatalogue.Kind.ANY) return;
        Scalar v = f.value();
        String problem = switch (spec.kind()) {
            case STRING -> v.kind() == Scalar.Kind.STRING ? null : "a quoted string";
            case INT -> v.asLong() != null ? null : "an integer";
            case UINT -> v.asLong() != null && v.asLong() >= 0 ? null : "a non-negative integer";
            case FLOAT -> v.asDouble() != null ? null : "a number";
            case BOOL -> v.asBoolean() != null ? null : "`true` or `false`";
            case ENUM -> enumOk(v, spec) ? null : "one of " + String.join(", ", spec.enumValues());
            default -> null;
        };
        if (problem == null) return;
        Diagnostic d = Diagnostic.of(CaffeCode.WRONG_VALUE, source, v.span(),
                "`" + f.name() + "` takes " + problem + ", not " + v.display());
        if (spec.kind() == FieldCatalogue.Kind.STRING && v.kind() == Scalar.Kind.IDENT) {
            d = d.withHelp("quote it: `" + f.name() + ": \"" + v.text() + "\"`");
        } else if (spec.kind() == FieldCatalogue.Kind.ENUM && v.kind() == Scalar.Kind.STRING) {
            d = d.withHelp("enum values are written without quotes: `" + f.name() + ": " + v.text() + "`");
        }
        out.add(d);
    }

    private static boolean enumOk(Scalar v, Field spec) {
        if (v.kind() == Scalar.Kind.IDENT) return spec.enumValues().contains(v.text());
        Long n = v.asLong(); // protobuf's text format also accepts an enum's number
        return n != null && n >= 0 && n < spec.enumValues().size();
    }

    private static String describe(TextNode node, String type) {
        return node.name().isEmpty() ? "the network" : "`" + node.name() + "` (" + type + ")";
    }
}
