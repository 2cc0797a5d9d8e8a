package constructs.repository;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepositoryKeyTest {

    static Stack newStack(String id) {
        App app = new App(AppProps.builder()
                .context(Map.of("@aws-cdk/core:enablePartitionLiterals", true))
                .analyticsReporting(false)
                .build());
        return new Stack(app, id, StackProps.builder()
                .env(Environment.builder().account("111111111111").region("eu-west-1").build())
                .build());
    }

    static Template defaults;
    static Template withAlias;

    @BeforeAll
    static void synth() {
        Stack stack = newStack("shop-dev");
        new RepositoryKey(stack, "Key", RepositoryKeyProps.builder().removalPolicy(RemovalPolicy.DESTROY).build());
        defaults = Template.fromStack(stack);

        Stack other = newStack("shop-prod");
        new RepositoryKey(other, "Key", RepositoryKeyProps.builder()
                .removalPolicy(RemovalPolicy.RETAIN).alias("shop-prod-ecr").description("prod images").build());
        withAlias = Template.fromStack(other);
    }

    @Nested
    class Defaults {

        @Test
        void rotationIsOn() {
            defaults.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
        }

        @Test
        void theKeyPolicyHasExactlyTheRootTheEcrAndTheGrantDenyStatements() {
            defaults.hasResourceProperties("AWS::KMS::Key", Map.of("KeyPolicy", Match.objectEquals(Map.of(
                    "Version", "2012-10-17",
                    "Statement", List.of(
                            Map.of("Sid", "EnableIamPoliciesForAccountRoot",
                                    "Effect", "Allow",
                                    "Principal", Map.of("AWS", "arn:aws:iam::111111111111:root"),
                                    "Action", "kms:*",
                                    "Resource", "*"),
                            Map.of("Sid", "AllowUseThroughEcrForTheAccount",
                                    "Effect", "Allow",
                                    "Principal", Map.of("AWS", "*"),
                                    "Action", List.of("kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey",
                                            "kms:Encrypt", "kms:GenerateDataKey",
                                            "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom",
                                            "kms:ReEncryptTo"),
                                    "Resource", "*",
                                    "Condition", Map.of("StringEquals", Map.of(
                                            "kms:CallerAccount", "111111111111",
                                            "kms:ViaService", "ecr.eu-west-1.amazonaws.com"))),
                            Map.of("Sid", "DenyGrantsNotForAwsResources",
                                    "Effect", "Deny",
                                    "Principal", Map.of("AWS", "*"),
                                    "Action", "kms:CreateGrant",
                                    "Resource", "*",
                                    "Condition", Map.of("Bool", Map.of("kms:GrantIsForAWSResource", "false"))))))));
        }

        @Test
        void destroyDeletesTheKeyWithTheStack() {
            defaults.hasResource("AWS::KMS::Key", Map.of("DeletionPolicy", "Delete", "UpdateReplacePolicy", "Delete"));
        }

        @Test
        void theDescriptionNamesTheStack() {
            defaults.hasResourceProperties("AWS::KMS::Key",
                    Map.of("Description", "Encrypts the Amazon ECR repositories of stack shop-dev at rest"));
        }

        @Test
        void noAliasUnlessAsked() {
            defaults.resourceCountIs("AWS::KMS::Alias", 0);
        }
    }

    @Nested
    class Options {

        @Test
        void retainKeepsTheKey() {
            withAlias.hasResource("AWS::KMS::Key", Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
        }

        @Test
        void theAliasGetsItsPrefix() {
            withAlias.hasResourceProperties("AWS::KMS::Alias", Map.of("AliasName", "alias/shop-prod-ecr",
                    "TargetKeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^Key.*"), "Arn"))));
        }

        @Test
        void theDescriptionIsTheGivenOne() {
            withAlias.hasResourceProperties("AWS::KMS::Key", Map.of("Description", "prod images"));
        }
    }

    @Nested
    class Validation {

        @Test
        void failsWithoutRemovalPolicyAndWithABadAliasAtOnce() {
            Stack stack = newStack("bad");
            assertThatThrownBy(() -> new RepositoryKey(stack, "Key", RepositoryKeyProps.builder()
                    .alias("shop dev").build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("removalPolicy is required: RETAIN keeps the key (and with it every image) when the "
                            + "stack is deleted, DESTROY schedules its deletion. Hint: RETAIN for prod, DESTROY for dev\n"
                            + "alias \"shop dev\" is invalid: must be at most 256 characters of [a-zA-Z0-9/_-] after "
                            + "\"alias/\". Hint: use \"shop-dev-ecr\"");
        }

        @Test
        void failsOnTheReservedAwsAliasPrefix() {
            Stack stack = newStack("bad");
            assertThatThrownBy(() -> new RepositoryKey(stack, "Key", RepositoryKeyProps.builder()
                    .removalPolicy(RemovalPolicy.RETAIN).alias("alias/aws/ecr").build()))
                    .hasMessage("alias \"alias/aws/ecr\" is invalid: the prefix \"alias/aws/\" is reserved for AWS "
                            + "managed keys. Hint: use \"shop-dev-ecr\"");
        }

        @Test
        void failsOnSnapshot() {
            Stack stack = newStack("bad");
            assertThatThrownBy(() -> new RepositoryKey(stack, "Key", RepositoryKeyProps.builder()
                    .removalPolicy(RemovalPolicy.SNAPSHOT).build()))
                    .hasMessage("removalPolicy SNAPSHOT is not supported for a repository key: use RETAIN_ON_UPDATE_OR_DELETE (a rolled-back first create leaves nothing behind), RETAIN or DESTROY");
        }
    }
}
