package io.wkforge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "run", description = "(being built)")
final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("`run` is not built yet");
    }
}
