package io.wkforge.caffe.lint;

import io.wkforge.lang.diag.DiagnosticCode;
import io.wkforge.lang.diag.Severity;

/**
 * Every finding of `wkforge lint-caffe`, with a code that is never reused (8xx, a range the
 * recipe language's {@code Code} leaves alone). docs/stages/export.md lists them.
 */
public enum CaffeCode implements DiagnosticCode {
    // 80x: reading the file
    SYNTAX(800, Severity.ERROR, "prototxt syntax error"),
    UNKNOWN_FIELD(801, Severity.WARNING, "unknown field"),
    WRONG_VALUE(802, Severity.ERROR, "value of the wrong type"),
    FIELD_TWICE(803, Severity.ERROR, "non-repeated field given twice"),
    TOO_MANY_ERRORS(804, Severity.NOTE, "too many syntax errors"),
    NOT_A_BLOCK(805, Severity.ERROR, "scalar where a block is expected, or the reverse"),

    // 81x: the network's header and input
    LEGACY_LAYERS(810, Severity.ERROR, "legacy `layers` block"),
    ENUM_LAYER_TYPE(811, Severity.ERROR, "layer type not a quoted string"),
    LEGACY_INPUT_DIM(812, Severity.ERROR, "legacy `input_dim` header"),
    NO_INPUT(813, Severity.ERROR, "network has no input"),
    INPUT_BATCH(814, Severity.WARNING, "input batch size is not 1"),
    U8_INPUT_CHANNELS(815, Severity.ERROR, "image input without 1 or 3 channels"),
    INPUT_SHAPE(816, Severity.ERROR, "input without a usable shape"),

    // 82x: layers NNIE does not run as written
    POOLING_ROUNDING(820, Severity.ERROR, "pooling rounding field"),
    UNSUPPORTED_LAYER(821, Severity.ERROR, "layer type NNIE does not support"),
    RESHAPE_BATCH(822, Severity.ERROR, "Reshape changes the batch axis"),
    PERMUTE_ORDER(823, Severity.ERROR, "Permute order NNIE does not support"),
    SLICE_BATCH(824, Severity.ERROR, "Slice on the batch axis"),
    NO_SOFTMAX(825, Severity.ERROR, "classifier without Softmax"),
    NO_LAYER_TYPE(826, Severity.ERROR, "layer without a type"),

    // 83x: names and wiring
    DUPLICATE_LAYER(830, Severity.ERROR, "layer name used twice"),
    DUPLICATE_TOP(831, Severity.ERROR, "blob produced twice"),
    UNDEFINED_BOTTOM(832, Severity.ERROR, "bottom that no layer produces"),
    NO_LAYER_NAME(833, Severity.WARNING, "layer without a name");

    private final int number;
    private final Severity defaultSeverity;
    private final String title;

    CaffeCode(int number, Severity defaultSeverity, String title) {
        this.number = number;
        this.defaultSeverity = defaultSeverity;
        this.title = title;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    @Override
    public String title() {
        return title;
    }
}
