package compliance.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PublicRepositoryReportTest {

    static String template(String tags) {
        return """
                {"Resources": {"Cli": {"Type": "AWS::ECR::PublicRepository",
                  "Properties": {"RepositoryName": "tools/cli", "Tags": %s},
                  "Metadata": {"aws:cdk:path": "tools-public/cli/Resource"}}}}
                """.formatted(tags);
    }

    @Test
    void aTaggedPublicRepositoryIsADocumentedExceptionThatPassesEcr4(@TempDir Path cdkOut) throws Exception {
        assembly(cdkOut, template("[{\"Key\": \"platform\", \"Value\": \"tools\"}]"));

        ComplianceReport report = ComplianceReport.read(cdkOut);

        assertThat(report.repositories()).isEmpty();
        assertThat(report.exceptions()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("tools-public/cli/Resource (public repository tools/cli)");
            assertThat(e.controls()).isEqualTo("ECR.1, ECR.2, ECR.3, ECR.5, CT.ECR.PR.1-3, CKV_AWS_32/51/136/163");
            assertThat(e.reason()).endsWith("Security Hub ECR.4 (public repositories are tagged): PASS");
        });
    }

    @Test
    void anUntaggedPublicRepositoryFailsEcr4(@TempDir Path cdkOut) throws Exception {
        assembly(cdkOut, template("[]"));

        assertThat(ComplianceReport.read(cdkOut).exceptions()).singleElement()
                .satisfies(e -> assertThat(e.reason()).endsWith("Security Hub ECR.4 (public repositories are tagged): FAIL"));
    }

    /** A cloud assembly of one stack, tools-public, as the CDK writes it: the template and the manifest that lists it. */
    private static void assembly(Path cdkOut, String template) throws Exception {
        Files.writeString(cdkOut.resolve("tools-public.template.json"), template);
        Files.writeString(cdkOut.resolve("manifest.json"), """
                {"version": "48.0.0", "artifacts": {"tools-public": {"type": "aws:cloudformation:stack",
                  "properties": {"templateFile": "tools-public.template.json"}}}}
                """);
    }
}
