package io.wkforge.run;

import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.lang.schema.StageId;
import io.wkforge.plan.Planner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the checks of {@code wkforge doctor}: the Java runtime, then every stage's own checks
 * ({@link StageRunner#diagnose}) in pipeline order, then, for a recipe, whether each stage can run
 * here at all. Knows no concrete stage: what a stage needs is the stage's business.
 */
public final class Doctor {
    private final StageRegistry registry;

    public Doctor(StageRegistry registry) {
        this.registry = registry;
    }

    /**
     * Runs every check, handing each finding to {@code out} as soon as it is known.
     *
     * @param recipe null to check the machine only
     * @return all findings, in the order they were reported
     */
    public List<Finding> run(EffectiveRecipe recipe, Consumer<Finding> out) {
        List<Finding> all = new ArrayList<>();
        Consumer<Finding> report = f -> {
            all.add(f);
            out.accept(f);
        };
        report.accept(JavaCheck.run());
        List<String> notBuilt = new ArrayList<>();
        for (StageId stage : StageId.values()) {
            StageRunner runner = registry.get(stage);
            if (runner == null) {
                notBuilt.add(stage.id());
                continue;
            }
            boolean ownFailure = false;
            for (DoctorCheck check : runner.diagnose(recipe)) {
                for (Finding f : runSafely(check)) {
                    ownFailure |= f.status() == Finding.Status.FAIL;
                    report.accept(f);
                }
            }
            String why = recipe == null ? null : runner.unavailableReason(recipe);
            if (why != null && !ownFailure) report.accept(unavailable(stage, why));
        }
        if (!notBuilt.isEmpty()) report.accept(notBuilt(notBuilt, recipe != null));
        return all;
    }

    public static boolean allNeededPresent(List<Finding> findings) {
        return findings.stream().noneMatch(f -> f.status() == Finding.Status.FAIL);
    }

    private static List<Finding> runSafely(DoctorCheck check) {
        try {
            return check.run();
        } catch (RuntimeException | LinkageError e) {
            return List.of(Finding.fail(check.topic(), "the check itself failed: " + e,
                    "this is a bug in wkforge's check; please report it (WKFORGE_DEBUG=1 shows more)"));
        }
    }

    private Finding unavailable(StageId stage, String why) {
        List<String> alsoSkipped = new ArrayList<>();
        for (StageId later : StageId.values()) {
            if (later.ordinal() > stage.ordinal() && Planner.requiredUpstreamOf(later).contains(stage)) alsoSkipped.add(later.id());
        }
        String consequence = alsoSkipped.isEmpty() ? "" : "; so " + String.join(", ", alsoSkipped)
                + (alsoSkipped.size() == 1 ? " is" : " are") + " skipped too";
        return Finding.fail(stage.id(), "cannot run on this machine: " + why + consequence,
                "provide what is missing (see docs/stages/), or stop the run before it with `--until "
                        + previous(stage).id() + "`");
    }

    private static StageId previous(StageId stage) {
        return stage.ordinal() == 0 ? stage : StageId.values()[stage.ordinal() - 1];
    }

    private static Finding notBuilt(List<String> stages, boolean withRecipe) {
        String detail = "not built in this version of wkforge: " + String.join(", ", stages);
        StageId first = StageId.parse(stages.get(0));
        String fix = first.ordinal() == 0 ? "use a build of wkforge that has its stages"
                : "a run can go as far as `--until " + previous(first).id() + "`";
        return withRecipe ? Finding.fail("stages", detail, fix) : Finding.warn("stages", detail, fix);
    }
}
