package io.wkforge.stages.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code train.devices} setting: {@code auto}, {@code cpu}, or {@code gpu [ids...]}.
 *
 * @param gpuIds the listed GPUs for {@code gpu}; empty means all of them
 */
record Devices(String kind, List<Integer> gpuIds) {

    /** The setting as written: {@code gpu 0 1}. */
    List<String> words() {
        List<String> out = new ArrayList<>();
        out.add(kind);
        for (int id : gpuIds) out.add(Integer.toString(id));
        return out;
    }

    static Devices parse(List<String> values) {
        List<Integer> ids = new ArrayList<>();
        for (String v : values.subList(1, values.size())) ids.add(Integer.parseInt(v));
        return new Devices(values.get(0), List.copyOf(ids));
    }

    /**
     * The GPU ids to train on given how many the engine sees, or an empty list for the CPU.
     *
     * @throws IllegalArgumentException with the reason, for GPUs that are not there
     */
    List<Integer> resolve(int gpusPresent, String engineDescription, boolean cudaBuild) {
        switch (kind) {
            case "cpu":
                return List.of();
            case "auto": {
                List<Integer> all = new ArrayList<>();
                for (int i = 0; i < gpusPresent; i++) all.add(i);
                return all;
            }
            default: {
                if (gpusPresent == 0) {
                    String why = cudaBuild
                            ? " This is the CUDA build: check that the NVIDIA driver is installed and sees the GPU (`nvidia-smi`)."
                            : " This build runs libtorch for the CPU; the CUDA build is `WKFORGE_LIBTORCH=cuda ./wkforge doctor` "
                                    + "(or `mvn -Dcuda package`) on a machine with an NVIDIA driver (docs/stages/train.md).";
                    throw new IllegalArgumentException("`devices gpu` asks for a GPU, but " + engineDescription + " sees none." + why
                            + " Use `devices cpu` or `devices auto` here.");
                }
                if (gpuIds.isEmpty()) return resolveAll(gpusPresent);
                for (int id : gpuIds) {
                    if (id >= gpusPresent) {
                        throw new IllegalArgumentException("`devices gpu` lists GPU " + id + ", but only " + gpusPresent
                                + " GPU" + (gpusPresent == 1 ? " is" : "s are") + " present (ids 0-" + (gpusPresent - 1) + ")");
                    }
                }
                return List.copyOf(new java.util.LinkedHashSet<>(gpuIds));
            }
        }
    }

    private static List<Integer> resolveAll(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) all.add(i);
        return all;
    }
}
