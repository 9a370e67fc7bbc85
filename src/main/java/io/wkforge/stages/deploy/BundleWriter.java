package io.wkforge.stages.deploy;

import io.wkforge.lang.model.BoardApp;
import io.wkforge.lang.model.ClassDef;
import io.wkforge.run.StageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes the board bundle: the .wk under the name the app reads ({@code model_path}'s file name),
 * the switch file ({@code config_path}'s file name), {@code labels.txt}, {@code install.sh}, and
 * {@code SHA256SUMS} over all of them.
 */
final class BundleWriter {
    static final String LABELS = "labels.txt";
    static final String INSTALL = "install.sh";
    static final String SUMS = "SHA256SUMS";
    private static final Set<String> FIXED = Set.of(LABELS, INSTALL, SUMS);

    private BundleWriter() {}

    static Bundle write(Path folder, Path wk, DeploySettings s, List<ClassDef> classes, BoardApp app, String recipeName,
                        String version) throws StageException {
        String modelFile = fileName(s.modelPath(), "model_path");
        String configFile = fileName(s.configPath(), "config_path");
        if (modelFile.equals(configFile) || FIXED.contains(modelFile) || FIXED.contains(configFile)) {
            throw new StageException("the bundle cannot hold both " + modelFile + " (model_path) and " + configFile
                    + " (config_path) beside " + String.join(", ", FIXED) + ": give them distinct file names");
        }
        try {
            Files.createDirectories(folder);
            Files.copy(wk, folder.resolve(modelFile), StandardCopyOption.REPLACE_EXISTING);
            write(folder.resolve(configFile), TaurusApp.switchFile());
            write(folder.resolve(LABELS), LabelsFile.text(recipeName, classes, app));
            write(folder.resolve(INSTALL), InstallScript.text(recipeName, version, modelFile, configFile, s.modelPath(),
                    s.configPath(), s.run()));
            List<Bundle.Item> items = new ArrayList<>();
            for (String name : List.of(modelFile, configFile, LABELS, INSTALL)) items.add(item(folder, name));
            write(folder.resolve(SUMS), Checksums.sumsFile(items));
            items.add(item(folder, SUMS));
            return new Bundle(folder, List.copyOf(items));
        } catch (IOException e) {
            throw new StageException("cannot write the bundle in " + folder + ": " + e.getMessage());
        }
    }

    /** The last part of a board path, refused when the board's shell or SHA256SUMS could misread it. */
    private static String fileName(String boardPath, String setting) throws StageException {
        String name = boardPath.substring(boardPath.lastIndexOf('/') + 1);
        if (!name.matches("[A-Za-z0-9_+][A-Za-z0-9._+-]*")) {
            throw new StageException("deploy." + setting + " `" + boardPath + "` must end in a plain file name "
                    + "(letters, digits, . _ + -), found `" + name + "`");
        }
        return name;
    }

    private static Bundle.Item item(Path folder, String name) throws IOException {
        Path p = folder.resolve(name);
        String[] sums = Checksums.sha256AndMd5(p);
        return new Bundle.Item(name, Files.size(p), sums[0], sums[1]);
    }

    private static void write(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
