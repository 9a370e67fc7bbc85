package io.wkforge.lang.diag;

/**
 * Every diagnostic the recipe language reports, with a code that is never reused. Users search
 * for these codes, docs list them and tests assert them, so a code keeps its meaning forever:
 * retire a code rather than change what it means. Numbers 800-899 belong to the Caffe prototxt
 * linter's own catalogue ({@code io.wkforge.caffe.lint.CaffeCode}); do not use them here.
 */
public enum Code implements DiagnosticCode {
    // 0xx: syntax
    SYNTAX(1, Severity.ERROR, "syntax error"),
    UNEXPECTED_CHARACTER(2, Severity.ERROR, "unexpected character"),
    UNTERMINATED_STRING(3, Severity.ERROR, "unterminated string"),
    TOO_MANY_ERRORS(4, Severity.NOTE, "too many errors in one file"),
    MALFORMED_NUMBER(5, Severity.ERROR, "malformed number"),

    // 1xx: blocks and settings
    UNKNOWN_BLOCK(101, Severity.ERROR, "unknown block"),
    UNKNOWN_SETTING(102, Severity.ERROR, "unknown setting"),
    WRONG_TYPE(103, Severity.ERROR, "value of the wrong type"),
    WRONG_UNIT(104, Severity.ERROR, "value with the wrong unit"),
    OUT_OF_RANGE(105, Severity.ERROR, "value out of range"),
    WRONG_ARITY(106, Severity.ERROR, "wrong number of values"),
    DUPLICATE_SETTING(107, Severity.ERROR, "setting given twice"),
    DUPLICATE_BLOCK(108, Severity.ERROR, "block given twice"),
    BAD_LABEL(109, Severity.ERROR, "missing or invalid block label"),
    MISSING_SETTING(119, Severity.ERROR, "required setting missing"),

    // 11x: classes
    DUPLICATE_CLASS_ID(110, Severity.ERROR, "duplicate class id"),
    DUPLICATE_CLASS_NAME(111, Severity.ERROR, "duplicate class name"),
    CLASS_IDS_NOT_CONTIGUOUS(112, Severity.ERROR, "class ids are not 1..N"),
    NO_BACKGROUND_CLASS(113, Severity.ERROR, "no background class"),
    BACKGROUND_NOT_LAST(114, Severity.ERROR, "background class is not the last class"),
    BAD_CLASS_ROW(115, Severity.ERROR, "malformed class row"),
    NO_CLASSES(116, Severity.ERROR, "no classes"),

    // 12x: cross-setting consistency
    CROP_LARGER_THAN_RESIZE(120, Severity.ERROR, "crop larger than resize"),
    STD_DIFFERS_PER_CHANNEL(122, Severity.NOTE, "std differs per channel (export folds it into conv1)"),
    INCONSISTENT_SETTINGS(123, Severity.ERROR, "settings contradict each other"),
    CFG_UNSAFE_VALUE(124, Severity.ERROR, "value would break nnie_mapper's cfg file"),
    CHANNEL_ORDER_MISMATCH(125, Severity.WARNING, "the board feeds channels in another order than training"),
    BOARD_APP_INPUT(126, Severity.WARNING, "the board app cannot feed the network this input"),
    BOARD_APP_CATEGORIES(127, Severity.WARNING, "the board app shows classes under another category"),

    // 13x: params
    UNDEFINED_PARAM(130, Severity.ERROR, "undefined parameter"),
    DUPLICATE_PARAM(131, Severity.ERROR, "parameter declared twice"),
    BAD_OVERRIDE(132, Severity.ERROR, "invalid --set override"),
    UNUSED_PARAM(133, Severity.WARNING, "parameter never used"),

    // 14x: imports
    IMPORT_NOT_FOUND(140, Severity.ERROR, "import not found"),
    IMPORT_CYCLE(141, Severity.ERROR, "import cycle"),
    IMPORT_UNREADABLE(142, Severity.ERROR, "import cannot be read"),
    TOO_MANY_IMPORTS(143, Severity.ERROR, "imports applied too many times"),

    // 15x: input files
    GLOB_MATCHES_NOTHING(150, Severity.WARNING, "video pattern matches no file"),
    FILE_UNREADABLE(151, Severity.ERROR, "file cannot be read"),
    INVALID_PATH(152, Severity.ERROR, "not a valid path"),
    PATTERN_SKIPPED_UNREADABLE(153, Severity.WARNING, "video pattern skipped entries that cannot be read"),
    PATTERN_WALKS_MANY_FOLDERS(154, Severity.WARNING, "video pattern walks many folders"),
    PATTERN_WALK_LIMIT(155, Severity.WARNING, "video pattern stopped at the folder limit"),
    INPUT_FILE_UNUSABLE(156, Severity.ERROR, "input file cannot be used"),
    PATTERN_TOO_LARGE(157, Severity.ERROR, "pattern too long or with too many wildcards"),

    // 9xx: wkforge itself
    INTERNAL_ERROR(900, Severity.ERROR, "internal error in wkforge (a bug)");

    private final int number;
    private final Severity defaultSeverity;
    private final String title;
    /** {@link #id(Severity)} per severity, made once: a check asks for it per finding. */
    private final String[] ids;

    Code(int number, Severity defaultSeverity, String title) {
        this.number = number;
        this.defaultSeverity = defaultSeverity;
        this.title = title;
        this.ids = new String[Severity.values().length];
        for (Severity s : Severity.values()) ids[s.ordinal()] = DiagnosticCode.id(s, number);
    }

    @Override
    public String id(Severity severity) {
        return ids[severity.ordinal()];
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
