package compliance.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ComplianceReportTest {

    static final Path FIXTURE = Path.of("src/test/resources/compliance/cdk-out");
    private static ComplianceReport report;

    @BeforeAll
    static void read() {
        report = ComplianceReport.read(FIXTURE);
    }

    private static RepositoryResult repository(String name) {
        return report.repositories().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static Map<String, Status> statuses(String name) {
        return repository(name).controls().stream()
                .collect(Collectors.toMap(ControlResult::control, ControlResult::status));
    }

    private static ControlResult control(String name, String control) {
        return repository(name).controls().stream().filter(c -> c.control().equals(control)).findFirst().orElseThrow();
    }

    @Nested
    class Repositories {

        @Test
        void readsEveryTemplateIncludingNestedStageAssemblies() {
            assertThat(report.templates()).containsExactly("assembly-Prod/Prodshop1234ABCD.template.json", "shop-prod.template.json");
            assertThat(report.repositories()).extracting(RepositoryResult::path).containsExactly(
                    "Prod/shop/Repo/Resource", "shop-prod/user-service/Resource", "shop-prod/legacy/Resource");
        }

        @Test
        void aRepositoryWithEveryPracticePassesEveryControl() {
            assertThat(statuses("shop/prod/user-service")).hasSize(Control.values().length)
                    .allSatisfy((control, status) -> assertThat(status).as(control).isEqualTo(Status.PASS));
        }

        @Test
        void aRepositoryWithoutScanOnPushFailsTheThreeScanningControlsOnly() {
            assertThat(statuses("(generated)")).contains(
                    entry("ECR.1", Status.FAIL), entry("CT.ECR.PR.2", Status.FAIL), entry("CKV_AWS_163", Status.FAIL),
                    entry("ECR.2", Status.PASS), entry("ECR.3", Status.PASS), entry("ECR.5", Status.PASS),
                    entry("CKV_AWS_32", Status.PASS));
        }

        @Test
        void theAwsManagedKeyFailsEcr5ButPassesCheckovKms() {
            assertThat(statuses("shop/prod/legacy")).contains(
                    entry("ECR.5", Status.FAIL), entry("CKV_AWS_136", Status.PASS));
            assertThat(control("shop/prod/legacy", "ECR.5").detail())
                    .isEqualTo("EncryptionType KMS with the AWS managed key aws/ecr");
        }

        @Test
        void forAllValuesOnPrincipalOrgIdFailsCkvAws32AndSaysCheckovWouldPassIt() {
            ControlResult result = control("shop/prod/legacy", "CKV_AWS_32");
            assertThat(result.status()).isEqualTo(Status.FAIL);
            assertThat(result.detail()).isEqualTo("statement \"OrganizationPull\" allows principal \"*\" without "
                    + "StringEquals aws:PrincipalOrgID. Checkov's own CKV_AWS_32 passes this policy because it accepts "
                    + "aws:PrincipalOrgID under ForAllValues:, which does not bind the principal (it is true when the key is absent)");
        }

        @Test
        void aSuppressedRuleTurnsItsControlsIntoExceptionsWithTheReason() {
            assertThat(statuses("shop/prod/legacy")).contains(
                    entry("ECR.2", Status.EXCEPTION), entry("CT.ECR.PR.3", Status.EXCEPTION), entry("CKV_AWS_51", Status.EXCEPTION));
            assertThat(control("shop/prod/legacy", "ECR.2").detail()).isEqualTo("ImageTagMutability is MUTABLE; suppressed "
                    + "EcrBlueprint-ECR2: The legacy deploy tooling re-tags latest until its migration in Q3; nothing pulls latest in prod.");
        }

        @Test
        void failuresCountOnlyUnexcusedFailures() {
            // (generated): 3 scanning controls; legacy: ECR.3, CT.ECR.PR.1, ECR.5, CKV_AWS_32.
            assertThat(report.failures()).isEqualTo(7);
        }
    }

    @Nested
    class ExceptionsAndSuppressions {

        @Test
        void aMutablePullThroughCacheCreationTemplateIsADocumentedException() {
            assertThat(report.exceptions()).containsExactly(new DocumentedException("shop-prod.template.json",
                    "shop-prod/DockerHubCache/Template (prefix docker-hub)", "ECR.2, CT.ECR.PR.3, CKV_AWS_51",
                    ComplianceReport.PULL_THROUGH_CACHE_MUTABLE));
        }

        @Test
        void everySuppressionIsListedWithItsReasonAndScope() {
            assertThat(report.suppressions()).containsExactly(
                    new Suppression("shop-prod.template.json", "shop-prod/legacy/Resource", "EcrBlueprint-ECR2",
                            "The legacy deploy tooling re-tags latest until its migration in Q3; nothing pulls latest in prod.",
                            List.of()),
                    new Suppression("shop-prod.template.json", "shop-prod/user-service/Puller/Resource", "AwsSolutions-IAM5",
                            "ecr:GetAuthorizationToken cannot be scoped to a repository.", List.of("Resource::*")));
        }

        @Test
        void cdkNagCsvReportsAreSummarized() {
            assertThat(report.nagReports()).containsExactly(new NagReportSummary("EcrBlueprint-shop-prod-NagReport.csv",
                    1, 1, 1, 0, List.of("EcrBlueprint-ECR3 shop-prod/legacy/Resource: The ECR repository has no valid "
                    + "lifecycle policy, \"rules\" missing.")));
        }
    }

    @Nested
    class Formats {

        @Test
        void markdownHasATableRowPerControl() {
            String md = Format.MD.render(report);
            assertThat(md).contains("| ECR.2 | AWS Security Hub | ECR private repositories should have tag immutability "
                    + "configured | EXCEPTION | ImageTagMutability is MUTABLE; suppressed EcrBlueprint-ECR2: The legacy deploy "
                    + "tooling re-tags latest until its migration in Q3; nothing pulls latest in prod. |");
            assertThat(md).contains("- " + ComplianceReport.CATALOG_NOTES.get(0));
        }

        @Test
        void sarifIsVersion210WithOneRulePerControlAndOneResultPerRepositoryAndControl() throws Exception {
            JsonNode sarif = new ObjectMapper().readTree(Format.SARIF.render(report));
            assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
            assertThat(sarif.path("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
            JsonNode run = sarif.path("runs").get(0);
            assertThat(run.path("tool").path("driver").path("rules")).hasSize(Control.values().length);
            assertThat(run.path("results")).hasSize(3 * Control.values().length);
            JsonNode excepted = run.path("results").get(Control.values().length * 2 + 1);
            assertThat(excepted.path("ruleId").asText()).isEqualTo("ECR.2");
            assertThat(excepted.path("kind").asText()).isEqualTo("fail");
            assertThat(excepted.path("suppressions").get(0).path("kind").asText()).isEqualTo("inSource");
            assertThat(excepted.path("locations").get(0).path("logicalLocations").get(0).path("fullyQualifiedName").asText())
                    .isEqualTo("shop-prod/legacy/Resource");
        }

        @Test
        void jsonRoundTripsTheRepositoryResults() throws Exception {
            JsonNode json = new ObjectMapper().readTree(Format.JSON.render(report));
            assertThat(json.path("repositories").get(1).path("name").asText()).isEqualTo("shop/prod/user-service");
            assertThat(json.path("repositories").get(1).path("controls").get(0).path("status").asText()).isEqualTo("PASS");
        }

        @Test
        void anUnknownFormatNamesTheValidOnes() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Format.parse("html"))
                    .hasMessage("format \"html\" is unknown: must be md, json, sarif or all");
        }
    }
}
