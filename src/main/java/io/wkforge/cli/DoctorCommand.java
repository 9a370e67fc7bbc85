package io.wkforge.cli;

import io.wkforge.lang.check.CheckResult;
import io.wkforge.lang.model.EffectiveRecipe;
import io.wkforge.run.Doctor;
import io.wkforge.run.Finding;
import io.wkforge.run.StageRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "doctor", description = "Check that this machine has what wkforge needs (Java, native libraries, "
        + "external tools) and, given a recipe, that its board can be reached. One line per check, with a fix for each "
        + "problem. Exit 0 when everything needed is there, 3 when not.")
final class DoctorCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RECIPE", arity = "0..1", description = "Also check what this recipe needs (its board, its tools).")
    Path file;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Override a param or a setting (block.key).")
    List<String> sets;

    @Option(names = "--accept-new-host-key", description = "If the recipe's board (via ssh) is not in known_hosts yet, "
            + "trust its host key and add it there (check the fingerprint this prints against the board's). "
            + "A changed key is still refused.")
    boolean acceptNewHostKey;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EffectiveRecipe recipe = null;
        if (file != null) {
            List<String> overrides = new ArrayList<>(sets == null ? List.of() : sets);
            if (acceptNewHostKey) overrides.add("deploy.host_key=accept_new");
            CheckResult r = RecipeLoader.check(file, overrides, false);
            if (!RecipeLoader.report(r, spec.commandLine().getErr())) return ExitCodes.USAGE;
            if (r.fragment()) throw new UserError(file + " has no classes block: it is a fragment to `use`, not a recipe");
            recipe = r.recipe();
        } else if (acceptNewHostKey) {
            throw new UserError("--accept-new-host-key needs the recipe whose board to trust");
        }
        out.println("wkforge " + Version.current() + " on " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + (recipe != null ? ", for " + file : ""));
        out.flush();
        List<Finding> findings = new Doctor(StageRegistry.discover()).run(recipe, f -> print(f, out));
        long failed = findings.stream().filter(f -> f.status() == Finding.Status.FAIL).count();
        long warned = findings.stream().filter(f -> f.status() == Finding.Status.WARN).count();
        if (failed == 0) {
            out.println("ok: everything " + (recipe != null ? "the recipe needs" : "wkforge needs") + " is here"
                    + (warned > 0 ? " (" + warned + " warning" + (warned == 1 ? "" : "s") + ")" : ""));
            return ExitCodes.OK;
        }
        out.println(failed + " problem" + (failed == 1 ? "" : "s") + ": " + (recipe != null
                ? "this recipe cannot run to its end on this machine" : "wkforge cannot run every stage on this machine"));
        return ExitCodes.STAGE_FAILED;
    }

    private static void print(Finding f, PrintWriter out) {
        String status = switch (f.status()) {
            case OK -> "ok";
            case WARN -> "warn";
            case FAIL -> "FAIL";
        };
        out.printf("  %-5s %-8s %s%n", status, f.topic(), f.detail());
        if (f.fix() != null && f.status() != Finding.Status.OK) out.printf("  %-5s %-8s fix: %s%n", "", "", f.fix());
        out.flush();
    }
}
