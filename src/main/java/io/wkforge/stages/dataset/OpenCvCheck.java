package io.wkforge.stages.dataset;

import io.wkforge.run.DoctorCheck;
import io.wkforge.run.Finding;
import java.util.List;

/** {@code wkforge doctor}: OpenCV's native libraries (through JavaCV) load here. */
final class OpenCvCheck {
    private OpenCvCheck() {}

    static DoctorCheck check() {
        return DoctorCheck.of("opencv", () -> {
            try {
                org.bytedeco.javacpp.Loader.load(org.bytedeco.opencv.global.opencv_imgproc.class);
                org.bytedeco.javacpp.Loader.load(org.bytedeco.opencv.global.opencv_imgcodecs.class);
                return List.of(Finding.ok("opencv", "OpenCV " + org.bytedeco.opencv.global.opencv_core.CV_VERSION()
                        + " loads, used by clean and split"));
            } catch (RuntimeException | LinkageError e) {
                return List.of(Finding.fail("opencv", "OpenCV's native libraries do not load: " + e.getMessage(),
                        "use a build of wkforge for this platform (" + org.bytedeco.javacpp.Loader.getPlatform()
                                + "): its lib/ folder must hold the opencv, openblas and javacpp jars with that classifier"));
            }
        });
    }
}
