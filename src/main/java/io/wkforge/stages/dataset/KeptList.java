package io.wkforge.stages.dataset;

import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Layout;
import io.wkforge.run.StageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code clean/kept.txt}: the frames that survived cleaning, one path per line relative to the
 * out dir. It is the contract between {@code clean} and {@code split}.
 */
public final class KeptList {
    public static final String FILE_NAME = "kept.txt";

    private KeptList() {}

    public static void write(Path file, Collection<FrameRef> kept) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (FrameRef f : kept) sb.append(f.relPath()).append('\n');
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    /** Reads the committed list. */
    public static List<String> read(Path file) throws StageException {
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) if (!line.isBlank()) out.add(line.strip());
            return out;
        } catch (IOException e) {
            throw new StageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The list's path relative to the out dir, as {@code split} declares it reads it. */
    public static String relPath() {
        return Layout.dirOf(StageId.CLEAN) + "/" + FILE_NAME;
    }
}
