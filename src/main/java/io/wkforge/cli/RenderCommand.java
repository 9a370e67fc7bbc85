package io.wkforge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "render", description = "(being built)")
final class RenderCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("`render` is not built yet");
    }
}
