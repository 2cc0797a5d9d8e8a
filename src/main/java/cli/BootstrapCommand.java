package cli;

import bootstrap.BootstrapFiles;
import bootstrap.BootstrapPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import platform.Platform;
import platform.PlatformFileException;
import platform.PlatformLoader;
import snapshots.SnapshotApp;
import software.amazon.awscdk.App;
import software.amazon.awscdk.cxapi.CloudAssembly;
import stacks.DeliveryPipeline;
import stacks.PlatformStacks;
import stacks.ShardMap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code bootstrap --platform <file> [--out <dir>] [--check]}: synthesizes the platform file (no AWS access), derives
 * which accounts and regions to bootstrap, with which {@code --trust}, in which order, and writes each account's
 * least-privilege CloudFormation execution policy ({@link BootstrapPlan}, {@link BootstrapFiles}).
 */
@Command(name = "bootstrap", mixinStandardHelpOptions = true,
        description = "Derives the cdk bootstrap commands and each account's least-privilege execution policy from the"
                + " synthesized platform file.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:files written, or --check found them current",
                "1:--check found missing, changed or extra files (each is printed), or synthesis failed",
                "2:the platform file has problems, or the assembly cannot be bootstrapped (each is printed)"})
public final class BootstrapCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int OUT_OF_DATE = 1;
    public static final int INVALID = 2;

    @Option(names = "--platform", required = true, paramLabel = "<file>", description = "The platform file (YAML or JSON).")
    private Path platformFile;

    @Option(names = "--out", paramLabel = "<dir>", description = "Output directory. Default: bootstrap/ next to the platform file.")
    private Path out;

    @Option(names = "--cdk-json", paramLabel = "<file>", defaultValue = "cdk.json",
            description = "The cdk.json whose context (feature flags) the synthesis uses. Default: ${DEFAULT-VALUE}.")
    private Path cdkJson;

    @Option(names = "--check", description = "Write nothing; exit 1 when the files in <dir> differ from freshly generated ones.")
    private boolean check;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path dir = out != null ? out : platformFile.toAbsolutePath().getParent().resolve("bootstrap");
        String shownFile = WorkflowsCommand.relative(platformFile);
        Map<String, String> files;
        BootstrapPlan plan;
        try {
            Platform platform = PlatformLoader.load(platformFile);
            if (!Files.isRegularFile(cdkJson)) {
                spec.commandLine().getErr().println("--cdk-json " + cdkJson + ": no such file. Hint: run from the repository"
                        + " root, or pass --cdk-json <path to the project's cdk.json>");
                return INVALID;
            }
            App app = SnapshotApp.create(cdkJson);
            PlatformStacks.create(app, platform, shownFile, ShardMap.forPlatformFile(platformFile));
            CloudAssembly assembly = app.synth();
            plan = BootstrapPlan.of(assembly, platform.name());
            files = BootstrapFiles.render(plan, shownFile,
                    platform.deliveryPipeline().isPresent() ? DeliveryPipeline.stackName(platform.name()) : null);
        } catch (PlatformFileException | IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return INVALID;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("error: " + shownFile + ": synthesis failed: " + firstParagraph(e));
            return OUT_OF_DATE;
        }
        if (check) {
            return check(dir, files);
        }
        Files.createDirectories(dir);
        for (String stale : existing(dir)) {
            if (!files.containsKey(stale) && stale.endsWith(".execution-policy.json")) {
                Files.delete(dir.resolve(stale));
            }
        }
        for (var file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        BootstrapFiles.commands(plan).forEach(spec.commandLine().getOut()::println);
        spec.commandLine().getOut().println(WorkflowsCommand.relative(dir) + ": wrote " + files.size() + " files");
        return OK;
    }

    private int check(Path dir, Map<String, String> files) throws IOException {
        List<String> differences = new ArrayList<>();
        for (var file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            if (!Files.exists(path)) {
                differences.add(WorkflowsCommand.relative(path) + ": missing");
            } else if (!Files.readString(path, StandardCharsets.UTF_8).equals(file.getValue())) {
                differences.add(WorkflowsCommand.relative(path) + ": differs from the generated file");
            }
        }
        for (String existing : existing(dir)) {
            if (!files.containsKey(existing)) {
                differences.add(WorkflowsCommand.relative(dir.resolve(existing)) + ": not generated (an account no stack deploys to any more?)");
            }
        }
        if (differences.isEmpty()) {
            spec.commandLine().getOut().println(WorkflowsCommand.relative(dir) + ": " + files.size() + " files are current");
            return OK;
        }
        differences.forEach(spec.commandLine().getErr()::println);
        spec.commandLine().getErr().println("Fix: bin/ecr-blueprint bootstrap --platform " + WorkflowsCommand.relative(platformFile)
                + (out == null ? "" : " --out " + WorkflowsCommand.relative(out)));
        return OUT_OF_DATE;
    }

    private static TreeSet<String> existing(Path dir) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    /** jsii appends the JavaScript stack to messages that cross from Node; the first paragraph is the message. */
    private static String firstParagraph(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int jsStack = message.indexOf("\n    at ");
        return (jsStack < 0 ? message : message.substring(0, jsStack)).strip();
    }
}
