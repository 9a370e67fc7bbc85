package io.wkforge.stages.train;

import ai.djl.engine.Engine;
import io.wkforge.run.DoctorCheck;
import io.wkforge.run.Finding;
import io.wkforge.stages.model.Libtorch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * doctor's {@code libtorch} lines: the flavour this jar was built with, whether libtorch loads,
 * the GPUs it sees, and, for a recipe, whether its {@code train.devices} can be served here
 * (the same check the stage makes before any work).
 */
final class LibtorchDoctor {
    private static final String TOPIC = "libtorch";

    private LibtorchDoctor() {}

    /** @param devices the recipe's train.devices, or null without a recipe */
    static DoctorCheck check(Devices devices) {
        return DoctorCheck.of(TOPIC, () -> run(devices));
    }

    private static List<Finding> run(Devices devices) {
        List<Finding> out = new ArrayList<>();
        Engine engine;
        try {
            engine = Libtorch.engine();
        } catch (IOException e) {
            out.add(Finding.fail(TOPIC, Libtorch.buildDescription() + " does not load: " + e.getMessage(),
                    "see docs/stages/train.md (Devices); `train` cannot run until it loads"));
            return out;
        }
        int gpus = engine.getGpuCount();
        String djl = engine.getClass().getPackage().getImplementationVersion();
        out.add(Finding.ok(TOPIC, Libtorch.buildDescription() + ", DJL " + (djl == null ? "?" : djl) + ": "
                + (gpus == 0 ? "no GPU, trains on the CPU" : gpus + " GPU" + (gpus == 1 ? "" : "s") + " " + gpuList(gpus))));
        int nvidia = nvidiaGpusOfDriver();
        if (!Libtorch.isCudaBuild() && nvidia > 0) {
            out.add(Finding.warn(TOPIC, "the NVIDIA driver lists " + nvidia + " GPU" + (nvidia == 1 ? "" : "s")
                    + ", but this build runs libtorch for the CPU, which cannot use " + (nvidia == 1 ? "it" : "them"),
                    "build the CUDA flavour: WKFORGE_LIBTORCH=cuda ./wkforge doctor (the launcher keeps it for later builds)"));
        }
        if (devices != null) {
            try {
                List<Integer> ids = devices.resolve(gpus, Libtorch.buildDescription(), Libtorch.isCudaBuild());
                out.add(Finding.ok(TOPIC, "train.devices " + String.join(" ", devices.words()) + ": trains on "
                        + (ids.isEmpty() ? "the CPU" : "GPU " + ids)));
            } catch (IllegalArgumentException e) {
                out.add(Finding.fail(TOPIC, "train.devices: " + e.getMessage(), "set train.devices to cpu or auto, or run on a machine "
                        + "with an NVIDIA GPU and the CUDA build"));
            }
        }
        return out;
    }

    private static String gpuList(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add("gpu(" + i + ")");
        return String.join(", ", ids);
    }

    /** GPUs the NVIDIA kernel driver lists (Linux), whatever libtorch can use; 0 when none or unknown. */
    private static int nvidiaGpusOfDriver() {
        Path dir = Path.of("/proc/driver/nvidia/gpus");
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.count();
        } catch (IOException e) {
            return 0;
        }
    }
}
