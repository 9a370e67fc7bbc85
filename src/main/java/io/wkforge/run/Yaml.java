package io.wkforge.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** SnakeYAML with safe loading only: state files are data, never code. */
final class Yaml {
    private Yaml() {}

    static org.yaml.snakeyaml.Yaml create() {
        DumperOptions dump = new DumperOptions();
        dump.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dump.setWidth(160);
        return new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()),
                new org.yaml.snakeyaml.representer.Representer(dump), dump);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file) throws IOException {
        Object o = create().load(Files.readString(file, StandardCharsets.UTF_8));
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    /** Writes atomically: a temp file renamed over the target, so a reader never sees half a file. */
    static void write(Path file, Map<String, Object> data) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, create().dump(data), StandardCharsets.UTF_8);
        AtomicFiles.move(tmp, file);
    }

    /** Writes atomically and durably (flushed to disk before and after the rename): stamps, journals. */
    static void writeDurably(Path file, Map<String, Object> data) throws IOException {
        AtomicFiles.writeDurably(file, create().dump(data).getBytes(StandardCharsets.UTF_8));
    }
}
