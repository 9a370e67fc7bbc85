package io.wkforge.stages.frames;

import java.util.List;

/**
 * What extracting one video did.
 *
 * @param framesRead    frames the decoder delivered
 * @param framesWritten frames kept by the sampling rule and written
 * @param problem       why the video is bad (names no file; the caller adds it), or null when it decoded cleanly
 * @param notes         things worth telling the user about a video that is not bad
 * @param passes        times the video was decoded: a second pass follows when skipping turned out
 *                      unsafe for it, or when a frame-threaded decode met damage it may not have flagged
 */
public record Extraction(int framesRead, int framesWritten, String problem, List<String> notes, int passes) {
    public Extraction {
        notes = List.copyOf(notes);
    }

    static Extraction bad(String problem) {
        return new Extraction(0, 0, problem, List.of(), 1);
    }

    public boolean ok() {
        return problem == null;
    }
}
