package io.wkforge.cli;

import io.wkforge.lang.schema.StageId;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The recipe and stage-selection options that `plan` and `run` share (a picocli mixin). */
final class PlanOptions {
    @Parameters(paramLabel = "FILE", description = "The recipe.")
    Path file;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Override a param or a setting (block.key).")
    List<String> sets;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: build/<recipe> beside the recipe).")
    Path out;

    @Option(names = "--only", paramLabel = "STAGE", description = "Just this stage (its input stages must be up to date).")
    String only;

    @Option(names = "--until", paramLabel = "STAGE", description = "Stages up to and including this one.")
    String until;

    @Option(names = "--force", paramLabel = "STAGE", description = "Treat this stage as changed (repeatable).")
    List<String> force;

    List<StageId> selectedStages() {
        return StageSelection.stages(only, until);
    }

    Set<StageId> forcedStages() {
        return StageSelection.forced(force);
    }
}
