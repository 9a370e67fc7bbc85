package io.wkforge.stages.frames;

import io.wkforge.run.Progress;
import io.wkforge.stages.common.frames.ImageFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One extraction of a video to PNG in a fresh folder, with decode skipping on or off, and the files
 * it wrote in order: the tests compare such runs file by file.
 */
record SkippingRun(Extraction result, List<Path> files) {
    /** Frames of raw streams are timed at this rate, as the stage's default. */
    static final BigDecimal STREAM_FPS = BigDecimal.valueOf(30);

    static SkippingRun extract(Path scratch, Path video, BigDecimal fps, boolean skipping) throws IOException {
        Path out = Files.createTempDirectory(scratch, "out");
        Extraction r = new VideoFrameExtractor(new VideoFrameExtractor.Settings(fps, STREAM_FPS, ImageFormat.PNG, 95, 2, 2, skipping))
                .extract(video, n -> out.resolve(String.format("f_%06d.png", n)), Progress.NONE);
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.sorted().toList();
        }
        return new SkippingRun(r, files);
    }
}
