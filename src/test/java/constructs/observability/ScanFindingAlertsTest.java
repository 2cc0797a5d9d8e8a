package constructs.observability;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScanFindingAlertsTest {

    private static Template template;

    @BeforeAll
    static void synth() {
        Stack stack = AlertTopicTest.stack("Findings");
        AlertTopic topic = new AlertTopic(stack, "Alerts", AlertTopicProps.builder().build());
        new ScanFindingAlerts(stack, "Findings", ScanFindingAlertsProps.builder()
                .alertTopic(topic)
                .repositoryNamePrefix("shop/prod/")
                .ruleNamePrefix("shop-prod")
                .build());
        template = Template.fromStack(stack);
    }

    private static Map<String, Object> severityAbove0(String severity) {
        return Map.of("finding-severity-counts", Map.of(severity, List.of(Map.of("numeric", List.of(">", 0)))));
    }

    @Nested
    class BasicScanRule {

        @Test
        void matchesCompletedScansWithHighOrCriticalFindingsInTheGivenRepositories() {
            template.hasResourceProperties("AWS::Events::Rule", Map.of(
                    "Name", "shop-prod-basic-scan-findings",
                    "State", "ENABLED",
                    "EventPattern", Match.objectEquals(Map.of(
                            "source", List.of("aws.ecr"),
                            "detail-type", List.of("ECR Image Scan"),
                            "detail", Map.of(
                                    "scan-status", List.of("COMPLETE"),
                                    "repository-name", List.of(Map.of("prefix", "shop/prod/")),
                                    "$or", List.of(severityAbove0("CRITICAL"), severityAbove0("HIGH"))))),
                    "Targets", List.of(Map.of("Id", "AlertTopic", "Arn", Map.of("Ref", Match.stringLikeRegexp("Alerts.*"))))));
        }

        @Test
        void aCriticalThresholdNeedsNoOrBranches() {
            assertThat(ScanFindingAlerts.basicScanPattern(ScanFindingAlerts.Severity.CRITICAL, null)).isEqualTo(Map.of(
                    "source", List.of("aws.ecr"),
                    "detail-type", List.of("ECR Image Scan"),
                    "detail", Map.of(
                            "scan-status", List.of("COMPLETE"),
                            "finding-severity-counts", Map.of("CRITICAL", List.of(Map.of("numeric", List.of(">", 0)))))));
        }

        @Test
        void aMediumThresholdAlsoAlertsOnHighAndCritical() {
            assertThat(ScanFindingAlerts.basicScanPattern(ScanFindingAlerts.Severity.MEDIUM, null).get("detail"))
                    .isEqualTo(Map.of(
                            "scan-status", List.of("COMPLETE"),
                            "$or", List.of(severityAbove0("CRITICAL"), severityAbove0("HIGH"), severityAbove0("MEDIUM"))));
        }
    }

    @Nested
    class InspectorRule {

        @Test
        void matchesActiveCriticalAndHighFindingsOnImagesOfTheGivenRepositories() {
            template.hasResourceProperties("AWS::Events::Rule", Map.of(
                    "Name", "shop-prod-inspector-findings",
                    "State", "ENABLED",
                    "EventPattern", Match.objectEquals(Map.of(
                            "source", List.of("aws.inspector2"),
                            "detail-type", List.of("Inspector2 Finding"),
                            "detail", Map.of(
                                    "severity", List.of("CRITICAL", "HIGH"),
                                    "status", List.of("ACTIVE"),
                                    "resources", Map.of(
                                            "type", List.of("AWS_ECR_CONTAINER_IMAGE"),
                                            "details", Map.of("awsEcrContainerImage", Map.of(
                                                    "repositoryName", List.of(Map.of("prefix", "shop/prod/")))))))),
                    "Targets", List.of(Map.of("Id", "AlertTopic", "Arn", Map.of("Ref", Match.stringLikeRegexp("Alerts.*"))))));
        }

        @Test
        void withoutPrefixMatchesEveryRepository() {
            assertThat(ScanFindingAlerts.inspectorPattern(ScanFindingAlerts.Severity.HIGH, null).get("detail"))
                    .isEqualTo(Map.of(
                            "severity", List.of("CRITICAL", "HIGH"),
                            "status", List.of("ACTIVE"),
                            "resources", Map.of("type", List.of("AWS_ECR_CONTAINER_IMAGE"))));
        }
    }

    @Test
    void exposesTheGivenRuleNamesLiterallyForDashboards() {
        Stack stack = AlertTopicTest.stack("Names");
        AlertTopic topic = new AlertTopic(stack, "Alerts", AlertTopicProps.builder().build());
        var alerts = new ScanFindingAlerts(stack, "Findings", ScanFindingAlertsProps.builder()
                .alertTopic(topic).ruleNamePrefix("shop-prod").build());
        assertThat(alerts.ruleNames()).containsExactly("shop-prod-basic-scan-findings", "shop-prod-inspector-findings");
    }

    @Test
    void topicPolicyAdmitsExactlyBothRules() {
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectEquals(Map.of(
                        "Sid", "AllowScanFindingRules",
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "events.amazonaws.com"),
                        "Action", "sns:Publish",
                        "Resource", Map.of("Ref", Match.stringLikeRegexp("Alerts.*")),
                        "Condition", Map.of(
                                "ArnEquals", Map.of("aws:SourceArn", List.of(
                                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("FindingsBasicScanFindings.*"), "Arn")),
                                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("FindingsInspectorFindings.*"), "Arn")))),
                                "StringEquals", Map.of("aws:SourceAccount", "111111111111")))))))));
    }

    @Test
    void reportsEveryInvalidPropAtOnce() {
        Stack stack = AlertTopicTest.stack("Invalid");
        var props = ScanFindingAlertsProps.builder()
                .repositoryNamePrefix("Shop/Prod")
                .ruleNamePrefix("a-platform-name-that-is-far-too-long-for-eventbridge")
                .build();
        assertThatThrownBy(() -> new ScanFindingAlerts(stack, "Findings", props))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ScanFindingAlerts: 3 problem(s):\n"
                        + "- alertTopic is missing: give the AlertTopic the findings are sent to\n"
                        + "- repositoryNamePrefix \"Shop/Prod\" is invalid: must start with a lowercase letter or digit"
                        + " and hold only lowercase letters, digits, '.', '_', '-' and '/'. Hint: e.g. \"shop/prod/\"\n"
                        + "- ruleNamePrefix \"a-platform-name-that-is-far-too-long-for-eventbridge\" is too long:"
                        + " \"a-platform-name-that-is-far-too-long-for-eventbridge-basic-scan-findings\" has 72"
                        + " characters, EventBridge allows 64. Hint: use at most 44 characters");
    }
}
