package io.wkforge.run;

import io.wkforge.lang.model.ClassDef;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.model.Origin;
import io.wkforge.lang.model.Setting;
import io.wkforge.lang.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What a run record says about where a run came from, so runs can be compared later: the
 * recipe's content hash, the git commit and whether the tree had uncommitted changes, the
 * {@code --set} overrides as typed, every effective setting with its origin, and the recipe files.
 */
public final class RunFacts {
    private RunFacts() {}

    /** SHA-256 of a file's bytes, or null when it cannot be read. */
    public static String sha256(Path file) {
        if (file == null) return null;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The {@code --set} values of a command line, as typed ({@code train.epochs=12}). */
    public static List<String> overrides(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--set") && i + 1 < args.size()) out.add(args.get(++i));
            else if (a.startsWith("--set=")) out.add(a.substring("--set=".length()));
        }
        return out;
    }

    /**
     * The git commit of the folder holding the recipe and whether tracked files have uncommitted
     * changes ({@code commit: null} outside a repository or without git). Asked in the background:
     * a run does not wait for git to start.
     */
    public static CompletableFuture<Map<String, Object>> git(Path dir) {
        return CompletableFuture.supplyAsync(() -> {
            Map<String, Object> m = new LinkedHashMap<>();
            String commit = gitOutput(dir, "rev-parse", "HEAD");
            m.put("commit", commit == null ? null : commit.strip());
            if (commit != null) {
                String status = gitOutput(dir, "status", "--porcelain", "--untracked-files=no");
                m.put("dirty", status != null && !status.isBlank());
            }
            return m;
        });
    }

    private static String gitOutput(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null; // no git on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Every effective setting in schema order, with its value (null when unset) and where it came from. */
    public static List<RunSoFar.SettingUse> settings(EffectiveRecipe recipe) {
        List<RunSoFar.SettingUse> out = new ArrayList<>();
        for (Map.Entry<String, Setting> e : recipe.settings().entrySet()) {
            Setting s = e.getValue();
            out.add(new RunSoFar.SettingUse(e.getKey(), s.isSet() ? s.text() : null, origin(s.origin(), recipe)));
        }
        return out;
    }

    /** The recipe file and each import a setting came from, in that order, with their text. */
    public static List<RunSoFar.SourceText> sources(EffectiveRecipe recipe) {
        Map<String, String> files = new LinkedHashMap<>();
        for (ClassDef c : recipe.classes()) {
            if (c.source() != null) files.putIfAbsent(name(c.source(), recipe), c.source().text());
        }
        for (Setting s : recipe.settings().values()) {
            Origin o = s.origin();
            if (o.kind() == Origin.Kind.FILE && o.source() != null) files.putIfAbsent(name(o.source(), recipe), o.source().text());
        }
        List<RunSoFar.SourceText> out = new ArrayList<>();
        files.forEach((n, t) -> out.add(new RunSoFar.SourceText(n, t)));
        return out;
    }

    /** Where a value came from, as {@code render} says it: {@code demo.recipe:12}, {@code --set}, {@code default}. */
    static String origin(Origin o, EffectiveRecipe recipe) {
        return switch (o.kind()) {
            case DEFAULT -> "default";
            case OVERRIDE -> "--set";
            case FILE -> o.source() == null ? "recipe" : name(o.source(), recipe) + ":" + o.source().line(o.span().start());
        };
    }

    /**
     * A recipe file's name: relative to the recipe's folder when it is inside it, {@code stdlib:NAME}
     * for the standard library (as it is named when read from the jar), else as diagnostics show it.
     */
    private static String name(SourceFile f, EffectiveRecipe recipe) {
        Path p = f.path();
        if (p == null) return f.displayName();
        Path abs = p.toAbsolutePath().normalize();
        if (recipe.dir() != null && abs.startsWith(recipe.dir())) return recipe.dir().relativize(abs).toString();
        String stdlib = System.getProperty("wkforge.stdlib");
        if (stdlib != null) {
            Path root = Path.of(stdlib).toAbsolutePath().normalize();
            if (abs.startsWith(root)) return "stdlib:" + root.relativize(abs).toString().replace('\\', '/');
        }
        return f.displayName();
    }
}
