package validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CloudFormationValidatePlugin;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;
import software.amazon.awscdk.Validations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report of the parallel validation is the CDK's own, for templates with findings of every shape: errors
 * and warnings, on resources and on the template, in two environments and in a nested Stage. When aws-cdk-lib
 * changes its plugin's options or report, this test fails before anyone sees a difference.
 */
@Tag("validated")
class ParallelTemplateValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path outdirs;

    static JsonNode cdkReport;

    @BeforeAll
    static void synthesizeWithTheCdksOwnValidation() throws IOException {
        cdkReport = synthesize("cdk", app -> { });
    }

    @Test
    void theWorkersRunTheValidatorVersionAwsCdkLibBundles() {
        // The CDK's own plugin says which version it bundles; the launcher path never builds it, so the constant must match.
        assertThat(new CloudFormationValidatePlugin().getVersion()).isEqualTo(ParallelTemplateValidation.BUNDLED_VALIDATOR_VERSION);
        assertThat(ParallelTemplateValidation.shared().getVersion()).isEqualTo(ParallelTemplateValidation.BUNDLED_VALIDATOR_VERSION);
    }

    @Test
    void registeredAsItIsTheReportIsTheCdksToo() throws IOException {
        // Under bin/launch the CDK adds no plugin of its own (CDK_VALIDATION=false in its Node); here it does, so
        // the report holds the CDK's and ours, and ours must equal the CDK's.
        ParallelTemplateValidation plugin = ParallelTemplateValidation.shared();
        JsonNode both = synthesize("plain", app -> Validations.of(app).addPlugins(plugin));

        assertThat(both.path("pluginReports")).hasSize(2);
        assertThat(both.path("pluginReports").get(0)).isEqualTo(both.path("pluginReports").get(1));
        assertThat(both.path("pluginReports").get(0)).isEqualTo(cdkReport.path("pluginReports").get(0));
    }

    @Test
    void underTheLaunchersSettingsTheCdkBuildsNoPluginAndOursReportsWhatTheCdkWould() throws Exception {
        // bin/launch's environment, in a JVM of its own (its jsii Node inherits it): the CDK adds no plugin, ours validates.
        Path outdir = outdirs.resolve("launcher");
        ProcessBuilder launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LauncherApp.class.getName(), outdir.toString())
                .redirectErrorStream(true);
        launcher.environment().put("CDK_VALIDATION", "false");
        launcher.environment().put(ParallelTemplateValidation.TEMPLATE_VALIDATION_ENV, "workers");
        Process process = launcher.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).doesNotContain("note: CloudFormation validation runs in the CDK's own process");
        JsonNode report = violationsInAnyOrder(JSON.readTree(Files.readString(outdir.resolve("validation-report.json"))));
        assertThat(report.path("pluginReports")).as("one report: ours, none from a plugin of the CDK's").hasSize(1);
        assertThat(report).isEqualTo(cdkReport);
    }

    /** The broken app of {@link #synthesize} with {@link ParallelTemplateValidation#addTo}, as BlueprintApp registers it. */
    public static final class LauncherApp {
        public static void main(String[] args) {
            Path outdir = Path.of(args[0]);
            App app = new App(AppProps.builder().outdir(outdir.toString()).analyticsReporting(false)
                    .context(Map.of("@aws-cdk/core:failSynthOnValidationErrors", false)).build());
            ParallelTemplateValidation.addTo(app);
            brokenStack(app, "dev", "111111111111");
            brokenStack(app, "prod", "222222222222");
            Stage stage = new Stage(app, "Staged", StageProps.builder().build());
            brokenStack(stage, "staging", "333333333333");
            app.synth();
            System.exit(0);
        }
    }

    @Test
    void theWorkersReportWhatTheCdkReports() throws IOException {
        assertThat(cdkReport.path("pluginReports")).isNotEmpty();
        ParallelTemplateValidation plugin = ParallelTemplateValidation.shared();
        int before = plugin.validatedInWorkers();
        assertThat(synthesize("workers", app -> Validations.of(app).addPlugins(plugin.inPlaceOfTheCdksDefault()))).isEqualTo(cdkReport);
        assertThat(plugin.validatedInWorkers() - before).as("templates validated in the workers").isEqualTo(3);
        assertThat(plugin.fallbacks()).isZero();
    }

    @Test
    void withoutTheValidatorPackageItFallsBackToTheCdksValidation(@TempDir Path noNodeModules) throws IOException {
        TemplateValidationWorkers workers = new TemplateValidationWorkers(1, "node", noNodeModules);
        assertThat(workers.engineVersion()).failsWithin(Duration.ofSeconds(60));
        ParallelTemplateValidation plugin = new ParallelTemplateValidation(workers);
        assertThat(synthesize("fallback", app -> Validations.of(app).addPlugins(plugin.inPlaceOfTheCdksDefault()))).isEqualTo(cdkReport);
        assertThat(plugin.fallbacks()).as("one per environment").isEqualTo(3);
        assertThat(plugin.validatedInWorkers()).isZero();
    }

    @Test
    void aWorkerThatCannotStartIsExplainedOnceAndTheCdkValidatesInstead(@TempDir Path directory) throws IOException {
        TemplateValidationWorkers workers = new TemplateValidationWorkers(1, directory.resolve("no-such-node").toString(), directory);
        ParallelTemplateValidation plugin = new ParallelTemplateValidation(workers);
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        JsonNode report;
        try {
            report = synthesize("broken-worker", app -> Validations.of(app).addPlugins(plugin.inPlaceOfTheCdksDefault()));
        } finally {
            System.setErr(originalErr);
        }
        assertThat(report).isEqualTo(cdkReport);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("note: CloudFormation validation runs")))
                .singleElement().asString().contains("no-such-node").contains("Hint: run `npm ci`");
    }

    /** The validation report of an app whose templates break schema rules in several ways. */
    static JsonNode synthesize(String name, Consumer<App> register) throws IOException {
        Path outdir = outdirs.resolve(name);
        // The CDK still writes the whole report to validation-report.json; it would also print it, every time.
        App app = new App(AppProps.builder().outdir(outdir.toString()).analyticsReporting(false)
                .context(Map.of("@aws-cdk/core:failSynthOnValidationErrors", false)).build());
        register.accept(app);
        brokenStack(app, "dev", "111111111111");
        brokenStack(app, "prod", "222222222222");
        Stage stage = new Stage(app, "Staged", StageProps.builder().build());
        brokenStack(stage, "staging", "333333333333");
        app.synth();
        return violationsInAnyOrder(JSON.readTree(Files.readString(outdir.resolve("validation-report.json"))));
    }

    /**
     * The report with each plugin's violations sorted. Their order is the order of the environments, which
     * depends on where a plugin is registered: the CDK's default instance is registered on every Stage
     * (nested Stages' stacks come first), ours on the App (its stacks come first, nested ones after).
     */
    static JsonNode violationsInAnyOrder(JsonNode report) {
        for (JsonNode plugin : report.path("pluginReports")) {
            List<JsonNode> violations = new ArrayList<>();
            plugin.path("violations").forEach(violations::add);
            violations.sort(Comparator.comparing(JsonNode::toString));
            ((ArrayNode) plugin.path("violations")).removeAll().addAll(violations);
        }
        return report;
    }

    private static void brokenStack(software.constructs.Construct scope, String name, String account) {
        Stack stack = new Stack(scope, name, StackProps.builder()
                .env(Environment.builder().account(account).region("eu-west-1").build()).build());
        // Schema errors on a resource: a name ECR rejects and a value outside an enumeration.
        CfnResource.Builder.create(stack, "Repository").type("AWS::ECR::Repository").properties(Map.of(
                "RepositoryName", "Not A Valid Name!", "ImageTagMutability", "SOMETIMES")).build();
        // The same rule on a second resource: one violation listing both.
        CfnResource.Builder.create(stack, "OtherRepository").type("AWS::ECR::Repository").properties(Map.of(
                "RepositoryName", "Also Invalid!")).build();
        CfnResource.Builder.create(stack, "Role").type("AWS::IAM::Role").properties(Map.of(
                "AssumeRolePolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Effect", "Allow", "Principal", Map.of("Service", "ecs-tasks.amazonaws.com"), "Action", "sts:AssumeRole"))),
                "MaxSessionDuration", 60)).build();
        // A finding on the template rather than a resource: a parameter nothing uses.
        CfnParameter.Builder.create(stack, "Unused").type("String").defaultValue("x").build();
    }
}
