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

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
