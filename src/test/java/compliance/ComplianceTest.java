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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static compliance.Fixtures.key;
import static compliance.Fixtures.repository;
import static compliance.Fixtures.retained;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComplianceTest {

    /** Rule id (without finding) after the resource path of each validation error line. */
    private static final Pattern RULE_AFTER_PATH = Pattern.compile("\\[[^\\]]+\\] ([A-Za-z0-9.]+-[A-Za-z0-9]+)[\\[:]");

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

    private static Set<String> ruleIds(String message) {
        var ids = new TreeSet<String>();
        var matcher = RULE_AFTER_PATH.matcher(message);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    @Nested
    class FailingSynthesis {

        @Test
        void aDeliberatelyNonCompliantStackFailsSynthesisWithEveryRuleId(@TempDir Path outdir) {
            App app = app(outdir);
            nonCompliantRepository(app);
            Compliance.applyTo(app, Set.of());

            assertThatThrownBy(app::synth)
                    .isInstanceOf(RuntimeException.class)
                    .hasMessageContaining("Validation failed with the following errors")
                    .satisfies(e -> assertThat(ruleIds(e.getMessage())).containsExactly(
                            "AwsSolutions-ECR1",
                            "EcrBlueprint-ECR1", "EcrBlueprint-ECR2", "EcrBlueprint-ECR3", "EcrBlueprint-ECR4",
                            "EcrBlueprint-ECR5", "EcrBlueprint-ECR7"));
        }

        @Test
        void theFailureNamesTheResourcePathAndTheFix(@TempDir Path outdir) {
            App app = app(outdir);
            nonCompliantRepository(app);
            Compliance.applyTo(app, Set.of());

            assertThatThrownBy(app::synth).hasMessageContaining(
                    "[Careless/Repo] EcrBlueprint-ECR2: " + new compliance.rules.ImmutableTags().info() + " "
                            + new compliance.rules.ImmutableTags().explanation());
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
                    .contains("\"EcrBlueprint-ECR1\",\"Careful/Repo\",\"Compliant\",\"N/A\",\"Error\",\""
                            + new compliance.rules.ScanOnPush().info() + "\"");
        }
    }

    @Nested
    class Suppressions {

        @Test
        void aGranularSuppressionWithAReasonLetsSynthesisPassAndIsReported(@TempDir Path outdir) throws Exception {
            App app = app(outdir);
            Stack stack = new Stack(app, "Legacy");
            CfnRepository repository = retained(repository(stack, "Repo", key(stack, "Key").build())
                    .imageTagMutability("MUTABLE").build());
            NagSuppressions.addResourceSuppressions(repository, List.of(NagPackSuppression.builder()
                    .id("EcrBlueprint-ECR2")
                    .reason("The legacy deploy tooling re-tags latest until its migration; nothing pulls latest.")
                    .build()));
            Compliance.applyTo(app, Set.of());

            assertThatCode(app::synth).doesNotThrowAnyException();
            assertThat(Files.readAllLines(outdir.resolve("EcrBlueprint-Legacy-NagReport.csv"))).contains(
                    "\"EcrBlueprint-ECR2\",\"Legacy/Repo\",\"Suppressed\",\"The legacy deploy tooling re-tags latest "
                            + "until its migration; nothing pulls latest.\",\"Error\",\""
                            + new compliance.rules.ImmutableTags().info() + "\"");
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
        void packsOnTheStageCheckItsStacks(@TempDir Path outdir) {
            App app = app(outdir);
            Stage stage = new Stage(app, "Prod");
            nonCompliantRepository(stage);
            Compliance.applyTo(stage, Set.of());

            assertThatThrownBy(app::synth).hasMessageContaining("[Prod/Careless/Repo] EcrBlueprint-ECR1: ");
        }
    }

    @Nested
    class OurPack {

        @Test
        void addedAsAnAspectItRefusesWithTheWayToApplyIt(@TempDir Path outdir) {
            App app = app(outdir);
            nonCompliantRepository(app);
            software.amazon.awscdk.Aspects.of(app).add(new EcrBlueprintChecks(
                    io.github.cdklabs.cdknag.NagPackProps.builder().build(), EcrBlueprintRules.all()));

            assertThatThrownBy(app::synth).hasMessageContaining(
                    "the EcrBlueprint pack is not an Aspect: apply it with compliance.Compliance.applyTo(scope, packs)");
        }

        @Test
        void aSecondSynthesisDoesNotReportTwice(@TempDir Path outdir) throws Exception {
            App app = app(outdir);
            Stack stack = new Stack(app, "Legacy");
            CfnRepository repository = retained(repository(stack, "Repo", key(stack, "Key").build())
                    .imageTagMutability("MUTABLE").build());
            NagSuppressions.addResourceSuppressions(repository, List.of(NagPackSuppression.builder()
                    .id("EcrBlueprint-ECR2").reason("Legacy tooling re-tags latest until its migration.").build()));
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
