package compliance.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report lists every Control Tower control the synthesis evaluated, per template, from the
 * {@code <stack>.control-tower.json} beside it, and the warnings acknowledged as design choices from
 * {@code <stack>.metadata.json}; a failing control counts as a failure.
 */
class ControlTowerReportTest {

    @Test
    void listsEachControlPerTemplateWithItsStatusAndTheAcknowledgedWarnings(@TempDir Path cdkOut) throws IOException {
        Files.writeString(cdkOut.resolve("shop-dev.template.json"), "{\"Resources\": {}}");
        Files.writeString(cdkOut.resolve("manifest.json"), """
                {"version": "48.0.0", "artifacts": {"shop-dev": {"type": "aws:cloudformation:stack",
                  "properties": {"templateFile": "shop-dev.template.json"}}}}
                """);
        Files.writeString(cdkOut.resolve("shop-dev.control-tower.json"), """
                {"rulesVersion": "0.0.62", "controls": [
                  {"control": "CT.KMS.PR.1", "guardRule": "kms_key_rotation", "status": "PASS",
                   "failingResources": {}, "exceptions": {}},
                  {"control": "CT.KMS.PR.3", "guardRule": "kms_create_grant", "status": "FAIL",
                   "failingResources": {"Key961B73FD": ["/Resources/Key961B73FD/Properties/KeyPolicy"]}, "exceptions": {}},
                  {"control": "CT.S3.PR.9", "guardRule": "s3_object_lock", "status": "EXCEPTION",
                   "failingResources": {}, "exceptions": {"LogsBucket": "server access logging cannot use Object Lock"}},
                  {"control": "CT.EC2.PR.1", "guardRule": "ec2_something", "status": "NOT_ENFORCED",
                   "failingResources": {"Endpoint": []}, "exceptions": {}}
                ]}
                """);
        Files.writeString(cdkOut.resolve("shop-dev.metadata.json"), """
                {"/shop-dev/Registry": [{"type": "aws:cdk:acknowledged-rules",
                  "data": {"ecr-blueprint:mutableCacheTemplate": "ECR refreshes cached tags"}}]}
                """);

        ComplianceReport report = ComplianceReport.read(cdkOut);

        assertThat(report.controlTower()).containsExactly(
                new ControlTowerResult("shop-dev.template.json", "CT.KMS.PR.1", Status.PASS, ""),
                new ControlTowerResult("shop-dev.template.json", "CT.KMS.PR.3", Status.FAIL, "fails on Key961B73FD"),
                new ControlTowerResult("shop-dev.template.json", "CT.S3.PR.9", Status.EXCEPTION,
                        "LogsBucket: server access logging cannot use Object Lock"),
                new ControlTowerResult("shop-dev.template.json", "CT.EC2.PR.1", Status.EXCEPTION,
                        "family not enforced by the platform file (compliance.controlTower.families); fails on Endpoint"));
        assertThat(report.failures()).isEqualTo(1);
        assertThat(report.exceptions()).contains(new DocumentedException("shop-dev.template.json", "shop-dev/Registry",
                "warning ecr-blueprint:mutableCacheTemplate", "ECR refreshes cached tags"));
        assertThat(MarkdownReport.render(report)).contains("## AWS Control Tower proactive controls")
                .contains("| shop-dev.template.json | CT.KMS.PR.3 | FAIL | fails on Key961B73FD |");

        com.fasterxml.jackson.databind.JsonNode sarif = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(SarifReport.render(report)).path("runs").path(0);
        java.util.List<String> rows = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode result : sarif.path("results")) {
            if (result.path("ruleId").asText().startsWith("CT.")) {
                rows.add(result.path("ruleId").asText() + " " + result.path("kind").asText() + " "
                        + result.path("locations").path(0).path("physicalLocation").path("artifactLocation").path("uri").asText()
                        + (result.has("suppressions") ? " suppressed: " + result.path("suppressions").path(0).path("justification").asText() : ""));
            }
        }
        assertThat(rows).containsExactly(
                "CT.KMS.PR.1 pass shop-dev.template.json",
                "CT.KMS.PR.3 fail shop-dev.template.json",
                "CT.S3.PR.9 fail shop-dev.template.json suppressed: LogsBucket: server access logging cannot use Object Lock",
                "CT.EC2.PR.1 fail shop-dev.template.json suppressed: family not enforced by the platform file"
                        + " (compliance.controlTower.families); fails on Endpoint");
        assertThat(sarif.path("tool").path("driver").path("rules").toString()).contains("\"id\":\"CT.KMS.PR.3\"");
    }
}
