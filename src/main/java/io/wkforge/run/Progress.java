package io.wkforge.run;

/** Progress of long work inside a task, shown to the user as it happens. */
public interface Progress {
    /** {@code done} of {@code total} units (total <= 0 when unknown), e.g. frames decoded. */
    void update(long done, long total, String unit);

    Progress NONE = (done, total, unit) -> {};
}
