package compliance;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.ecr.CfnRepository;
import software.constructs.Construct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import compliance.rules.ImmutableTags;
import compliance.rules.ScanOnPush;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static compliance.Fixtures.key;
import static compliance.Fixtures.repository;
import static compliance.Fixtures.retained;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComplianceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static App app(Path outdir) {
        return new App(AppProps.builder().outdir(outdir.toString()).analyticsReporting(false).build());
    }

    /** A production repository that breaks every repository practice at once. */
    private static void nonCompliantRepository(Construct scope) {
        Stack stack = new Stack(scope, "Careless");
        Tags.of(stack).add("environment", "prod");
        CfnRepository.Builder.create(stack, "Repo")
                .repositoryPolicyText(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Sid", "Everyone",
                        "Effect", "Allow",
                        "Principal", "*",
                        "Action", List.of("ecr:BatchGetImage")))))
                .build();
    }

    /** The violations of our plugin in the CDK's validation report of {@code outdir}. */
    private static List<JsonNode> violations(Path outdir) throws Exception {
        JsonNode report = JSON.readTree(outdir.resolve("validation-report.json").toFile());
        List<JsonNode> violations = new java.util.ArrayList<>();
        for (JsonNode plugin : report.path("pluginReports")) {
            if (plugin.path("pluginName").asText().equals(EcrBlueprintValidation.NAME)) {
                plugin.path("violations").forEach(violations::add);
            }
        }
        return violations;
    }

    private static Set<String> ruleIds(Path outdir) throws Exception {
        Set<String> ids = new TreeSet<>();
        violations(outdir).forEach(v -> ids.add(v.path("ruleName").asText()));
        return ids;
    }

    @Nested
    class FailingSynthesis {

        @Test
        void aDeliberatelyNonCompliantStackFailsSynthesisWithEveryRuleId(@TempDir Path outdir) throws Exception {
            App app = app(outdir);
            nonCompliantRepository(app);
            Compliance.applyTo(app, Set.of());

            assertThatThrownBy(app::synth).isInstanceOf(RuntimeException.class).hasMessageContaining("Validation failed");
            // AwsSolutions-ECR1 is cdk-nag's error annotation, read from the manifest; the rest are our rules on the template.
            assertThat(ruleIds(outdir)).containsExactly(
                    "AwsSolutions-ECR1",
                    "EcrBlueprint-CustomerManagedKey", "EcrBlueprint-ImmutableTags", "EcrBlueprint-LifecyclePolicy",
                    "EcrBlueprint-NoOpenRepositoryPolicy", "EcrBlueprint-ProductionRetained", "EcrBlueprint-ScanOnPush");
        }

        @Test
        void theFailureNamesTheResourceWhatIsWrongAndTheFix(@TempDir Path outdir) throws Exception {
            App app = app(outdir);
            nonCompliantRepository(app);
            Compliance.applyTo(app, Set.of());

            assertThatThrownBy(app::synth).hasMessageContaining("Validation failed");
            JsonNode immutable = violations(outdir).stream()
                    .filter(v -> v.path("ruleName").asText().equals(ImmutableTags.ID)).findFirst().orElseThrow();
            assertThat(immutable.path("description").asText()).isEqualTo(
                    "[" + ImmutableTags.ID + "] " + new ImmutableTags().info() + " " + new ImmutableTags().explanation());
            assertThat(immutable.path("suggestedFix").asText()).startsWith(new ImmutableTags().fix());
            assertThat(immutable.path("severity").asText()).isEqualTo("error");
            assertThat(immutable.toString()).contains("Careless/Repo");
        }
    }

    @Nested
    class PassingSynthesis {

        @Test
        void aCompliantStackSynthesizesAndWritesOneCsvReportPerPack(@TempDir Path outdir) {
            App app = app(outdir);
            Stack stack = new Stack(app, "Careful");
            retained(repository(stack, "Repo", key(stack, "Key").build()).build());
            Compliance.applyTo(app, Set.of(Pack.NIST_800_53_R5));

            assertThatCode(app::synth).doesNotThrowAnyException();
            assertThat(outdir.resolve("AwsSolutions-Careful-NagReport.csv")).exists();
            assertThat(outdir.resolve("NIST.800.53.R5-Careful-NagReport.csv")).exists();
            assertThat(outdir.resolve("EcrBlueprint-Careful-NagReport.csv")).exists();
            assertThat(outdir.resolve("HIPAA.Security-Careful-NagReport.csv")).doesNotExist();
        }

        @Test
        void theEcrBlueprintReportListsEachRuleResult(@TempDir Path outdir) throws Exception {
            App app = app(outdir);
            Stack stack = new Stack(app, "Careful");
            retained(repository(stack, "Repo", key(stack, "Key").build()).build());
            Compliance.applyTo(app, Set.of());
            app.synth();

            assertThat(Files.readAllLines(outdir.resolve("EcrBlueprint-Careful-NagReport.csv")))
                    .contains("\"" + ScanOnPush.ID + "\",\"Repo\",\"Compliant\",\"N/A\",\"Error\",\""
                            + new ScanOnPush().info() + "\"");
        }
    }

    @Nested
    class Suppressions {

        private static final String REASON = "The legacy deploy tooling re-tags latest until its migration; nothing pulls latest.";

        private App legacy(Path outdir, String suppressedId) {
            App app = app(outdir);
            Stack stack = new Stack(app, "Legacy");
            CfnRepository repository = retained(repository(stack, "Repo", key(stack, "Key").build())
                    .imageTagMutability("MUTABLE").build());
            NagSuppressions.addResourceSuppressions(repository, List.of(NagPackSuppression.builder()
                    .id(suppressedId).reason(REASON).build()));
            Compliance.applyTo(app, Set.of());
            return app;
        }

        @Test
        void aSuppressionWithAReasonLetsSynthesisPassAndIsReported(@TempDir Path outdir) throws Exception {
            assertThatCode(legacy(outdir, ImmutableTags.ID)::synth).doesNotThrowAnyException();
            assertThat(Files.readAllLines(outdir.resolve("EcrBlueprint-Legacy-NagReport.csv"))).contains(
                    "\"" + ImmutableTags.ID + "\",\"Repo\",\"Suppressed\",\"" + REASON + "\",\"Error\",\""
                            + new ImmutableTags().info() + "\"");
            assertThat(ruleIds(outdir)).isEmpty();
        }

        @Test
        void theOldNumberedIdStillSuppressesAndTheReportSaysItIsDeprecated(@TempDir Path outdir) throws Exception {
            assertThatCode(legacy(outdir, "EcrBlueprint-ECR2")::synth).doesNotThrowAnyException();

            assertThat(Files.readAllLines(outdir.resolve("EcrBlueprint-Legacy-NagReport.csv"))).contains(
                    "\"" + ImmutableTags.ID + "\",\"Repo\",\"Suppressed\",\"" + REASON
                            + " (suppressed by the deprecated id EcrBlueprint-ECR2: name " + ImmutableTags.ID + " instead)\",\"Error\",\""
                            + new ImmutableTags().info() + "\"");
            JsonNode deprecated = violations(outdir).get(0);
            assertThat(violations(outdir)).hasSize(1);
            assertThat(deprecated.path("ruleName").asText()).isEqualTo(EcrBlueprintValidation.DEPRECATED_ID);
            assertThat(deprecated.path("severity").asText()).isEqualTo("warning");
            assertThat(deprecated.path("description").asText()).contains("EcrBlueprint-ECR2", ImmutableTags.ID);
        }
    }

    @Nested
    class Stages {

        @Test
        void packsOnTheAppDoNotReachStacksInsideAStage(@TempDir Path outdir) {
            App app = app(outdir);
            nonCompliantRepository(new Stage(app, "Prod"));
            Compliance.applyTo(app, Set.of());

            assertThatCode(app::synth).doesNotThrowAnyException();
        }

        @Test
        void packsOnTheStageCheckItsStacks(@TempDir Path outdir) throws Exception {
            App app = app(outdir);
            Stage stage = new Stage(app, "Prod");
            nonCompliantRepository(stage);
            Compliance.applyTo(stage, Set.of());

            assertThatThrownBy(app::synth).hasMessageContaining("Validation failed");
            assertThat(ruleIds(outdir)).contains(ScanOnPush.ID, "AwsSolutions-ECR1");
        }
    }

    @Nested
    class OurPack {

        @Test
        void aSecondSynthesisReportsTheSame(@TempDir Path outdir) throws Exception {
            App app = app(outdir);
            Stack stack = new Stack(app, "Legacy");
            CfnRepository repository = retained(repository(stack, "Repo", key(stack, "Key").build())
                    .imageTagMutability("MUTABLE").build());
            NagSuppressions.addResourceSuppressions(repository, List.of(NagPackSuppression.builder()
                    .id(ImmutableTags.ID).reason("Legacy tooling re-tags latest until its migration.").build()));
            Compliance.applyTo(app, Set.of());
            app.synth();
            List<String> first = Files.readAllLines(outdir.resolve("EcrBlueprint-Legacy-NagReport.csv"));
            app.synth(software.amazon.awscdk.StageSynthesisOptions.builder().force(true).build());

            assertThat(first).anyMatch(line -> line.contains("\"Suppressed\""));
            assertThat(Files.readAllLines(outdir.resolve("EcrBlueprint-Legacy-NagReport.csv"))).isEqualTo(first);
        }
    }

    @Nested
    class PackIds {
        @Test
        void anUnknownPackIdNamesTheValidOnes() {
            assertThatThrownBy(() -> Pack.fromId("sox"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("compliance pack \"sox\" is unknown: must be one of [nist-800-53-r5, hipaa-security, "
                            + "pci-dss-3.2.1] (AwsSolutions and EcrBlueprint always run)");
        }
    }
}
