package io.wkforge.stages.common.frames;

import io.wkforge.lang.model.ClassDef;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seed's naming rule for extracted frames: every file starts with its class folder name,
 * {@code NN_nature_name_<video stem>_<index 6 digits>.<ext>}, inside {@code frames/NN_nature_name/}.
 * Later stages recover the video of a frame from its name (for a split by video).
 */
public final class FrameNames {
    private static final Pattern INDEX_SUFFIX = Pattern.compile("_(\\d{6,})\\.[A-Za-z0-9]+$");

    private FrameNames() {}

    public static String fileName(ClassDef c, String videoStem, int index, String extension) {
        return c.folderName() + "_" + videoStem + "_" + String.format(Locale.ROOT, "%06d", index) + "." + extension;
    }

    /**
     * The video stem of a frame file of the given class folder, or null when the name does not
     * follow the rule (a file a person dropped into the folder, say).
     */
    public static String videoStemOf(String classFolder, String fileName) {
        String prefix = classFolder + "_";
        if (!fileName.startsWith(prefix)) return null;
        Matcher m = INDEX_SUFFIX.matcher(fileName);
        if (!m.find() || m.start() <= prefix.length()) return null;
        return fileName.substring(prefix.length(), m.start());
    }
}
