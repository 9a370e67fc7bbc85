package io.wkforge.run;

import io.wkforge.lang.model.Setting;
import io.wkforge.plan.TaskSpec;
import java.util.List;

/**
 * What a stage's verdict sees once all its tasks ran or were found cached: the problems they
 * reported ({@link TaskContext#problem}), and the stage's verdict settings, which are in no
 * task's key (changing one re-judges the same results; it never re-runs a task).
 */
public interface StageVerdict {
    /** A problem one task reported; {@code task} names the input it concerns. */
    record Problem(TaskSpec task, String message) {}

    /** The problems of every current task of the stage, in task order; a cached task's come from its stamp. */
    List<Problem> problems();

    /** A verdict setting of the stage ({@code SettingSpec.verdict}); any other setting fails loudly. */
    Setting setting(String qualifiedName);

    /**
     * The stage's committed output folder: every task's results are committed by now, so a
     * verdict may judge what they wrote (the quantize gate reads its estimate there).
     */
    java.nio.file.Path outputDir();

    /** Reports a problem as a warning that does not fail the stage; kept in the run record. */
    void warn(TaskSpec task, String message);
}
