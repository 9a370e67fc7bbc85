package io.wkforge.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "wkforge",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = Version.class,
        description = "Turns a .recipe into a model on a HiSilicon NNIE board: frames, dataset, training, "
                + "Caffe export, quantization (.wk) and deployment, with caching.")
public final class Main implements Runnable {
    /**
     * The subcommands, in the order help lists them. Only the one being run is given to picocli
     * (building the model of every command by reflection costs each start ~0.1 s); help, an
     * unknown or no command get them all, for the listing and "did you mean".
     */
    private static final java.util.Map<String, java.util.function.Supplier<Object>> COMMANDS = commands();

    private static java.util.Map<String, java.util.function.Supplier<Object>> commands() {
        java.util.Map<String, java.util.function.Supplier<Object>> m = new java.util.LinkedHashMap<>();
        m.put("demo", DemoCommand::new);
        m.put("check", CheckCommand::new);
        m.put("fmt", FmtCommand::new);
        m.put("render", RenderCommand::new);
        m.put("plan", PlanCommand::new);
        m.put("run", RunCommand::new);
        m.put("runs", RunsCommand::new);
        m.put("lint-caffe", LintCaffeCommand::new);
        m.put("inspect", InspectCommand::new);
        m.put("graph", GraphCommand::new);
        m.put("inspect", InspectCommand::new);
        m.put("doctor", DoctorCommand::new);
        m.put("docs", DocsCommand::new);
        m.put("lsp", LspCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        m.put(ClassCacheCommand.NAME, ClassCacheCommand::new);
        return m;
    }

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
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // what picocli would print, without building its model (~0.1-0.2 s of a 0.25 s budget)
            for (String line : new Version().getVersion()) out.println(line);
            out.flush();
            return ExitCodes.OK;
        }
        CommandLine cli = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        if (COMMANDS.containsKey(first) && !first.equals("help")) {
            cli.addSubcommand(first, COMMANDS.get(first).get());
        } else {
            COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
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
        } catch (StackOverflowError | OutOfMemoryError e) { // picocli hands only exceptions to the handler above
            err.println("wkforge: internal error: " + e);
            if (System.getenv("WKFORGE_DEBUG") != null) e.printStackTrace(err);
            else err.println("This is a bug in wkforge; please report it with the command you ran "
                    + "(set WKFORGE_DEBUG=1 for a stack trace).");
            return ExitCodes.INTERNAL;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
