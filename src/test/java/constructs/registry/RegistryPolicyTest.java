package constructs.registry;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryPolicyTest {

    @Test
    void replicationStatementNamesTheSourceAccountRoot() {
        Stack stack = RegistryTestSupport.stack("222222222222", "eu-central-1");
        new RegistryPolicy(stack, "Policy", RegistryPolicyProps.of(
                RegistryPolicyStatement.allowReplicationFrom("111111111111", true, "shop/prod")));
        Template.fromStack(stack).hasResourceProperties("AWS::ECR::RegistryPolicy", Map.of("PolicyText", Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(Map.of(
                        "Sid", "ReplicationFrom111111111111",
                        "Effect", "Allow",
                        "Principal", Map.of("AWS", Map.of("Fn::Join", List.of("", List.of(
                                "arn:", Map.of("Ref", "AWS::Partition"), ":iam::111111111111:root")))),
                        "Action", List.of("ecr:CreateRepository", "ecr:ReplicateImage"),
                        "Resource", List.of(Map.of("Fn::Join", List.of("", List.of(
                                "arn:", Map.of("Ref", "AWS::Partition"),
                                ":ecr:eu-central-1:222222222222:repository/shop/prod/*")))))))));
    }

    @Test
    void principalArnPatternsBecomeAnArnLikeCondition() {
        Stack stack = RegistryTestSupport.stack();
        new RegistryPolicy(stack, "Policy", RegistryPolicyProps.of(new RegistryPolicyStatement("CacheImport",
                "333333333333", List.of(RegistryPolicyAction.BATCH_IMPORT_UPSTREAM_IMAGE), List.of(),
                List.of("arn:aws:iam::333333333333:role/ci-*"))));
        Template.fromStack(stack).hasResourceProperties("AWS::ECR::RegistryPolicy", Map.of("PolicyText", Map.of(
                "Statement", List.of(Map.of(
                        "Sid", "CacheImport",
                        "Action", List.of("ecr:BatchImportUpstreamImage"),
                        "Condition", Map.of("ArnLike", Map.of("aws:PrincipalArn",
                                List.of("arn:aws:iam::333333333333:role/ci-*"))))))));
    }

    @Test
    void failsOnInvalidStatements() {
        assertThatThrownBy(() -> new RegistryPolicy(RegistryTestSupport.stack(), "Policy", RegistryPolicyProps.of(
                new RegistryPolicyStatement("Bad-Sid", "1111", List.of(), List.of("shop/"),
                        List.of("arn:aws:iam::444444444444:role/x")),
                RegistryPolicyStatement.allowReplicationFrom("111111111111", false),
                RegistryPolicyStatement.allowReplicationFrom("111111111111", true))))
                .hasMessage("statements[0].sid \"Bad-Sid\" is invalid: must be letters and digits only (IAM Sid). Hint:"
                        + " e.g. \"ReplicationFrom222222222222\"\n"
                        + "statements[0].principalAccount \"1111\" is invalid: must be a 12-digit AWS account id. Hint:"
                        + " e.g. \"222222222222\"\n"
                        + "statements[0].actions is empty: a statement must allow at least one action. Hint: e.g."
                        + " REPLICATE_IMAGE\n"
                        + "statements[0].repositoryPrefixes[0] \"shop/\" is invalid: must be a repository namespace"
                        + " (lowercase letters, digits, . _ - separated by /, no trailing /). Hint: e.g. \"shop/prod\"\n"
                        + "statements[0].principalArnPatterns[0] \"arn:aws:iam::444444444444:role/x\" is invalid: must be"
                        + " an IAM ARN pattern in account 1111. Hint: e.g. \"arn:aws:iam::1111:role/ci-*\"\n"
                        + "statements[2].sid \"ReplicationFrom111111111111\" repeats statements[1]: sids must be unique"
                        + " in a policy. Hint: merge the two statements or rename one");
    }

    @Test
    void failsWhenThePolicyExceeds10240Characters() {
        List<String> prefixes = IntStream.range(0, 200).mapToObj(i -> "team" + i + "/service").toList();
        assertThatThrownBy(() -> new RegistryPolicy(RegistryTestSupport.stack(), "Policy", RegistryPolicyProps.of(
                new RegistryPolicyStatement("Many", "111111111111", List.of(RegistryPolicyAction.REPLICATE_IMAGE),
                        prefixes, List.of()))))
                .hasMessageMatching("statements render a policy of 1\\d{4} characters: ECR accepts at most 10240\\."
                        + " Hint: merge statements of the same account, or use fewer repository prefixes");
    }

    @Test
    void failsWithoutStatements() {
        assertThatThrownBy(() -> new RegistryPolicy(RegistryTestSupport.stack(), "Policy", RegistryPolicyProps.of()))
                .hasMessage("statements is empty: a registry policy needs at least one statement. Hint: leave the"
                        + " registry policy out instead");
    }
}
