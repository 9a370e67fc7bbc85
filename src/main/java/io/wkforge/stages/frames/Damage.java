package io.wkforge.stages.frames;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import java.util.Locale;

/**
 * Whether a decoded video is damaged, judged only on evidence from FFmpeg: frames the decoder
 * flagged, packets it failed on or the demuxer marked incomplete, reading that stopped with an
 * error, errors FFmpeg logged about the file ({@link FfmpegLog}), and data that ends before the
 * length the container's header declares by more than a frame. A container's frame count is not evidence (an AVI counts the empty chunks a recorder
 * writes for dropped frames), so it is never compared with the frames present.
 */
final class Damage {
    private Damage() {}

    /** The problem in the user's words, or null for a video that decoded cleanly. */
    static String problem(VideoDecoder d, FrameClock clock, VideoFrameExtractor.Tally t) {
        String reason = d.readError() != null ? d.readError() : d.firstDecodeError();
        if (t.read == 0) return "no frame could be decoded" + (reason != null ? " (" + reason + ")" : "");
        if (d.readError() != null) return "decoded only partly: reading stopped after " + t.read + " frames: " + d.readError();
        if (t.damaged == 1 && t.lastDamaged == t.read - 1) {
            return "decoded only partly: the data ends inside frame " + t.lastDamaged + " (truncated file?); "
                    + t.read + " frames read, the last one not kept";
        }
        if (t.damaged > 0) {
            return "decoded only partly: " + t.damaged + " of " + t.read + " frames read are damaged (first at frame "
                    + t.firstDamaged + "); damaged frames were not kept";
        }
        if (d.decodeErrors() > 0) {
            return "decoded only partly: the decoder failed on " + d.decodeErrors() + " of " + d.packets() + " packets ("
                    + d.firstDecodeError() + "); " + t.read + " frames read";
        }
        if (d.corruptPackets() == 1 && d.lastPacketCorrupt()) {
            return "decoded only partly: the data ends inside the last frame (truncated file?); " + t.read + " frames read";
        }
        if (d.corruptPackets() > 0) {
            return "decoded only partly: " + d.corruptPackets() + " of " + d.packets()
                    + " packets are damaged or incomplete; " + t.read + " frames read";
        }
        if (d.loggedErrors() > 0) {
            return "decoded only partly: FFmpeg reported " + (d.loggedErrors() == 1 ? "an error" : d.loggedErrors() + " errors")
                    + " (" + (d.loggedErrors() == 1 ? "" : "first: ") + d.firstLoggedError() + "); " + t.read + " frames read";
        }
        return endedEarly(d, clock);
    }

    private static String endedEarly(VideoDecoder d, FrameClock clock) {
        long declared = d.declaredDuration();
        long end = d.dataEnd();
        if (declared == AV_NOPTS_VALUE || end == AV_NOPTS_VALUE) return null;
        long start = d.startTime() == AV_NOPTS_VALUE ? 0 : d.startTime();
        long frame = Math.max(1, d.nominalFrameTicks());
        if (end + frame >= start + declared) return null;
        return String.format(Locale.ROOT, "decoded only partly: the data ends at %.1f s of a %.1f s video (truncated file?)",
                clock.seconds(end - start), clock.seconds(declared));
    }
}
