package io.wkforge.lang.glob;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The real file system with failures put in where the tests need them: folders that refuse to be
 * listed (as a folder without permission does for anyone but root, and these tests run as root),
 * an action after each listing (to delete files between the listing and the read), change times
 * that a test moves by hand, and counters of the calls made.
 */
final class InjectedFiles implements FileAccess {
    final Set<Path> denied = new HashSet<>();
    /** Folders whose entries cannot even be looked at (no search permission, mode -w- or 0). */
    final Set<Path> unsearchable = new HashSet<>();
    final Map<Path, Long> changeTimes = new HashMap<>();
    Consumer<Path> afterList = p -> { };
    int lists;
    int reads;

    @Override
    public List<Path> list(Path dir) throws IOException {
        lists++;
        if (denied.contains(dir)) throw new AccessDeniedException(dir.toString());
        List<Path> out = SYSTEM.list(dir);
        afterList.accept(dir);
        return out;
    }

    @Override
    public boolean exists(Path p) {
        return !insideUnsearchable(p) && SYSTEM.exists(p);
    }

    @Override
    public boolean absent(Path p) {
        return !insideUnsearchable(p) && SYSTEM.absent(p);
    }

    @Override
    public BasicFileAttributes attributes(Path p) throws IOException {
        reads++;
        if (insideUnsearchable(p)) throw new AccessDeniedException(p.toString());
        return SYSTEM.attributes(p);
    }

    @Override
    public BasicFileAttributes linkAttributes(Path p) throws IOException {
        if (insideUnsearchable(p)) throw new AccessDeniedException(p.toString());
        return SYSTEM.linkAttributes(p);
    }

    private boolean insideUnsearchable(Path p) {
        for (Path q = p.getParent(); q != null; q = q.getParent()) if (unsearchable.contains(q)) return true;
        return false;
    }

    @Override
    public long changeTime(Path p) {
        return changeTimes.getOrDefault(p, 1L);
    }
}
