package io.wkforge.stages.frames;

import java.util.List;

/**
 * What extracting one video did.
 *
 * @param framesRead    frames the decoder delivered (fewer than the video holds where frames that
 *                      could not be kept were not decoded)
 * @param framesWritten frames kept by the sampling rule and written
 * @param problem       why the video is bad (names no file; the caller adds it), or null when it decoded cleanly
 * @param notes         things worth telling the user about a video that is not bad
 * @param passes        times the video was decoded: a second pass follows when skipping turned out
 *                      unsafe for it, when a frame-threaded decode met damage it may not have flagged, or
 *                      when a video that left out whole runs of packets turned out damaged (so that the
 *                      problem is told about the whole video)
 * @param packetsDropped packets of the pass reported that were never sent to the decoder, in whole
 *                      runs before an IDR picture ({@link NonReferenceSkipping})
 * @param runsDropped   runs dropped before an IDR picture (each the rest of a GOP, or whole GOPs)
 */
public record Extraction(int framesRead, int framesWritten, String problem, List<String> notes, int passes,
                         long packetsDropped, int runsDropped) {
    public Extraction {
        notes = List.copyOf(notes);
    }

    static Extraction bad(String problem) {
        return new Extraction(0, 0, problem, List.of(), 1, 0, 0);
    }

    public boolean ok() {
        return problem == null;
    }
}
