package io.wkforge.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "wkforge",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Turns a .recipe into a model on a HiSilicon NNIE board: frames, dataset, training, "
                + "Caffe export, quantization (.wk) and deployment, with caching.",
        subcommands = {CheckCommand.class, FmtCommand.class, RenderCommand.class, PlanCommand.class,
                RunCommand.class, DocsCommand.class, LspCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line with the given streams; the entry point for tests too. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserError ue) {
                commandLine.getErr().println("wkforge: error: " + ue.getMessage());
                return ExitCodes.USAGE;
            }
            commandLine.getErr().println("wkforge: internal error: " + ex);
            if (System.getenv("WKFORGE_DEBUG") != null) ex.printStackTrace(commandLine.getErr());
            else commandLine.getErr().println("This is a bug in wkforge; please report it with the command you ran "
                    + "(set WKFORGE_DEBUG=1 for a stack trace).");
            return ExitCodes.INTERNAL;
        });
        cli.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("wkforge: error: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
            c.getErr().println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
