package cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ecr-blueprint lifecycle ...}: lifecycle-policy tools. */
@Command(name = "lifecycle",
        mixinStandardHelpOptions = true,
        description = "Lifecycle-policy tools.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:success", "2:a missing lifecycle command, or unusable input"},
        subcommands = {LifecyclePreviewCommand.class})
public final class LifecycleCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a lifecycle command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
