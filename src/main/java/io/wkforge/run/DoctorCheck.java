package io.wkforge.run;

import java.util.List;

/**
 * A check that {@code wkforge doctor} runs: a native library loads, a tool is installed, the
 * board answers. Stages contribute their own through {@link StageRunner#diagnose}, so doctor
 * knows no stage and a new stage brings its checks with it.
 */
public interface DoctorCheck {
    /** Shown while the check runs, e.g. {@code ffmpeg} or {@code deploy}. */
    String topic();

    /**
     * Runs the check and returns one finding per line to print. Should not throw for what it
     * checks (a library that does not load is a finding); doctor turns anything thrown into a
     * failed line anyway.
     */
    List<Finding> run();

    static DoctorCheck of(String topic, java.util.function.Supplier<List<Finding>> body) {
        return new DoctorCheck() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public List<Finding> run() {
                return body.get();
            }
        };
    }
}
