package io.wkforge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "fmt", description = "(being built)")
final class FmtCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("`fmt` is not built yet");
    }
}
