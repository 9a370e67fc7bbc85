package io.wkforge.stages.dataset;

import io.wkforge.stages.common.frames.FrameNames;
import java.nio.file.Path;

/**
 * One extracted frame as later stages see it: its class folder and the video it came from are
 * read back from the seed's naming rule ({@code frames/NN_nature_name/NN_nature_name_<video>_<n>.png}).
 *
 * @param file     absolute path of the committed frame
 * @param relPath  path relative to the out dir, with '/' separators ({@code frames/01_a_b/...png})
 * @param videoKey the video of the frame within its class; the file name itself when the name
 *                 does not follow the rule (then the frame is its own "video")
 */
public record FrameRef(Path file, String relPath, String classFolder, String videoKey) implements Comparable<FrameRef> {

    public static FrameRef of(Path outDir, Path file) {
        String rel = outDir.relativize(file).toString().replace('\\', '/');
        String classFolder = file.getParent().getFileName().toString();
        String name = file.getFileName().toString();
        String stem = FrameNames.videoStemOf(classFolder, name);
        return new FrameRef(file, rel, classFolder, stem != null ? stem : name);
    }

    public String fileName() {
        return file.getFileName().toString();
    }

    /** The path relative to the frames folder ({@code 01_a_b/01_a_b_clip_000003.png}). */
    public String pathInFrames() {
        int slash = relPath.indexOf('/');
        return slash >= 0 ? relPath.substring(slash + 1) : relPath;
    }

    @Override
    public int compareTo(FrameRef o) {
        return relPath.compareTo(o.relPath);
    }
}
