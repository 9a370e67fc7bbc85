package io.wkforge.stages.frames;

/**
 * What extracting one video did.
 *
 * @param framesRead    frames the decoder delivered
 * @param framesWritten frames kept by the sampling rule and written
 * @param problem       why the video is bad (names no file; the caller adds it), or null when it decoded cleanly
 */
public record Extraction(int framesRead, int framesWritten, String problem) {
    public boolean ok() {
        return problem == null;
    }
}
