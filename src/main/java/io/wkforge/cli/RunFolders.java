package io.wkforge.cli;

import io.wkforge.run.RunHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where {@code wkforge runs} finds run records: the build folder of one recipe, or every build
 * folder under the current one. Runs are grouped by the recipe they ran, so recipes that share a
 * folder (or an --out) stay apart.
 */
final class RunFolders {
    /** The runs of one recipe, newest first. */
    record Group(String recipe, Path runsDir, List<RunHistory.Run> runs) {}

    record Found(List<Group> groups, List<String> unreadable) {}

    private RunFolders() {}

    static Found find(Path recipe, Path out) {
        return find(recipe, out, Path.of("").toAbsolutePath());
    }

    /** @param here the folder whose build/ is searched when no recipe is given */
    static Found find(Path recipe, Path out, Path here) {
        List<String> unreadable = new ArrayList<>();
        if (recipe != null) {
            if (!Files.isRegularFile(recipe)) throw new UserError(recipe + ": no such recipe file");
            Path abs = recipe.toAbsolutePath().normalize();
            String name = abs.getFileName().toString();
            String stem = name.endsWith(".recipe") ? name.substring(0, name.length() - ".recipe".length()) : name;
            Path build = out != null ? out.toAbsolutePath().normalize() : abs.getParent().resolve("build").resolve(stem);
            Path runsDir = build.resolve(".wkforge").resolve("runs");
            RunHistory.Found f = RunHistory.load(runsDir);
            unreadable.addAll(f.unreadable());
            // records without a recipe path predate it; they can only be this recipe's
            List<RunHistory.Run> mine = f.runs().stream().filter(r -> r.recipe() == null || Path.of(r.recipe()).equals(abs)).toList();
            return new Found(List.of(new Group(abs.toString(), runsDir, mine)), unreadable);
        }
        List<Path> runDirs = new ArrayList<>();
        Path own = here.resolve(".wkforge").resolve("runs");
        if (Files.isDirectory(own)) runDirs.add(own);
        Path build = here.resolve("build");
        if (Files.isDirectory(build)) {
            try (Stream<Path> dirs = Files.list(build)) {
                dirs.sorted().map(d -> d.resolve(".wkforge").resolve("runs")).filter(Files::isDirectory).forEach(runDirs::add);
            } catch (IOException e) {
                unreadable.add(build + ": " + e.getMessage());
            }
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Path dir : runDirs) {
            RunHistory.Found f = RunHistory.load(dir);
            unreadable.addAll(f.unreadable());
            for (RunHistory.Run r : f.runs()) {
                String key = (r.recipe() != null ? r.recipe() : dir.toString()) + "\n" + dir;
                groups.computeIfAbsent(key, k -> new Group(r.recipe() != null ? r.recipe() : "(recipe not recorded)", dir, new ArrayList<>()))
                        .runs().add(r);
            }
        }
        return new Found(new ArrayList<>(groups.values()), unreadable);
    }

    /** Every run found, newest first (for resolving `latest` across recipes). */
    static List<RunHistory.Run> all(Found f) {
        List<RunHistory.Run> out = new ArrayList<>();
        f.groups().forEach(g -> out.addAll(g.runs()));
        out.sort(java.util.Comparator.comparing((RunHistory.Run r) -> r.startedAt() == null ? "" : r.startedAt()).reversed());
        return out;
    }
}
