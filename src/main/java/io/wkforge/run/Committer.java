package io.wkforge.run;

import io.wkforge.plan.Layout;
import io.wkforge.plan.Stamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Publishes a task's staged outputs: the one place that changes stage folders and stamps. Every
 * commit is journaled before it touches anything ({@code .wkforge/journal/<task>.yaml}: the stamp
 * to write, the staged files, the outputs of the stamp it replaces), so a kill or power loss at
 * any point leaves something the next run can finish (every new file is still staged or already
 * in place) or undo (the task loses its stamp and its files and simply runs again).
 *
 * <p>The steps, in order: journal written (durably) -> old stamp removed -> old outputs the new
 * commit does not replace removed -> each staged file moved into place -> their folders flushed,
 * stamp written (durably) -> the task's work folder removed -> journal removed.
 */
final class Committer {

    /** A test hook called after each step, with the step's name ("moved frames/a.png", ...). */
    interface Steps {
        void reached(String step);

        Steps NONE = step -> {};
    }

    /** A finished task ready to publish: its stamp and the staging folder mirroring the out dir. */
    record Pending(Stamp stamp, Path staging, Path workDir) {}

    private final Layout layout;
    private final StampStore store;
    private final Steps steps;

    Committer(Layout layout, StampStore store, Steps steps) {
        this.layout = layout;
        this.store = store;
        this.steps = steps;
    }

    void commit(Pending p) throws IOException {
        Stamp old = store.stamp(p.stamp().taskId());
        List<String> oldOutputs = old == null ? List.of() : new ArrayList<>(old.outputs().keySet());
        Journal j = new Journal(p.stamp(), p.staging(), oldOutputs, p.workDir());
        Yaml.writeDurably(journalFile(p.stamp().taskId()), j.toMap(layout));
        steps.reached("journal written");
        apply(j);
    }

    /**
     * Carries a journaled commit through to the end. Idempotent: recovery calls it again for a
     * commit that a kill interrupted at any step, once {@link #canFinish} said every new file is
     * still staged or already in place.
     */
    void apply(Journal j) throws IOException {
        Stamp stamp = j.stamp();
        store.remove(stamp.taskId());
        steps.reached("old stamp removed");
        for (String rel : j.oldOutputs()) {
            if (!stamp.outputs().containsKey(rel)) Files.deleteIfExists(layout.outDir().resolve(rel));
        }
        steps.reached("old outputs removed");
        Set<Path> folders = new TreeSet<>();
        for (String rel : stamp.outputs().keySet()) {
            Path staged = j.staging().resolve(rel);
            Path target = layout.outDir().resolve(rel);
            folders.add(target.getParent());
            if (Files.exists(staged)) {
                AtomicFiles.move(staged, target);
                steps.reached("moved " + rel);
            }
        }
        // the renames reach the disk before the stamp that vouches for them
        for (Path folder : folders) AtomicFiles.syncFolder(folder);
        store.write(stamp);
        steps.reached("stamp written");
        if (j.workDir() != null) AtomicFiles.deleteTree(j.workDir());
        steps.reached("work folder removed");
        Files.deleteIfExists(journalFile(stamp.taskId()));
        steps.reached("journal removed");
    }

    /** Whether every new output is still staged, or already in place with the journaled content. */
    boolean canFinish(Journal j) {
        for (Map.Entry<String, String> e : j.stamp().outputs().entrySet()) {
            if (Files.isRegularFile(j.staging().resolve(e.getKey()))) continue;
            Path target = layout.outDir().resolve(e.getKey());
            try {
                if (!Files.isRegularFile(target) || Files.size(target) != StampStore.sizeOf(e.getValue())
                        || !FileHasher.hashContent(target).equals(StampStore.hashOf(e.getValue()))) {
                    return false;
                }
            } catch (IOException unreadable) {
                return false;
            }
        }
        return true;
    }

    /** Undoes a commit that cannot be finished: the task loses its stamp and every file it touched. */
    void rollBack(Journal j) throws IOException {
        store.remove(j.stamp().taskId());
        for (String rel : j.oldOutputs()) Files.deleteIfExists(layout.outDir().resolve(rel));
        for (String rel : j.stamp().outputs().keySet()) Files.deleteIfExists(layout.outDir().resolve(rel));
        Files.deleteIfExists(journalFile(j.stamp().taskId()));
    }

    /** The journals of commits a killed run left, in a stable order. */
    List<Path> journals() throws IOException {
        if (!Files.isDirectory(layout.journalDir())) return List.of();
        try (Stream<Path> walk = Files.walk(layout.journalDir())) {
            return walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private Path journalFile(String taskId) {
        return layout.journalDir().resolve(taskId.replaceAll("[^A-Za-z0-9_.-]", "_") + ".yaml");
    }

    /** One journaled commit. Paths are kept relative to the state folder, so a moved build folder still recovers. */
    record Journal(Stamp stamp, Path staging, List<String> oldOutputs, Path workDir) {

        Map<String, Object> toMap(Layout layout) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("task", stamp.taskId());
            m.put("staging", layout.stateDir().relativize(staging).toString().replace('\\', '/'));
            m.put("work", workDir == null ? null : layout.stateDir().relativize(workDir).toString().replace('\\', '/'));
            m.put("old_outputs", new ArrayList<>(oldOutputs));
            m.put("stamp", StampStore.toMap(stamp));
            return m;
        }

        @SuppressWarnings("unchecked")
        static Journal fromMap(Map<String, Object> m, Layout layout) {
            if (m == null || !(m.get("stamp") instanceof Map<?, ?> s) || !(m.get("staging") instanceof String staging)) return null;
            Stamp stamp = StampStore.fromMap((Map<String, Object>) s);
            if (stamp == null) return null;
            List<String> old = new ArrayList<>();
            if (m.get("old_outputs") instanceof List<?> l) l.forEach(o -> old.add(String.valueOf(o)));
            Path work = m.get("work") instanceof String w ? layout.stateDir().resolve(w) : null;
            return new Journal(stamp, layout.stateDir().resolve(staging), old, work);
        }
    }
}
