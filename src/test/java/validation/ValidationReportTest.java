package validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.PolicyValidationPluginReport;
import software.amazon.awscdk.PolicyViolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CDK's report shape, built in Java; {@link ParallelTemplateValidationTest} compares it with the CDK's own. */
class ValidationReportTest {

    static TemplateDiagnostic finding(String rule, String severity, String logicalId, String path) {
        return new TemplateDiagnostic(rule, severity, logicalId, path, "is wrong", "fix it", "Schema");
    }

    @Test
    void oneViolationPerRuleAndSeverityListsEveryResourceInOrder() {
        PolicyValidationPluginReport report = ValidationReport.of(List.of(
                new ValidationReport.TemplateFindings("dev", "dev.template.json", List.of(
                        finding("F3031", "ERROR", "Repository", "Properties.RepositoryName"),
                        finding("F3031", "WARN", "Repository", "Properties.RepositoryName"))),
                new ValidationReport.TemplateFindings("prod", "prod.template.json", List.of(
                        finding("F3031", "FATAL", "Other", null)))));

        assertThat(report.getViolations()).extracting(PolicyViolation::getRuleName, PolicyViolation::getSeverity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("F3031", "error"), org.assertj.core.groups.Tuple.tuple("F3031", "warning"));
        PolicyViolation first = report.getViolations().get(0);
        assertThat(first.getDescription()).isEqualTo("RepositoryName: is wrong");
        assertThat(first.getFix()).isEqualTo("fix it");
        assertThat(first.getRuleMetadata()).isEqualTo(Map.of("category", "Schema"));
        assertThat(first.getViolatingResources()).extracting(r -> r.getTemplatePath() + "#" + r.getResourceLogicalId() + r.getLocations())
                .containsExactly("dev.template.json#Repository[Properties.RepositoryName]", "prod.template.json#Other[]");
        assertThat(report.getSuccess()).isFalse();
    }

    @Test
    void aTemplateFindingNamesTheStackAndWarningsAlonePass() {
        PolicyValidationPluginReport report = ValidationReport.of(List.of(new ValidationReport.TemplateFindings(
                "shop-dev", "shop-dev.template.json", List.of(finding("W2001", "WARN", null, null)))));

        assertThat(report.getSuccess()).isTrue();
        PolicyViolation violation = report.getViolations().get(0);
        assertThat(violation.getDescription()).isEqualTo("is wrong");
        assertThat(violation.getViolatingResources().get(0).getConstructPath()).isEqualTo("shop-dev");
        assertThat(violation.getViolatingResources().get(0).getResourceLogicalId()).isNull();
    }

    @Test
    void severitiesMapToTheCdksNames() {
        assertThat(List.of("FATAL", "ERROR", "WARN", "INFO", "DEBUG", "SOMETHING")).map(ValidationReport::severity)
                .containsExactly("error", "error", "warning", "informational", "debug", "warning");
    }

    @Test
    void workerCountDefaultsToTheProcessorsUpToFourAndZeroTurnsWorkersOff() {
        assertThat(ParallelTemplateValidation.workerCount(null, 2)).isEqualTo(2);
        assertThat(ParallelTemplateValidation.workerCount(" ", 16)).isEqualTo(4);
        assertThat(ParallelTemplateValidation.workerCount(null, 1)).isEqualTo(1);
        assertThat(ParallelTemplateValidation.workerCount("0", 8)).isZero();
        assertThat(ParallelTemplateValidation.workerCount("6", 2)).isEqualTo(6);
        assertThatThrownBy(() -> ParallelTemplateValidation.workerCount("two", 2))
                .hasMessageContaining(ParallelTemplateValidation.WORKERS_ENV + "=two").hasMessageContaining("0 or more");
        assertThatThrownBy(() -> ParallelTemplateValidation.workerCount("-1", 2)).hasMessageContaining("0 or more");
    }

    @Test
    void oneWorkerPerThreeMegabytesOfTemplatesAfterTheFirst() {
        long extra = ParallelTemplateValidation.BYTES_PER_EXTRA_WORKER;
        assertThat(ParallelTemplateValidation.workersFor(0)).isEqualTo(1);
        assertThat(ParallelTemplateValidation.workersFor(extra - 1)).isEqualTo(1);
        assertThat(ParallelTemplateValidation.workersFor(extra)).isEqualTo(2);
        assertThat(ParallelTemplateValidation.workersFor(4 * extra + 1)).isEqualTo(5);
        assertThat(ParallelTemplateValidation.workersFor(Long.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void theAssemblyListsNestedStagesTemplatesWithTheirEnvironments(@TempDir Path outdir) throws IOException {
        Files.writeString(outdir.resolve("manifest.json"), """
                {"artifacts": {
                  "shop-dev": {"type": "aws:cloudformation:stack", "environment": "aws://111111111111/eu-west-1",
                               "properties": {"templateFile": "shop-dev.template.json"}},
                  "Tree": {"type": "cdk:tree"},
                  "assembly-Prod": {"type": "cdk:cloud-assembly", "properties": {"directoryName": "assembly-Prod"}}}}""");
        Files.createDirectories(outdir.resolve("assembly-Prod"));
        Files.writeString(outdir.resolve("assembly-Prod/manifest.json"), """
                {"artifacts": {"Prodshop": {"type": "aws:cloudformation:stack",
                  "environment": "aws://unknown-account/unknown-region", "properties": {"templateFile": "Prodshop.template.json"}}}}""");

        assertThat(CloudAssembly.root(outdir.resolve("assembly-Prod"))).isEqualTo(outdir);
        List<CloudAssembly.StackTemplate> expected = List.of(
                new CloudAssembly.StackTemplate(outdir.resolve("shop-dev.template.json"), "shop-dev", "111111111111", "eu-west-1"),
                new CloudAssembly.StackTemplate(outdir.resolve("assembly-Prod/Prodshop.template.json"), "Prodshop", null, null));
        assertThat(CloudAssembly.templatesIn(outdir)).isEqualTo(expected);
        // The compliance report reads the same assembly through the same reader.
        CloudAssembly assembly = CloudAssembly.read(outdir);
        assertThat(assembly.stacks()).isEqualTo(expected);
        assertThat(assembly.errors()).isEmpty();
        assertThat(assembly.failedBefore()).isEmpty();
    }

    @Test
    void aSynthesisThatFailedBeforeWritingIsRecordedBesideTheEarlierAssemblyAndClearedByTheNext(@TempDir Path outdir)
            throws IOException {
        Files.writeString(outdir.resolve("manifest.json"), """
                {"artifacts": {"shop-dev": {"type": "aws:cloudformation:stack", "environment": "aws://111111111111/eu-west-1",
                               "properties": {"templateFile": "shop-dev.template.json"}}}}""");

        CloudAssembly.recordFailure(outdir, "platform.yaml: 1 problem");

        assertThat(CloudAssembly.read(outdir).failedBefore()).contains("platform.yaml: 1 problem");
        assertThat(CloudAssembly.read(outdir).stacks()).hasSize(1);
        CloudAssembly.clearFailure(outdir);
        assertThat(CloudAssembly.read(outdir).failedBefore()).isEmpty();
    }

    @Test
    void aFailedFirstSynthesisLeavesOnlyItsRecord(@TempDir Path dir) {
        Path outdir = dir.resolve("cdk.out");

        CloudAssembly.recordFailure(outdir, "platform.yaml: platform file not found.");

        assertThat(CloudAssembly.isAssembly(outdir)).isTrue();
        CloudAssembly assembly = CloudAssembly.read(outdir);
        assertThat(assembly.stacks()).isEmpty();
        assertThat(assembly.failedBefore()).contains("platform.yaml: platform file not found.");
    }
}
