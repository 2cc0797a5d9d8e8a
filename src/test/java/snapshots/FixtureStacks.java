package snapshots;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.CfnRepository;
import software.amazon.awscdk.services.kms.CfnAlias;
import software.amazon.awscdk.services.kms.CfnKey;
import validation.ControlTowerSettings;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tiny stacks of raw L1 resources (a KMS key with an alias, a KMS-encrypted repository and an AES-256 one)
 * and the variants the tests change them into. Every variant is one stack of a single App, synthesized once
 * per JVM; tests take a variant's template under the common stack name {@value #STACK}.
 */
final class FixtureStacks {

    static final String STACK = "fixture";

    enum Variant {
        BASE,
        /** The construct id of the KMS-encrypted repository changes from "Repo" to "AppRepository". */
        REPO_RENAMED,
        /** The construct id of the key changes from "Key" to "RepoKey". */
        KEY_RENAMED,
        /** The AES-256 repository "Plain" becomes KMS-encrypted. */
        PLAIN_ENCRYPTED_WITH_KMS,
        /** The key becomes an RSA key: KeySpec is immutable. */
        KEY_SPEC_CHANGED,
        /** "Plain" allows mutable tags: an in-place update, no replacement. */
        PLAIN_TAGS_MUTABLE
    }

    private FixtureStacks() {
    }

    /** The synthesis of every variant (built once), each keyed by its own stack name. */
    static Synthesis all() {
        return Holder.ALL;
    }

    /** One variant's synthesis, under the stack name {@value #STACK}. */
    static Synthesis variant(Variant variant) {
        return new Synthesis(Map.of(STACK, Holder.ALL.template(stackName(variant))));
    }

    static JsonNode template(Variant variant) {
        return Holder.ALL.template(stackName(variant));
    }

    static String stackName(Variant variant) {
        return "fixture-" + variant.name().toLowerCase().replace('_', '-');
    }

    /** Builds the stacks of the given variants in {@code app} (a test may use its own App). */
    static List<Stack> build(App app, Variant... variants) {
        return Arrays.stream(variants).map(v -> build(app, v)).toList();
    }

    private static final String FIXTURE_REASON = "a fixture of the snapshot tests, never deployed: its repositories have"
            + " no lifecycle policy, and the variants change tag mutability and the key spec on purpose";

    static Stack build(App app, Variant variant) {
        Stack stack = new Stack(app, stackName(variant), StackProps.builder()
                .stackName(stackName(variant)).env(SnapshotApp.fixedEnvironment()).build());
        // The fixtures exercise the snapshot machinery with the fewest properties, and some variants break a control
        // on purpose; SnapshotApp evaluates the Control Tower controls, so these are documented exceptions.
        ControlTowerSettings.applyTo(stack, Set.of(), List.of(
                new ControlTowerSettings.ControlException("CT.ECR.PR.1", FIXTURE_REASON),
                new ControlTowerSettings.ControlException("CT.ECR.PR.3", FIXTURE_REASON),
                new ControlTowerSettings.ControlException("CT.KMS.PR.2", FIXTURE_REASON)));
        CfnKey key = CfnKey.Builder.create(stack, variant == Variant.KEY_RENAMED ? "RepoKey" : "Key")
                .description("Encrypts the images of fixture/app")
                .keySpec(variant == Variant.KEY_SPEC_CHANGED ? "RSA_2048" : "SYMMETRIC_DEFAULT")
                .keyUsage("ENCRYPT_DECRYPT")
                .enableKeyRotation(variant != Variant.KEY_SPEC_CHANGED)
                .keyPolicy(Map.of(
                        "Version", "2012-10-17",
                        "Statement", List.of(Map.of(
                                "Sid", "AccountAdministers",
                                "Effect", "Allow",
                                "Principal", Map.of("AWS", "arn:aws:iam::123456789012:root"),
                                "Action", "kms:*",
                                "Resource", "*"),
                                // The grant guard AWS Control Tower's CT.KMS.PR.3 requires (SnapshotApp checks it).
                                Map.of(
                                "Sid", "DenyGrantsNotForAwsResources",
                                "Effect", "Deny",
                                "Principal", Map.of("AWS", "*"),
                                "Action", "kms:CreateGrant",
                                "Resource", "*",
                                "Condition", Map.of("BoolIfExists", Map.of(
                                        "aws:PrincipalIsAWSService", "false",
                                        "kms:GrantIsForAWSResource", "false"))))))
                .build();
        CfnAlias.Builder.create(stack, "KeyAlias").aliasName("alias/fixture/app").targetKeyId(key.getRef()).build();
        CfnRepository.Builder.create(stack, variant == Variant.REPO_RENAMED ? "AppRepository" : "Repo")
                .repositoryName("fixture/app")
                .imageTagMutability("IMMUTABLE")
                .imageScanningConfiguration(CfnRepository.ImageScanningConfigurationProperty.builder().scanOnPush(true).build())
                .encryptionConfiguration(CfnRepository.EncryptionConfigurationProperty.builder()
                        .encryptionType("KMS").kmsKey(key.getAttrArn()).build())
                .build();
        CfnRepository.Builder.create(stack, "Plain")
                .repositoryName("fixture/plain")
                .imageTagMutability(variant == Variant.PLAIN_TAGS_MUTABLE ? "MUTABLE" : "IMMUTABLE")
                .imageScanningConfiguration(CfnRepository.ImageScanningConfigurationProperty.builder().scanOnPush(true).build())
                .encryptionConfiguration(variant == Variant.PLAIN_ENCRYPTED_WITH_KMS
                        ? CfnRepository.EncryptionConfigurationProperty.builder().encryptionType("KMS").kmsKey(key.getAttrArn()).build()
                        : CfnRepository.EncryptionConfigurationProperty.builder().encryptionType("AES256").build())
                .build();
        return stack;
    }

    /** The repository's cdk.json: tests run in the project root. */
    static Path cdkJson() {
        return Path.of("cdk.json");
    }

    private static final class Holder {
        static final Synthesis ALL = synthesize();

        private static Synthesis synthesize() {
            App app = SnapshotApp.create(cdkJson());
            build(app, Variant.values());
            return Synthesis.of(app);
        }
    }
}
