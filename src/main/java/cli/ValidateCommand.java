package cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import platform.Platform;
import platform.PlatformFileException;
import platform.PlatformLoader;
import stacks.PolicySizeRule;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code validate <platform file>} (or {@code validate --platform <platform file>}, as the other commands): checks a platform file completely and prints every problem with its path, line
 * and a hint. Exit code 0 when the file is valid, 2 otherwise (also for a file that is missing or not YAML).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validates a platform file and prints every problem with its path, line and a hint.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the platform file is valid", "2:the platform file has problems (each is printed), or the command line is wrong"})
public final class ValidateCommand implements Callable<Integer> {

    public static final int VALID = 0;
    public static final int INVALID = 2;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<platform file>", description = "The platform file (YAML or JSON).")
    private Path positional;

    @Option(names = "--platform", paramLabel = "<file>", description = "The platform file, as the other commands take it.")
    private Path option;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if ((positional == null) == (option == null)) {
            // picocli's own message for an exclusive group starts with "Error:", which reads like a crash.
            throw new ParameterException(spec.commandLine(), positional == null
                    ? "Missing required argument: <platform file> (or --platform <file>)"
                    : "Give the platform file once: as <platform file> or as --platform <file>, not both");
        }
        Path file = positional != null ? positional : option;
        Platform platform;
        try {
            platform = PlatformLoader.load(file, PolicySizeRule.RULES);
        } catch (PlatformFileException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return INVALID;
        }
        int repositories = platform.environments().size() * platform.services().size();
        spec.commandLine().getOut().println(file + ": valid: platform " + platform.name() + ", "
                + count(platform.environments().size(), "environment") + ", "
                + count(platform.services().size(), "service") + ", "
                + count(repositories, "repository").replace("repositorys", "repositories"));
        return VALID;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
