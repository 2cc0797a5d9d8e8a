package constructs.observability;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertTopicTest {

    private static Stack stack;
    private static Template template;

    static Stack stack(String id) {
        return new Stack(new App(), id, StackProps.builder()
                .env(Environment.builder().account("111111111111").region("eu-west-1").build()).build());
    }

    @BeforeAll
    static void synth() {
        stack = stack("Alerts");
        AlertTopic topic = new AlertTopic(stack, "Alerts", AlertTopicProps.builder()
                .topicName("shop-prod-ecr-alerts")
                .emailSubscriptions(List.of("platform-team@example.com"))
                .httpsSubscriptions(List.of("https://hooks.example.com/ecr"))
                .build());
        topic.allowEventRules("AllowTestRules", List.of("arn:aws:events:eu-west-1:111111111111:rule/test"));
        Aspects.of(stack).add(new AwsSolutionsChecks());
        template = Template.fromStack(stack);
    }

    private static Object partitionArn(String rest) {
        return Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), rest)));
    }

    @Nested
    class KeyPolicy {

        @Test
        void keyRotatesAndIsRetained() {
            template.hasResource("AWS::KMS::Key", Map.of(
                    "Properties", Map.of("EnableKeyRotation", true),
                    "DeletionPolicy", "Retain",
                    "UpdateReplacePolicy", "Retain"));
        }

        @Test
        void letsEventBridgeEncryptWithoutSourceConditionsAndCloudWatchOnlyForThisAccountsAlarms() {
            // EventBridge sends KMS no aws:SourceAccount; CloudWatch does (confused deputy)
            template.hasResourceProperties("AWS::KMS::Key", Map.of("KeyPolicy", Map.of("Statement", Match.arrayWith(List.of(
                    Match.objectEquals(Map.of(
                            "Sid", "AllowEventBridgeToEncryptAlerts",
                            "Effect", "Allow",
                            "Principal", Map.of("Service", "events.amazonaws.com"),
                            "Action", List.of("kms:Decrypt", "kms:GenerateDataKey*"),
                            "Resource", "*")),
                    Match.objectEquals(Map.of(
                            "Sid", "AllowCloudWatchToEncryptAlerts",
                            "Effect", "Allow",
                            "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                            "Action", List.of("kms:Decrypt", "kms:GenerateDataKey*"),
                            "Resource", "*",
                            "Condition", Map.of(
                                    "ArnLike", Map.of("aws:SourceArn", Map.of("Fn::Join", List.of("", List.of("arn:",
                                            Map.of("Ref", "AWS::Partition"), ":cloudwatch:eu-west-1:111111111111:alarm:*")))),
                                    "StringEquals", Map.of("aws:SourceAccount", "111111111111")))))))));
        }

        @Test
        void deniesGrantsThatAreNotForAwsResources() {
            template.hasResourceProperties("AWS::KMS::Key", Map.of("KeyPolicy", Map.of("Statement", Match.arrayWith(List.of(
                    Match.objectEquals(Map.of(
                            "Sid", "DenyGrantsNotForAwsResources",
                            "Effect", "Deny",
                            "Principal", Map.of("AWS", "*"),
                            "Action", "kms:CreateGrant",
                            "Resource", "*",
                            "Condition", Map.of("BoolIfExists", Map.of("kms:GrantIsForAWSResource", "false", "aws:PrincipalIsAWSService", "false")))))))));
        }
    }

    @Nested
    class TopicAndPolicy {

        @Test
        void topicIsEncryptedWithTheCustomerManagedKey() {
            template.hasResourceProperties("AWS::SNS::Topic", Map.of(
                    "TopicName", "shop-prod-ecr-alerts",
                    "DisplayName", "ECR alerts",
                    "SignatureVersion", "2",
                    "KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("AlertsKey.*"), "Arn"))));
        }

        @Test
        void topicPolicyDeniesPublishingWithoutTls() {
            template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of(
                    "Statement", Match.arrayWith(List.of(Match.objectEquals(Map.of(
                            "Sid", "AllowPublishThroughSSLOnly",
                            "Effect", "Deny",
                            "Principal", "*",
                            "Action", "sns:Publish",
                            "Resource", Map.of("Ref", Match.stringLikeRegexp("Alerts.*")),
                            "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
        }

        @Test
        void topicPolicyAdmitsCloudWatchAlarmsOfThisAccountOnly() {
            template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of(
                    "Statement", Match.arrayWith(List.of(Match.objectEquals(Map.of(
                            "Sid", "AllowCloudWatchAlarmsOfThisAccount",
                            "Effect", "Allow",
                            "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                            "Action", "sns:Publish",
                            "Resource", Map.of("Ref", Match.stringLikeRegexp("Alerts.*")),
                            "Condition", Map.of(
                                    "ArnLike", Map.of("aws:SourceArn",
                                            partitionArn(":cloudwatch:eu-west-1:111111111111:alarm:*")),
                                    "StringEquals", Map.of("aws:SourceAccount", "111111111111")))))))));
        }

        @Test
        void topicPolicyAdmitsEventBridgeOnlyForTheGivenRules() {
            template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of(
                    "Statement", Match.arrayWith(List.of(Match.objectEquals(Map.of(
                            "Sid", "AllowTestRules",
                            "Effect", "Allow",
                            "Principal", Map.of("Service", "events.amazonaws.com"),
                            "Action", "sns:Publish",
                            "Resource", Map.of("Ref", Match.stringLikeRegexp("Alerts.*")),
                            "Condition", Map.of(
                                    "ArnEquals", Map.of("aws:SourceArn", List.of("arn:aws:events:eu-west-1:111111111111:rule/test")),
                                    "StringEquals", Map.of("aws:SourceAccount", "111111111111")))))))));
        }

        @Test
        void subscribesTheGivenEmailAndHttpsEndpoints() {
            template.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                    "Protocol", "email", "Endpoint", "platform-team@example.com"));
            template.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                    "Protocol", "https", "Endpoint", "https://hooks.example.com/ecr"));
        }

        @Test
        void outputsTheTopicArn() {
            template.hasOutput("*", Map.of(
                    "Description", "SNS topic that receives ECR scan-finding, audit and alarm notifications",
                    "Value", Map.of("Ref", Match.stringLikeRegexp("Alerts.*"))));
        }
    }

    @Test
    void reportsEveryInvalidPropAtOnce() {
        Stack invalid = stack("Invalid");
        var props = AlertTopicProps.builder()
                .topicName("shop prod")
                .emailSubscriptions(List.of("not-an-address"))
                .httpsSubscriptions(List.of("http://hooks.example.com/ecr"))
                .build();
        assertThatThrownBy(() -> new AlertTopic(invalid, "Alerts", props))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AlertTopic: 3 problem(s):\n"
                        + "- topicName \"shop prod\" is invalid: must be 1 to 256 letters, digits, '-' or '_'."
                        + " Hint: e.g. \"shop-prod-ecr-alerts\"\n"
                        + "- emailSubscriptions entry \"not-an-address\" is invalid: must be an e-mail address."
                        + " Hint: e.g. \"platform-team@example.com\"\n"
                        + "- httpsSubscriptions entry \"http://hooks.example.com/ecr\" is invalid: must be an https://"
                        + " URL with a host (SNS would deliver plain http unencrypted)."
                        + " Hint: e.g. \"https://hooks.example.com/ecr\"");
    }

    @Test
    void passesCdkNagAwsSolutions() {
        assertThat(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
        assertThat(Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
    }
}
