package io.wkforge.stages.frames;

import io.wkforge.run.DoctorCheck;
import io.wkforge.run.Finding;
import java.util.List;

/** {@code wkforge doctor}: FFmpeg's native libraries (through JavaCV) load and decode here. */
final class FfmpegCheck {
    private FfmpegCheck() {}

    static DoctorCheck check() {
        return DoctorCheck.of("ffmpeg", () -> {
            try {
                FfmpegLibraries.load();
                String version = org.bytedeco.ffmpeg.global.avutil.av_version_info().getString();
                int codec = org.bytedeco.ffmpeg.global.avcodec.avcodec_version();
                return List.of(Finding.ok("ffmpeg", "FFmpeg " + version + " loads (libavcodec " + (codec >> 16) + "."
                        + ((codec >> 8) & 0xff) + "), used by frames"));
            } catch (RuntimeException | LinkageError e) {
                return List.of(Finding.fail("ffmpeg", "FFmpeg's native libraries do not load: " + e.getMessage(),
                        "use a build of wkforge for this platform (" + org.bytedeco.javacpp.Loader.getPlatform()
                                + "): its lib/ folder must hold the ffmpeg and javacpp jars with that classifier"));
            }
        });
    }
}
