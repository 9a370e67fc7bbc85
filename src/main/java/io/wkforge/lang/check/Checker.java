package io.wkforge.lang.check;

import io.wkforge.lang.diag.Code;
import io.wkforge.lang.diag.Diagnostic;
import io.wkforge.lang.diag.Diagnostics;
import io.wkforge.lang.glob.PatternExpander;
import io.wkforge.lang.model.ClassDef;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.model.Origin;
import io.wkforge.lang.model.Setting;
import io.wkforge.lang.schema.BlockSpec;
import io.wkforge.lang.schema.Schema;
import io.wkforge.lang.schema.SettingSpec;
import io.wkforge.lang.source.SourceFile;
import io.wkforge.lang.source.Span;
import io.wkforge.lang.syntax.Entry;
import io.wkforge.lang.syntax.Parser;
import io.wkforge.lang.syntax.RecipeFile;
import io.wkforge.lang.syntax.Statement;
import io.wkforge.lang.syntax.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks a recipe and computes its effective settings.
 *
 * <p>Order of precedence, lowest first: schema defaults, imported fragments (in `use` order, each
 * with its own imports applied before it), the recipe itself, then {@code --set} overrides. Within
 * one file a setting, block or param may appear once.
 */
public final class Checker {

    /**
     * @param overrides    {@code --set} flags, applied last
     * @param inputsStrict true for `run`: a video pattern that matches nothing is an error, not a warning
     * @param videos       how video patterns are expanded: walking every time, or through a cache
     *                     (the language server)
     */
    public record Options(List<Override> overrides, boolean inputsStrict, PatternExpander videos) {
        public static final Options DEFAULT = new Options(List.of(), false);

        public Options(List<Override> overrides, boolean inputsStrict) {
            this(overrides, inputsStrict, PatternExpander.DIRECT);
        }
    }

    /** A value as assigned somewhere, before params are substituted. */
    record Assignment(SettingSpec spec, List<Value> values, Origin origin, Span entrySpan) {}

    record ParamDef(String name, Value value, Origin origin, Span nameSpan) {}

    private final ImportResolver resolver;
    private final Options options;
    private final Diagnostics diags = Diagnostics.forCheck();
    private final Map<String, RecipeFile> imports = new LinkedHashMap<>();
    private final Map<String, Assignment> assignments = new HashMap<>();
    private final Map<String, ParamDef> params = new LinkedHashMap<>();
    private final Set<String> usedParams = new HashSet<>();
    private Statement.Block classesBlock;
    private RecipeFile classesFile;
    private Path classesBaseDir;

    private Checker(ImportResolver resolver, Options options) {
        this.resolver = resolver;
        this.options = options;
    }

    public static CheckResult check(SourceFile root, Options options, ImportResolver resolver) {
        return new Checker(resolver, options).run(root);
    }

    public static CheckResult check(SourceFile root) {
        return check(root, Options.DEFAULT, ImportResolver.standard());
    }

    private CheckResult run(SourceFile rootSource) {
        RecipeFile root = Parser.parse(rootSource);
        String rootKey = rootSource.path() == null ? rootSource.displayName() : rootSource.path().toAbsolutePath().toString();
        Path rootDir = rootSource.path() == null ? null : rootSource.path().toAbsolutePath().getParent();
        applyAll(root, rootDir, rootKey);
        applyOverrides();

        Map<String, Setting> settings = resolveSettings();
        List<ClassDef> classes = List.of();
        boolean fragment = classesBlock == null;
        if (classesBlock != null) {
            classes = new ClassTableChecker(classesFile.source(), classesBaseDir, diags).check(classesBlock);
        }
        EffectiveRecipe recipe = new EffectiveRecipe(rootSource.path(), classes, settings, paramTexts());
        ConsistencyChecks.run(recipe, diags);
        if (!fragment) VideoGlobs.checkAll(recipe, options.inputsStrict(), options.videos(), diags);
        if (!fragment) InputFileChecks.run(recipe, diags);
        reportUnusedParams(root);
        // echoes of the parser's repairs (a finding at exactly the place of a syntax error) are
        // dropped by the collector as they arrive: a file's syntax errors are added first (push)
        return new CheckResult(recipe, diags.sorted(), diags.unlisted(), root, imports, fragment);
    }

    /**
     * A file being applied: where its statements are up to. Imports are applied with an explicit
     * stack of these rather than by recursion, so a chain of imports thousands deep costs memory
     * in proportion, never the thread's stack.
     *
     * @param report false when this file was applied before in this check (imported by two
     *               files): its settings take effect again, in order, but its findings are not
     *               reported a second time
     */
    private record Frame(RecipeFile file, Path baseDir, String key, boolean report,
                         Map<String, Statement.Block> firstBlock, Map<String, Statement.ParamDecl> firstParam,
                         int[] next) {
        Frame(RecipeFile file, Path baseDir, String key, boolean report) {
            this(file, baseDir, key, report, new HashMap<>(), new HashMap<>(), new int[1]);
        }
    }

    /** The files on the way from the recipe to the one being applied, innermost last. */
    private final List<Frame> frames = new ArrayList<>();
    private final Set<String> onStack = new HashSet<>();
    private final Set<String> applied = new HashSet<>();
    /** Whether findings of the statement being applied are reported (see {@link Frame#report}). */
    private boolean reporting = true;
    private long applications;

    private static final List<String> BLOCK_NAMES = Schema.blocks().stream().map(BlockSpec::name).toList();
    /** One string for every "unknown block" of a check: a file of them may have hundreds of thousands. */
    private static final String BLOCKS_ARE = "blocks are: " + String.join(", ", BLOCK_NAMES);

    /** How many times imported files may be applied in one check: far beyond any real recipe. */
    public static final int MAX_IMPORT_APPLICATIONS = 10_000;

    /**
     * Reports a finding about the file being applied, built only if the collector keeps it: in a
     * file of 250,000 unknown blocks all but the first few are only counted, with no message or
     * spelling suggestion made for them.
     */
    private void report(Code code, SourceFile source, Span span, Supplier<Diagnostic> build) {
        if (reporting) diags.report(code, code.defaultSeverity(), source, span, build);
    }

    /** Applies the recipe: each file's imports first (in order, depth first), then its own params and blocks. */
    private void applyAll(RecipeFile root, Path rootDir, String rootKey) {
        push(new Frame(root, rootDir, rootKey, true));
        while (!frames.isEmpty()) {
            Frame frame = frames.get(frames.size() - 1);
            List<Statement> statements = frame.file().statements();
            if (frame.next()[0] >= statements.size()) {
                frames.remove(frames.size() - 1);
                onStack.remove(frame.key());
                continue;
            }
            Statement st = statements.get(frame.next()[0]++);
            reporting = frame.report();
            applyStatement(frame, st);
        }
        reporting = true;
    }

    private void push(Frame frame) {
        if (frame.report()) diags.addAll(frame.file().syntaxErrors());
        applied.add(frame.key());
        frames.add(frame);
        onStack.add(frame.key());
    }

    private void applyStatement(Frame frame, Statement st) {
        RecipeFile file = frame.file();
        if (st instanceof Statement.UseDecl use) {
            applyImport(file, use);
        } else if (st instanceof Statement.ParamDecl p) {
            Statement.ParamDecl prev = frame.firstParam().putIfAbsent(p.name().text(), p);
            if (prev != null) {
                report(Code.DUPLICATE_PARAM, file.source(), p.name().span(), () -> Diagnostic.of(Code.DUPLICATE_PARAM, file.source(), p.name().span(),
                        "param `" + p.name().text() + "` is declared twice in this file")
                        .withRelated(file.source(), prev.name().span(), "first declared here"));
            } else if (p.value() != null) {
                params.put(p.name().text(), new ParamDef(p.name().text(), p.value(),
                        new Origin(Origin.Kind.FILE, file.source(), p.span(), frame.baseDir()), p.name().span()));
            }
        } else if (st instanceof Statement.Block b) {
            String name = b.name().text();
            BlockSpec spec = Schema.block(name);
            if (spec == null) {
                report(Code.UNKNOWN_BLOCK, file.source(), b.name().span(), () -> {
                    String dym = Spelling.didYouMean(name, BLOCK_NAMES);
                    return Diagnostic.of(Code.UNKNOWN_BLOCK, file.source(), b.name().span(), "unknown block `" + name + "`")
                            .withHelp(dym != null ? dym : BLOCKS_ARE);
                });
                return;
            }
            if (frame.firstBlock().containsKey(name)) {
                report(Code.DUPLICATE_BLOCK, file.source(), b.name().span(), () -> Diagnostic.of(Code.DUPLICATE_BLOCK, file.source(), b.name().span(),
                        "block `" + name + "` appears twice in this file")
                        .withRelated(file.source(), frame.firstBlock().get(name).name().span(), "first block here")
                        .withHelp("merge the two blocks into one"));
                return;
            }
            frame.firstBlock().put(name, b);
            applyBlock(file, frame.baseDir(), spec, b);
        }
    }

    private void applyImport(RecipeFile file, Statement.UseDecl use) {
        if (use.path() == null) return;
        ImportResolver.Lookup lookup = resolver.resolve(use.path(), file.source());
        if (lookup.found() == null) {
            if (lookup.readError() != null) {
                report(Code.IMPORT_UNREADABLE, file.source(), use.pathSpan(), () -> Diagnostic.of(Code.IMPORT_UNREADABLE, file.source(), use.pathSpan(),
                        "cannot read import `" + use.path() + "`: " + lookup.readError()));
            } else {
                report(Code.IMPORT_NOT_FOUND, file.source(), use.pathSpan(), () -> Diagnostic.of(Code.IMPORT_NOT_FOUND, file.source(), use.pathSpan(),
                        "import `" + use.path() + "` not found")
                        .withHelp(notFoundHelp(use.path(), lookup, resolver.fragments())));
            }
            return;
        }
        ImportResolver.Found found = lookup.found();
        if (onStack.contains(found.key())) {
            List<String> chain = new ArrayList<>(frames.stream().map(Frame::key).toList());
            chain.add(found.key());
            int from = chain.indexOf(found.key());
            report(Code.IMPORT_CYCLE, file.source(), use.pathSpan(), () -> Diagnostic.of(Code.IMPORT_CYCLE, file.source(), use.pathSpan(),
                    "import cycle: `" + use.path() + "` imports this file again")
                    .withHelp("cycle: " + String.join(" -> ", shortNames(chain.subList(from, chain.size())))));
            return;
        }
        if (++applications > MAX_IMPORT_APPLICATIONS) {
            if (applications == MAX_IMPORT_APPLICATIONS + 1) {
                diags.add(Diagnostic.of(Code.TOO_MANY_IMPORTS, file.source(), use.pathSpan(),
                        "imports were applied " + String.format(java.util.Locale.ROOT, "%,d", MAX_IMPORT_APPLICATIONS)
                                + " times in this check (the limit); `" + use.path() + "` and the imports after it are not applied")
                        .withHelp("the same fragments are imported again and again, through files that import each other's "
                                + "importers; import each fragment once, from the recipe"));
            }
            return;
        }
        RecipeFile imported = imports.get(found.key());
        if (imported == null) {
            imported = Parser.parse(found.source());
            imports.put(found.key(), imported);
        }
        push(new Frame(imported, found.baseDir(), found.key(), !applied.contains(found.key())));
    }

    /** Where the import was looked for, and the stdlib fragments that do exist (the closest first). */
    private static String notFoundHelp(String name, ImportResolver.Lookup lookup, List<String> available) {
        String closest = Spelling.closest(name.endsWith(".recipe") ? name.substring(0, name.length() - 7) : name, available);
        String help = closest != null ? "did you mean `" + closest + "`? " : "";
        if (!available.isEmpty()) help += "the stdlib has: " + String.join(", ", available) + "; ";
        return help + "looked in: " + String.join(", ", lookup.tried());
    }

    private static List<String> shortNames(List<String> keys) {
        return keys.stream().map(k -> {
            int slash = k.lastIndexOf('/');
            return slash >= 0 ? k.substring(slash + 1) : k;
        }).toList();
    }

    private void applyBlock(RecipeFile file, Path baseDir, BlockSpec spec, Statement.Block b) {
        SourceFile src = file.source();
        if (spec.holdsClassRows()) {
            if (b.label() != null) {
                report(Code.BAD_LABEL, src, b.label().span(), () -> Diagnostic.of(Code.BAD_LABEL, src, b.label().span(), "block `classes` takes no label"));
            }
            classesBlock = b;
            classesFile = file;
            classesBaseDir = baseDir;
            return;
        }
        if (b.label() != null) {
            if (spec.label() == null) {
                report(Code.BAD_LABEL, src, b.label().span(), () -> Diagnostic.of(Code.BAD_LABEL, src, b.label().span(),
                        "block `" + spec.name() + "` takes no label").withHelp("write `" + spec.name() + " { ... }`"));
            } else {
                assign(spec.label(), List.of(b.label()), new Origin(Origin.Kind.FILE, src, b.label().span(), baseDir), b.label().span());
            }
        }
        Map<String, Entry> seen = new HashMap<>();
        for (Entry e : b.entries()) {
            String key = e.key().text();
            SettingSpec setting = spec.setting(key);
            if (setting == null) {
                reportUnknownSetting(src, spec, e);
                continue;
            }
            Entry prev = seen.putIfAbsent(key, e);
            if (prev != null) {
                report(Code.DUPLICATE_SETTING, src, e.key().span(), () -> Diagnostic.of(Code.DUPLICATE_SETTING, src, e.key().span(),
                        "`" + key + "` is set twice in block `" + spec.name() + "`")
                        .withRelated(src, prev.key().span(), "first set here"));
                continue;
            }
            assign(setting, e.values(), new Origin(Origin.Kind.FILE, src, e.span(), baseDir), e.span());
        }
    }

    private void reportUnknownSetting(SourceFile src, BlockSpec spec, Entry e) {
        report(Code.UNKNOWN_SETTING, src, e.key().span(), () -> unknownSetting(src, spec, e));
    }

    private static Diagnostic unknownSetting(SourceFile src, BlockSpec spec, Entry e) {
        String key = e.key().text();
        String help = Spelling.didYouMean(key, spec.settings().keySet());
        if (help == null) {
            for (BlockSpec other : Schema.blocks()) {
                if (other != spec && other.setting(key) != null) {
                    help = "`" + key + "` belongs in block `" + other.name() + "`";
                    break;
                }
            }
        }
        if (help == null && spec.label() != null && spec.label().name().equals(key)) {
            help = "the " + key + " is the block's label: `" + spec.name() + " " + e.values().stream()
                    .map(Value::text).findFirst().orElse("...") + " { ... }`";
        }
        if (help == null) help = "settings of `" + spec.name() + "`: " + String.join(", ", spec.settings().keySet());
        return Diagnostic.of(Code.UNKNOWN_SETTING, src, e.key().span(),
                "unknown setting `" + key + "` in block `" + spec.name() + "`").withHelp(help);
    }

    private void assign(SettingSpec spec, List<Value> values, Origin origin, Span entrySpan) {
        assignments.put(spec.qualifiedName(), new Assignment(spec, values, origin, entrySpan));
    }

    private void applyOverrides() {
        for (Override o : options.overrides()) {
            if (!o.isSetting()) {
                SourceFile src = SourceFile.of("--set " + o.name(), "param " + o.name() + " = " + o.valueText());
                RecipeFile parsed = Parser.parse(src);
                diags.addAll(parsed.syntaxErrors());
                if (!params.containsKey(o.name())) {
                    String dym = Spelling.didYouMean(o.name(), params.keySet());
                    diags.add(Diagnostic.of(Code.BAD_OVERRIDE, null, Span.NONE,
                            "--set " + o.name() + ": the recipe declares no param `" + o.name() + "`")
                            .withHelp(dym != null ? dym : "to set a setting, write --set block.key=value"));
                    continue;
                }
                for (Statement st : parsed.statements()) {
                    if (st instanceof Statement.ParamDecl p && p.value() != null) {
                        params.put(o.name(), new ParamDef(o.name(), p.value(),
                                new Origin(Origin.Kind.OVERRIDE, src, p.value().span(), null), p.name().span()));
                    }
                }
                continue;
            }
            SettingSpec spec = Schema.setting(o.name());
            if (spec == null) {
                List<String> all = new ArrayList<>();
                Schema.blocks().forEach(b -> b.allSettings().forEach(s -> all.add(s.qualifiedName())));
                String dym = Spelling.didYouMean(o.name(), all);
                diags.add(Diagnostic.of(Code.BAD_OVERRIDE, null, Span.NONE, "--set " + o.name() + ": no such setting")
                        .withHelp(dym != null ? dym : "settings are named block.key, e.g. train.epochs"));
                continue;
            }
            String key = spec.name();
            SourceFile src = SourceFile.of("--set " + o.name(), spec.block() + " { " + key + " " + o.valueText() + " }");
            RecipeFile parsed = Parser.parse(src);
            diags.addAll(parsed.syntaxErrors());
            // the value is recipe text, so a `;` or a newline in it ends the entry: what follows is
            // judged as a file's would be (`fps 1; fps 2` is E107), never applied to this setting
            Entry first = null;
            for (Statement.Block b : parsed.blocks()) {
                for (Entry e : b.entries()) {
                    if (first == null && b == parsed.blocks().get(0) && e.key().text().equals(key)) {
                        first = e;
                        assign(spec, e.values(), new Origin(Origin.Kind.OVERRIDE, src, e.span(), null), e.span());
                    } else if (first != null && e.key().text().equals(key)) {
                        diags.add(Diagnostic.of(Code.DUPLICATE_SETTING, src, e.key().span(),
                                "`" + key + "` is set twice in --set " + o.name())
                                .withRelated(src, first.key().span(), "first set here"));
                    } else {
                        diags.add(Diagnostic.of(Code.BAD_OVERRIDE, src, e.key().span(),
                                "--set " + o.name() + ": the value ends at `" + (e.key().text().isEmpty() ? "..." : e.key().text())
                                        + "`; one --set sets one setting")
                                .withHelp("give each setting its own --set, e.g. --set " + spec.block() + "." + e.key().text() + "=..."));
                    }
                }
            }
        }
    }

    /** Substitutes params and type-checks every effective assignment; fills in defaults. */
    private Map<String, Setting> resolveSettings() {
        Map<String, Setting> out = new LinkedHashMap<>();
        for (BlockSpec b : Schema.blocks()) {
            for (SettingSpec spec : b.allSettings()) {
                Assignment a = assignments.get(spec.qualifiedName());
                Setting setting = null;
                if (a != null) {
                    List<Value> values = substituteParams(a);
                    if (values != null && SettingTypeChecker.check(spec, values, a.origin().source(), a.entrySpan(), diags)) {
                        setting = new Setting(spec, values, a.origin());
                    }
                }
                if (setting == null) setting = Defaults.of(spec);
                out.put(spec.qualifiedName(), setting);
            }
        }
        return out;
    }

    private List<Value> substituteParams(Assignment a) {
        List<Value> out = new ArrayList<>(a.values().size());
        boolean ok = true;
        for (Value v : a.values()) {
            if (v instanceof Value.ParamRef ref) {
                ParamDef def = params.get(ref.name());
                if (def == null) {
                    String dym = Spelling.didYouMean(ref.name(), params.keySet());
                    diags.add(Diagnostic.of(Code.UNDEFINED_PARAM, a.origin().source(), ref.span(),
                            "undefined param `$" + ref.name() + "`")
                            .withHelp(dym != null ? dym : "declare it: `param " + ref.name() + " = ...`"));
                    ok = false;
                    continue;
                }
                usedParams.add(ref.name());
                if (def.value() instanceof Value.ParamRef) {
                    diags.add(Diagnostic.of(Code.WRONG_TYPE, def.origin().source(), def.value().span(),
                            "a param's value must be a literal, not another param"));
                    ok = false;
                    continue;
                }
                out.add(Values.withSpan(def.value(), ref.span()));
            } else {
                out.add(v);
            }
        }
        return ok ? out : null;
    }

    private Map<String, String> paramTexts() {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, v.value().text()));
        return out;
    }

    private void reportUnusedParams(RecipeFile root) {
        for (ParamDef p : params.values()) {
            if (!usedParams.contains(p.name()) && p.origin().source() == root.source()) {
                diags.add(Diagnostic.of(Code.UNUSED_PARAM, p.origin().source(), p.nameSpan(),
                        "param `" + p.name() + "` is never used").withHelp("use it as `$" + p.name() + "` or remove it"));
            }
        }
    }
}
