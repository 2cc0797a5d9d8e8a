package cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code ecr-blueprint} command line, started by {@code bin/ecr-blueprint}.
 *
 * <p>Exit codes: 0 success, 1 the command ran and found problems (where a command says so), 2 unusable
 * input (bad options, unreadable or invalid files).
 */
@Command(name = "ecr-blueprint",
        mixinStandardHelpOptions = true,
        version = "ecr-blueprint 0.1.0",
        description = "Amazon ECR best practice: validate platform files, preview lifecycle policies offline, "
                + "report compliance, generate CI workflows, print digest promotions, plan bootstrapping.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:success", "1:the command ran and found problems (where the command says so)",
                "2:unusable input: bad options, unreadable or invalid files"},
        subcommands = {
                ValidateCommand.class,
                LifecycleCommand.class,
                ReportCommand.class,
                WorkflowsCommand.class,
                PromoteCommand.class,
                BootstrapCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** Exit code of unusable input, also for anything a command did not foresee. */
    public static final int UNUSABLE = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with its error handling: an exception a command did not turn into a message is printed as one
     * line ({@code error: <what>}) and exits {@value #UNUSABLE}, never as a Java stack trace
     * ({@code ECR_BLUEPRINT_DEBUG=1} prints the trace too).
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.registerConverter(java.nio.file.Path.class, Main::path);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + describe(e));
            if (System.getenv("ECR_BLUEPRINT_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return UNUSABLE;
        });
        return cli;
    }

    /** A path as the file system takes it; picocli would otherwise name the Java exception of an unusable one. */
    static java.nio.file.Path path(String value) {
        try {
            return java.nio.file.Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw new CommandLine.TypeConversionException("\"" + value.replace("\u0000", "\\0") + "\" is not a usable path ("
                    + e.getReason().toLowerCase(java.util.Locale.ROOT) + ")");
        }
    }

    /** The exception's own message with what it is about (a file's path for most I/O errors). */
    static String describe(Throwable e) {
        Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        if (cause instanceof java.nio.file.AccessDeniedException) {
            return message + ": permission denied";
        }
        if (cause instanceof java.nio.file.NoSuchFileException) {
            return message + ": no such file or directory";
        }
        if (cause instanceof java.nio.file.NotDirectoryException) {
            return message + ": not a directory";
        }
        if (cause instanceof java.nio.file.FileSystemException) {
            return message;
        }
        return message.isEmpty() ? cause.getClass().getSimpleName() : message;
    }
}
