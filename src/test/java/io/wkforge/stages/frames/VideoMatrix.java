package io.wkforge.stages.frames;

import io.wkforge.stages.FfmpegCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The videos users bring, small (2 s at 160x120): every codec and container of issue 8,
 * generated with the ffmpeg CLI at test time. Entries that need libx264/libx265 come from the
 * system ffmpeg and are left out when it is missing (CI requires it).
 *
 * @see FfmpegCli
 */
final class VideoMatrix {
    /**
     * @param skippable frames that cannot be kept need not all be decoded (B-frames or an intra-only codec, and timestamps on every packet)
     */
    record Video(String name, Path file, boolean skippable) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String SRC30 = "testsrc2=size=160x120:rate=30:duration=2";
    private static final String SRC25 = "testsrc2=size=160x120:rate=25:duration=2";
    private static final String DROP_FRAMES = "select='not(between(n,10,30))'";

    private final Path dir;
    private final List<Video> videos = new ArrayList<>();

    private VideoMatrix(Path dir) {
        this.dir = dir;
    }

    static List<Video> generate(Path dir) throws java.io.IOException {
        Files.createDirectories(dir);
        VideoMatrix m = new VideoMatrix(dir);
        Path ff = FfmpegCli.ffmpeg();
        Path x = FfmpegCli.systemWithX264AndX265();
        if (x != null) {
            List<String> h264 = List.of("-c:v", "libx264", "-preset", "veryfast", "-bf", "3", "-g", "15", "-pix_fmt", "yuv420p");
            m.make(x, "h264-bframes.mp4", true, lavfi(SRC30), h264);
            m.make(x, "h264-bframes.mkv", true, lavfi(SRC30), h264);
            m.make(x, "h264-bframes.mov", true, lavfi(SRC30), h264);
            m.make(x, "h264-bframes-starts-at-8s.ts", true, lavfi(SRC30), h264, "-output_ts_offset", "7");
            m.make(x, "stream_chn1.h264", false, lavfi(SRC30), h264, "-f", "h264");
            List<String> x265 = List.of("-c:v", "libx265", "-x265-params", "log-level=none", "-pix_fmt", "yuv420p");
            m.make(x, "stream_chn1.h265", false, lavfi(SRC30), x265, "-f", "hevc");
            m.make(x, "hevc.mp4", true, lavfi(SRC30), x265, "-tag:v", "hvc1");
            m.make(x, "vfr.mp4", true, lavfi(SRC30), "-vf", DROP_FRAMES, "-fps_mode", "passthrough",
                    "-c:v", "libx264", "-bf", "2", "-pix_fmt", "yuv420p");
            m.make(x, "h264-10bit.mp4", true, lavfi(SRC30), "-c:v", "libx264", "-bf", "3", "-pix_fmt", "yuv420p10le");
            m.make(x, "h264-444.mp4", true, lavfi(SRC30), "-c:v", "libx264", "-bf", "3", "-pix_fmt", "yuv444p");
            Path upright = dir.resolve("phone-upright.mp4");
            FfmpegCli.run(x, args("-v", "error", "-y", lavfi(SRC30), "-f", "lavfi", "-i", "sine=duration=2",
                    "-c:v", "libx264", "-bf", "2", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", upright.toString()));
            // a phone held upright records landscape pictures and a display matrix saying "turn 90 degrees clockwise"
            m.make(ff, "phone-portrait.mp4", true, List.of("-display_rotation:v:0", "-90", "-i", upright.toString()), "-c", "copy");
            Files.delete(upright);
        }
        m.make(ff, "vp9.webm", false, lavfi(SRC30), "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "400k");
        m.make(ff, "xvid-bframes.avi", false, lavfi(SRC25), "-c:v", "mpeg4", "-bf", "2", "-vtag", "XVID");
        m.make(ff, "msmpeg4v3.avi", false, lavfi(SRC25), "-c:v", "msmpeg4");
        m.make(ff, "mjpeg.avi", true, lavfi(SRC25), "-c:v", "mjpeg");
        m.make(ff, "cinepak.avi", false, lavfi(SRC25), "-c:v", "cinepak");
        m.make(ff, "vfr-dropped-frames.avi", true, lavfi(SRC25), "-vf", DROP_FRAMES, "-fps_mode", "passthrough", "-c:v", "mjpeg");
        m.make(ff, "odd-161x121.webm", false, lavfi(SRC30), "-vf", "scale=161:121", "-c:v", "libvpx-vp9",
                "-deadline", "realtime", "-cpu-used", "8");
        Path withAudio = dir.resolve("with-audio.mkv");
        FfmpegCli.run(ff, args("-v", "error", "-y", lavfi(SRC30), "-f", "lavfi", "-i", "sine=duration=2",
                "-c:v", "libopenh264", "-c:a", "aac", "-shortest", withAudio.toString()));
        // every audio packet damaged: an audio decoder fails on them, the video must not care
        m.make(ff, "broken-audio.mkv", false, List.of("-i", withAudio.toString()), "-c", "copy", "-bsf:a", "noise=amount=1");
        Files.delete(withAudio);
        return List.copyOf(m.videos);
    }

    private static List<String> lavfi(String source) {
        return List.of("-f", "lavfi", "-i", source);
    }

    /** Generates one video: {@code tool -v error -y <parts...> <file>}. */
    private void make(Path tool, String name, boolean skippable, Object... parts) {
        Path file = dir.resolve(name);
        FfmpegCli.run(tool, args("-v", "error", "-y", parts, file.toString()));
        videos.add(new Video(name, file, skippable));
    }

    /** Flattens strings, lists and arrays of them into one argument list. */
    static String[] args(Object... parts) {
        List<String> out = new ArrayList<>();
        for (Object p : parts) flatten(p, out);
        return out.toArray(String[]::new);
    }

    private static void flatten(Object p, List<String> out) {
        if (p instanceof String s) out.add(s);
        else if (p instanceof List<?> l) l.forEach(e -> flatten(e, out));
        else if (p instanceof Object[] a) for (Object e : a) flatten(e, out);
        else throw new IllegalArgumentException(String.valueOf(p));
    }
}
