package compliance;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ecr.CfnRepository;
import software.amazon.awscdk.services.kms.CfnKey;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/** L1 building blocks that satisfy every rule of the pack, for tests to break one property at a time. */
final class Fixtures {

    static final String LIFECYCLE = "{\"rules\":[{\"rulePriority\":1,\"description\":\"Expire untagged after 7 days\","
            + "\"selection\":{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\","
            + "\"countNumber\":7},\"action\":{\"type\":\"expire\"}}]}";

    private Fixtures() {
    }

    static Map<String, Object> grantRestriction() {
        return Map.of(
                "Sid", "DenyGrantsNotForAwsResources",
                "Effect", "Deny",
                "Principal", Map.of("AWS", "*"),
                "Action", "kms:CreateGrant",
                "Resource", "*",
                "Condition", Map.of("BoolIfExists", Map.of("kms:GrantIsForAWSResource", "false", "aws:PrincipalIsAWSService", "false")));
    }

    static Map<String, Object> keyPolicy(boolean withGrantRestriction) {
        Map<String, Object> root = Map.of(
                "Sid", "AccountRoot",
                "Effect", "Allow",
                "Principal", Map.of("AWS", "arn:aws:iam::111111111111:root"),
                "Action", "kms:*",
                "Resource", "*");
        return Map.of("Version", "2012-10-17",
                "Statement", withGrantRestriction ? List.of(root, grantRestriction()) : List.of(root));
    }

    static CfnKey.Builder key(Construct scope, String id) {
        return CfnKey.Builder.create(scope, id).enableKeyRotation(true).keyPolicy(keyPolicy(true));
    }

    /** A repository every EcrBlueprint rule accepts, retained, encrypted with {@code key}. */
    static CfnRepository.Builder repository(Construct scope, String id, CfnKey key) {
        return CfnRepository.Builder.create(scope, id)
                .imageScanningConfiguration(CfnRepository.ImageScanningConfigurationProperty.builder().scanOnPush(true).build())
                .imageTagMutability("IMMUTABLE")
                .lifecyclePolicy(CfnRepository.LifecyclePolicyProperty.builder().lifecyclePolicyText(LIFECYCLE).build())
                .encryptionConfiguration(CfnRepository.EncryptionConfigurationProperty.builder()
                        .encryptionType("KMS").kmsKey(key.getAttrArn()).build());
    }

    static CfnRepository retained(CfnRepository repository) {
        repository.applyRemovalPolicy(RemovalPolicy.RETAIN);
        return repository;
    }
}
