package stacks;

import platform.Platform;
import platform.PlatformFileException;
import platform.PlatformLoader;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import validation.CloudAssembly;
import validation.ControlTowerValidation;
import validation.ParallelTemplateValidation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The CDK app the cdk CLI runs (cdk.json → bin/cdk-app). Reads the platform file named by the
 * context value {@code platform} (default {@value #DEFAULT_PLATFORM_FILE}), validates it completely,
 * and only then builds and synthesizes the stacks: a bad file writes no templates, only the record of the failure
 * that `report` reads ({@link CloudAssembly#FAILED_SYNTHESIS}).
 */
public final class BlueprintApp {

    /** The platform file synthesized when the {@code platform} context is not given. */
    public static final String DEFAULT_PLATFORM_FILE = "examples/ecommerce/platform.yaml";

    private BlueprintApp() {
    }

    /**
     * The synthesis thread's stack. jsii serves every call from Node into Java (our cdk-nag rules, node
     * validations) one level deeper on the calling thread's stack, so the depth grows with the number of
     * constructs: the JVM's default 1 MiB overflows at about 100 services x 3 environments. Only the pages
     * used become resident.
     */
    static final long SYNTH_STACK_BYTES = 2L << 30;

    /**
     * Context defaults; cdk.json and {@code cdk synth -c} override them. The CDK records a JavaScript stack
     * trace for every CloudFormation element it creates: from Java it holds only jsii's frames ("no user
     * code"), and capturing it was about 5 % of the jsii Node's work in a profile of 300 services (docs/scale.md).
     */
    static final Map<String, Object> DEFAULT_CONTEXT = Map.of(
            "aws:cdk:disable-creation-stack-traces", true,
            // The same for annotations: their trace holds one jsii frame, which the CLI prints above each warning.
            "aws:cdk:disable-stack-trace", true);

    /**
     * Template bytes one repository adds in one environment, with its role, policy and outputs: 12.3 MB for
     * 1,000 services x 3 environments (bench/synth), rounded up.
     */
    static final long TEMPLATE_BYTES_PER_REPOSITORY = 4_500;

    /**
     * The CDK app of {@code cdk.json}: synthesizes the stacks of the platform file ({@code -c platform=...}).
     *
     * @param args unused
     * @throws InterruptedException when interrupted while template validation workers run
     */
    public static void main(String[] args) throws InterruptedException {
        Thread synth = new Thread(null, BlueprintApp::synthesize, "synth", SYNTH_STACK_BYTES);
        synth.start();
        synth.join();
    }

    private static void synthesize() {
        App app = new App(AppProps.builder()
                .analyticsReporting(false)
                .context(DEFAULT_CONTEXT)
                .build());
        Path outdir = Path.of(app.getOutdir());
        // A failure below writes no assembly and would leave an earlier one looking current: `report` reads this record.
        try {
            CloudAssembly.clearFailure(outdir);
        } catch (java.io.UncheckedIOException e) {
            System.err.println("note: could not remove " + outdir.resolve(CloudAssembly.FAILED_SYNTHESIS) + ": " + e.getMessage());
        }
        try {
            // CloudFormation validation in worker processes that start now and warm up during construction.
            ParallelTemplateValidation.addTo(app);
            // AWS Control Tower's proactive controls (cfn-guard), beside the CloudFormation validation.
            ControlTowerValidation.addTo(app);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            recordFailure(outdir, firstLine(e));
            System.exit(2);
            return;
        }
        Object requested = app.getNode().tryGetContext("platform");
        Path file = Path.of(requested == null ? DEFAULT_PLATFORM_FILE : requested.toString());
        Platform platform;
        try {
            platform = PlatformLoader.load(file, PolicySizeRule.RULES);
        } catch (PlatformFileException e) {
            System.err.println("error: " + e.getMessage());
            recordFailure(outdir, String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                    + " (`bin/ecr-blueprint validate " + file + "` lists every problem)");
            System.exit(2);
            return;
        }
        try {
            PlatformStacks.create(app, platform, file.toString(), ShardMap.forPlatformFile(file));
            ParallelTemplateValidation.expectTemplates(expectedTemplateBytes(platform));
            // Counts fail in synthesis (node validations); a template's size is known only once written.
            StackLimits.CLOUDFORMATION.checkTemplates(app.synth());
        } catch (RuntimeException e) {
            // Construct validation gathers every problem of a value into one message that names the
            // field, the rule and the fix; a stack trace would only bury it. Nothing was written yet
            // when construction fails, and synthesis errors (cdk-nag) are reported by the CDK itself.
            System.err.println("error: " + file + ": " + firstLine(e));
            recordFailure(outdir, file + ": " + firstLine(e));
            if (System.getenv("ECR_BLUEPRINT_DEBUG") != null) {
                e.printStackTrace();
            }
            System.exit(1);
        }
    }

    /** Records the failure for `report`; when the output folder cannot take it, says so instead of a stack trace. */
    private static void recordFailure(Path outdir, String cause) {
        try {
            CloudAssembly.recordFailure(outdir, cause);
        } catch (java.io.UncheckedIOException e) {
            System.err.println("note: could not record the failure in " + outdir + " (" + e.getMessage() + "): an"
                    + " earlier assembly there may look current to `report`");
        }
    }

    /** About how large the platform's templates will be, so validation can start its workers in time. */
    static long expectedTemplateBytes(Platform platform) {
        return (long) platform.services().size() * platform.environments().size() * TEMPLATE_BYTES_PER_REPOSITORY;
    }

    /**
     * jsii appends to messages that cross from Node the JavaScript stack and, for errors thrown by Node while it
     * serves a Java callback, the same message again after {@code @jsii/kernel.RuntimeError: }; the part before
     * either is the message.
     */
    static String firstLine(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        for (String appended : JSII_APPENDED) {
            int at = message.indexOf(appended);
            if (at > 0) {
                message = message.substring(0, at);
            }
        }
        return message.strip();
    }

    private static final List<String> JSII_APPENDED = List.of("\n    at ", "\n@jsii/kernel.RuntimeError: ");
}
