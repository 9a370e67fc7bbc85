package io.wkforge.run;

import io.wkforge.lang.model.ClassDef;
import io.wkforge.lang.model.Setting;
import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Layout;
import io.wkforge.plan.TaskSpec;
import java.nio.file.Path;
import java.util.List;

/** What a running task may see and do. */
public interface TaskContext {
    /**
     * A setting the task's key covers (the schema declares its stage as a reader). Reading any
     * other setting is a programming error and fails loudly: the key would not change with it.
     */
    Setting setting(String qualifiedName);

    /**
     * The class table, for tasks whose key covers it ({@code Schema.CLASSES_READ_BY}, or a
     * per-video task, whose key holds its own class); fails loudly for any other task.
     */
    List<ClassDef> classes();

    /**
     * The recipe's name (its file name without .recipe), for what a person reads; not the output
     * folder's name, which differs under --out. Fails loudly for a stage whose key does not cover
     * it ({@code Schema.RECIPE_NAME_READ_BY}).
     */
    String recipeName();

    /** The folder the recipe's relative paths are resolved against. */
    Path recipeDir();

    TaskSpec task();

    Layout layout();

    /**
     * The root a task writes into. It mirrors the out dir: a file written at
     * {@code staging().resolve("frames/01_a/x.png")} ends up at {@code <out>/frames/01_a/x.png}.
     */
    Path staging();

    /** {@code staging().resolve(<dir of stage>)}: where this task's stage writes, created on demand. */
    Path stagingDir(StageId stage);

    /**
     * The committed outputs of an upstream stage that this stage declares it reads
     * ({@code io.wkforge.plan.StageReads}: exactly what its key hashes), sorted. Fails loudly for
     * a stage it does not declare.
     */
    List<Path> outputsOf(StageId upstream);

    /**
     * One committed output of an upstream stage, by its path relative to the out dir (e.g.
     * {@code model/model.safetensors}). Fails loudly (IllegalStateException) for a file the
     * stage does not declare it reads, and with a StageException naming the file when the
     * upstream stage did not commit it.
     */
    Path input(StageId upstream, String relativePath) throws StageException;

    /**
     * A folder that survives a killed run, for work a re-run should resume (checkpoints). It
     * belongs to this task and its key: a changed key starts it empty, and it is removed once the
     * task's outputs are committed.
     */
    Path workDir();

    Progress progress();

    /** A problem worth telling the user that does not fail the task; kept in the run record. */
    void warn(String message);

    /**
     * A problem with this task's input (a damaged video, say) that still leaves outputs worth
     * committing. The task commits as usual; the problem is kept in its stamp and judged, with
     * the other tasks' problems, by {@link StageRunner#judge} after the stage's tasks, so a
     * setting that only decides what problems mean need not be in the task's key.
     */
    void problem(String message);

    /** A result worth showing as the run goes (a count table, say); may span several lines. */
    void note(String message);

    /** Threads this task may use for its own parallel work. */
    int threads();

    /**
     * One object that every task of this stage shares within this run (a pool of encoder threads
     * fed by all of them, say), made by the first task that asks with the threads the run gives
     * the whole stage, and closed once every task of the stage has returned. The stage must still
     * write each task's outputs under that task's {@link #staging()} before its {@code run} returns.
     */
    <T extends AutoCloseable> T shared(Class<T> type, java.util.function.IntFunction<? extends T> make);

    /**
     * The run this task belongs to, as far as it has got: what ran, what came from the cache, what
     * was skipped and why. For stages that report on the run ({@code report}); others have no
     * business with it, since it is not part of any key.
     */
    default RunSoFar thisRun() {
        return RunSoFar.NONE;
    }
}
