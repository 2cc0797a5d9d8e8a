package validation;

import constructs.repository.RepositoryKey;
import constructs.repository.RepositoryKeyProps;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import snapshots.SnapshotApp;
import software.amazon.awscdk.App;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.CfnKey;
import software.amazon.awscdk.services.kms.Key;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Control Tower controls, judged by AWS's own cfn-guard rules through the CDK's validation report: a key policy
 * without the grant guard fails synthesis naming CT.KMS.PR.3 and the key; the project's key passes; an exception or
 * a family the platform does not enforce lets synthesis pass and is recorded for the compliance report.
 */
@Tag("validated")
class ControlTowerValidationTest {

    /** A key whose policy only admits the account root: no statement limits grants to AWS services. */
    private static Key keyWithoutGrantGuard(Stack stack) {
        return Key.Builder.create(stack, "Key")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.DESTROY)
                .policy(PolicyDocument.Builder.create().statements(List.of(PolicyStatement.Builder.create()
                        .principals(List.of(new AccountRootPrincipal()))
                        .actions(List.of("kms:*"))
                        .resources(List.of("*"))
                        .build())).build())
                .build();
    }

    private static Stack stack(App app, String name) {
        return new Stack(app, name, StackProps.builder().env(SnapshotApp.fixedEnvironment()).build());
    }

    @Test
    void aKeyPolicyWithoutTheGrantGuardFailsSynthesisNamingCtKmsPr3() {
        App app = SnapshotApp.create();
        keyWithoutGrantGuard(stack(app, "leaky"));

        assertThatThrownBy(app::synth).hasMessageContaining("Validation failed");

        // The CDK prints the report and names its file in the exception.
        String report = readString(Path.of(app.getOutdir(), "validation-report.json"));
        assertThat(report).contains("[CT.KMS.PR.3] Require an AWS KMS key policy to have a statement that limits creation"
                        + " of AWS KMS grants to AWS services")
                .contains("leaky/Key/Resource")
                .contains("denies access to the 'kms:CreateGrant' operation for all principals");
    }

    @Test
    void theProjectsKeyPassesAndExceptionsAndUnenforcedFamiliesAreRecorded() {
        App app = SnapshotApp.create();
        new RepositoryKey(stack(app, "guarded"), "Key", RepositoryKeyProps.builder().removalPolicy(RemovalPolicy.DESTROY).build());
        Key excepted = keyWithoutGrantGuard(stack(app, "excepted"));
        ControlTowerSettings.exceptResource((CfnKey) excepted.getNode().getDefaultChild(), "CT.KMS.PR.3",
                "a test of the exception");
        Stack s3Only = stack(app, "s3-only");
        keyWithoutGrantGuard(s3Only);
        ControlTowerSettings.applyTo(s3Only, Set.of("S3"), List.of());

        Path outdir = Path.of(app.synth().getDirectory());

        assertThat(statusOf(outdir, "guarded", "CT.KMS.PR.3")).isEqualTo(ControlTowerOutcomes.Status.PASS);
        assertThat(statusOf(outdir, "excepted", "CT.KMS.PR.3")).isEqualTo(ControlTowerOutcomes.Status.EXCEPTION);
        assertThat(outcome(outdir, "excepted", "CT.KMS.PR.3").exceptions()).containsValue("a test of the exception");
        assertThat(statusOf(outdir, "s3-only", "CT.KMS.PR.3")).isEqualTo(ControlTowerOutcomes.Status.NOT_ENFORCED);
        // Rotation is on in all three: CT.KMS.PR.1 evaluated and passed.
        assertThat(statusOf(outdir, "excepted", "CT.KMS.PR.1")).isEqualTo(ControlTowerOutcomes.Status.PASS);
    }

    @Test
    void anExceptionNeedsAControlIdAndAReason() {
        assertThatThrownBy(() -> new ControlTowerSettings.ControlException("KMS.3", "because"))
                .hasMessageContaining("control \"KMS.3\" is not a Control Tower proactive control id. Hint: ids look like CT.S3.PR.9");
        assertThatThrownBy(() -> new ControlTowerSettings.ControlException("CT.KMS.PR.3", " "))
                .hasMessageContaining("the exception of CT.KMS.PR.3 needs a reason");
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ControlTowerOutcomes.ControlOutcome outcome(Path outdir, String stack, String control) {
        return ControlTowerOutcomes.read(outdir.resolve(stack + ".template.json")).orElseThrow().controls().stream()
                .filter(c -> c.control().equals(control)).findFirst().orElseThrow();
    }

    private static ControlTowerOutcomes.Status statusOf(Path outdir, String stack, String control) {
        return outcome(outdir, stack, control).status();
    }
}
