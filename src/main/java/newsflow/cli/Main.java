package newsflow.cli;

import java.util.ServiceLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code newsflow} command line. Subcommands: {@code demo}, {@code run}, {@code ingest},
 * {@code process}, {@code bench}, and those other jars add ({@link Subcommand}: {@code eval}
 * from the evaluation jar). Each explains itself with {@code --help}.
 */
@Command(name = "newsflow", mixinStandardHelpOptions = true, usageHelpWidth = 100, version = "newsflow 0.1.0",
    description = {
        "News-processing pipeline on Kafka Streams: cleans raw news pages, drops duplicates,",
        "links rewrites and tags people, organisations and places.",
        "",
        "Without --bootstrap-servers, commands start a real single-node Kafka broker in this",
        "process (KRaft, about 3 s), so nothing needs to be installed.",
        ""},
    subcommands = {DemoCommand.class, RunCommand.class, IngestCommand.class,
        ProcessCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests and for {@link #main}). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        for (Subcommand extra : ServiceLoader.load(Subcommand.class)) {
            commandLine.addSubcommand(extra);
        }
        if (args.length > 0 && "eval".equals(args[0]) && !commandLine.getSubcommands().containsKey("eval")) {
            System.err.println("newsflow: 'eval' comes with the evaluation tools (target/newsflow-eval.jar), which the "
                + "runnable jar does not hold; run it as ./newsflow eval, or put newsflow-eval.jar on the class path "
                + "beside newsflow.jar");
            return 2;
        }
        return commandLine
            .setExecutionExceptionHandler((e, cmd, parsed) -> {
                cmd.getErr().println("newsflow: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
                if (System.getenv("NEWSFLOW_DEBUG") != null) {
                    e.printStackTrace(cmd.getErr());
                }
                return 1;
            })
            .execute(args);
    }
}
