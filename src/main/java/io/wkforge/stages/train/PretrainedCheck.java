package io.wkforge.stages.train;

import io.wkforge.lang.check.InputFileCheck;
import io.wkforge.lang.model.ClassDef;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.stages.model.WeightsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code check} and the language server on {@code train.pretrained}: the file's header (its
 * pickle or safetensors header, not its data) read by the same reader train uses, and the same
 * rules, so a file train would refuse is refused before any frame is extracted.
 */
public final class PretrainedCheck implements InputFileCheck {
    /** A read, by file, size and modification time: the language server asks on every edit. */
    private record Key(Path file, long size, long modified) {}

    private record Read(WeightsFile file, String problem) {}

    private static final int CACHED = 16;
    private static final Map<Key, Read> CACHE = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Read> eldest) {
            return size() > CACHED;
        }
    };

    @Override
    public String setting() {
        return "train.pretrained";
    }

    @Override
    public String problem(Path file, EffectiveRecipe recipe) {
        Read read = read(file);
        if (read.problem() != null) return read.problem();
        List<ClassDef> classes = new ArrayList<>(recipe.classes());
        if (classes.isEmpty()) return null;
        classes.sort(Comparator.comparingInt(ClassDef::index));
        int epochs;
        try {
            epochs = recipe.setting("train.epochs").asInt();
        } catch (RuntimeException e) {
            return null; // a bad epochs value is reported on its own
        }
        String p = PretrainedWeights.problem(read.file(), classes, epochs);
        return p == null ? null : "cannot be used: " + p;
    }

    private static Read read(Path file) {
        Key key;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            key = new Key(file.toAbsolutePath(), a.size(), a.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return new Read(null, "cannot be read: " + e.getMessage());
        }
        synchronized (CACHE) {
            Read r = CACHE.get(key);
            if (r != null) return r;
        }
        Read r;
        try {
            r = new Read(WeightsFile.open(file, false), null);
        } catch (IOException e) {
            r = new Read(null, e.getMessage());
        } catch (RuntimeException e) {
            r = new Read(null, "cannot be read: " + e);
        }
        synchronized (CACHE) {
            CACHE.put(key, r);
        }
        return r;
    }
}
