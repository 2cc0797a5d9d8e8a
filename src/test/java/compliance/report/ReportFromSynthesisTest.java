package compliance.report;

import compliance.Compliance;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecr.CfnRepository;
import software.amazon.awscdk.services.kms.CfnKey;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The report reads what a real synthesis with {@link Compliance} writes: templates, suppression metadata, cdk-nag CSVs. */
class ReportFromSynthesisTest {

    @Test
    void reportsTheSuppressionAndTheCsvTotalsOfARealSynthesis(@TempDir Path outdir) {
        // Path metadata is what `cdk synth` writes by default; a bare App leaves it out.
        App app = new App(AppProps.builder().outdir(outdir.toString()).analyticsReporting(false)
                .context(Map.of("aws:cdk:enable-path-metadata", true)).build());
        Stack stack = new Stack(app, "shop-prod");
        CfnKey key = CfnKey.Builder.create(stack, "Key").enableKeyRotation(true).keyPolicy(Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(
                        Map.of("Effect", "Allow", "Principal", Map.of("AWS", "arn:aws:iam::222222222222:root"),
                                "Action", "kms:*", "Resource", "*"),
                        Map.of("Effect", "Deny", "Principal", Map.of("AWS", "*"), "Action", "kms:CreateGrant",
                                "Resource", "*",
                                "Condition", Map.of("BoolIfExists", Map.of("kms:GrantIsForAWSResource", "false", "aws:PrincipalIsAWSService", "false"))))))
                .build();
        CfnRepository repository = CfnRepository.Builder.create(stack, "Repo")
                .repositoryName("shop/prod/user-service")
                .imageScanningConfiguration(CfnRepository.ImageScanningConfigurationProperty.builder().scanOnPush(true).build())
                .imageTagMutability("MUTABLE")
                .lifecyclePolicy(CfnRepository.LifecyclePolicyProperty.builder().lifecyclePolicyText(
                        "{\"rules\":[{\"rulePriority\":1,\"selection\":{\"tagStatus\":\"untagged\",\"countType\":"
                                + "\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":7},\"action\":{\"type\":\"expire\"}}]}")
                        .build())
                .encryptionConfiguration(CfnRepository.EncryptionConfigurationProperty.builder()
                        .encryptionType("KMS").kmsKey(key.getAttrArn()).build())
                .build();
        repository.applyRemovalPolicy(RemovalPolicy.RETAIN);
        NagSuppressions.addResourceSuppressions(repository, List.of(NagPackSuppression.builder()
                .id("EcrBlueprint-ECR2").reason("Migrating from the latest tag; see the platform backlog.").build()));
        Compliance.applyTo(app, Set.of());
        app.synth();

        ComplianceReport report = ComplianceReport.read(outdir);

        assertThat(report.failures()).isZero();
        assertThat(report.repositories()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("shop-prod/Repo");
            assertThat(r.logicalId()).isEqualTo("Repo");
            assertThat(r.controls()).filteredOn(c -> c.status() == Status.EXCEPTION).extracting(ControlResult::control)
                    .containsExactly("ECR.2", "CT.ECR.PR.3", "CKV_AWS_51");
        });
        assertThat(report.suppressions()).containsExactly(new Suppression("shop-prod.template.json", "shop-prod/Repo",
                "EcrBlueprint-ECR2", "Migrating from the latest tag; see the platform backlog.", List.of()));
        assertThat(report.nagReports()).extracting(NagReportSummary::file).containsExactly(
                "AwsSolutions-shop-prod-NagReport.csv", "EcrBlueprint-shop-prod-NagReport.csv");
        assertThat(report.nagReports().get(1).suppressed()).isEqualTo(1);
        assertThat(report.nagReports().get(1).nonCompliant()).isZero();
    }
}
