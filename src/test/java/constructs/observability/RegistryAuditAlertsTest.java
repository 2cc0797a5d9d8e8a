package constructs.observability;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryAuditAlertsTest {

    private static Template template;

    @BeforeAll
    static void synth() {
        Stack stack = AlertTopicTest.stack("Audit");
        AlertTopic topic = new AlertTopic(stack, "Alerts", AlertTopicProps.builder().build());
        new RegistryAuditAlerts(stack, "Audit", RegistryAuditAlertsProps.builder()
                .alertTopic(topic).ruleNamePrefix("shop-prod").repositoryNamePrefix("shop/prod/")
                .watchedKeys(List.of(software.amazon.awscdk.services.kms.Key.Builder.create(stack, "RepositoryKey").build()))
                .build());
        template = Template.fromStack(stack);
    }

    @Test
    void matchesTheCallsThatWipeOrWeakenTheGivenRepositoriesSeenByCloudTrail() {
        template.hasResourceProperties("AWS::Events::Rule", Map.of(
                "Name", "shop-prod-registry-changes",
                "State", "ENABLED",
                "EventPattern", Match.objectEquals(Map.of(
                        "source", List.of("aws.ecr"),
                        "detail-type", List.of("AWS API Call via CloudTrail"),
                        "detail", Map.of(
                                "eventSource", List.of("ecr.amazonaws.com"),
                                "eventName", List.of("SetRepositoryPolicy", "DeleteRepository", "PutImageTagMutability",
                                        "PutLifecyclePolicy", "DeleteLifecyclePolicy", "DeleteRepositoryPolicy",
                                        "BatchDeleteImage"),
                                "requestParameters", Map.of("repositoryName",
                                        List.of(Map.of("prefix", "shop/prod/")))))),
                "Targets", List.of(Map.of("Id", "AlertTopic", "Arn", Map.of("Ref", Match.stringLikeRegexp("Alerts.*"))))));
    }

    @Test
    void matchesRegistrySettingsReplacedWhateverTheRepository() {
        template.hasResourceProperties("AWS::Events::Rule", Map.of(
                "Name", "shop-prod-registry-settings",
                "EventPattern", Match.objectEquals(Map.of(
                        "source", List.of("aws.ecr"),
                        "detail-type", List.of("AWS API Call via CloudTrail"),
                        "detail", Map.of(
                                "eventSource", List.of("ecr.amazonaws.com"),
                                "eventName", List.of("PutRegistryScanningConfiguration", "PutReplicationConfiguration",
                                        "PutRegistryPolicy", "DeleteRegistryPolicy"))))));
    }

    @Test
    void matchesDeletionScheduledOrDisablingOfTheRepositoryKeyByIdOrArn() {
        template.hasResourceProperties("AWS::Events::Rule", Map.of(
                "Name", "shop-prod-key-changes",
                "EventPattern", Match.objectEquals(Map.of(
                        "source", List.of("aws.kms"),
                        "detail-type", List.of("AWS API Call via CloudTrail"),
                        "detail", Map.of(
                                "eventSource", List.of("kms.amazonaws.com"),
                                "eventName", List.of("ScheduleKeyDeletion", "DisableKey"),
                                "requestParameters", Map.of("keyId", List.of(
                                        Map.of("Ref", Match.stringLikeRegexp("RepositoryKey.*")),
                                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("RepositoryKey.*"), "Arn")))))))));
    }

    @Test
    void withoutPrefixMatchesEveryRepository() {
        assertThat(RegistryAuditAlerts.auditPattern(null).get("detail")).isEqualTo(Map.of(
                "eventSource", List.of("ecr.amazonaws.com"),
                "eventName", RegistryAuditAlerts.AUDITED_EVENT_NAMES));
    }

    @Test
    void topicPolicyAdmitsTheAuditRule() {
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectEquals(Map.of(
                        "Sid", "AllowRegistryAuditRule",
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "events.amazonaws.com"),
                        "Action", "sns:Publish",
                        "Resource", Map.of("Ref", Match.stringLikeRegexp("Alerts.*")),
                        "Condition", Map.of(
                                "ArnEquals", Map.of("aws:SourceArn", List.of(
                                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Audit.*"), "Arn")),
                                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("AuditRegistrySettings.*"), "Arn")),
                                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("AuditKeyChanges.*"), "Arn")))),
                                "StringEquals", Map.of("aws:SourceAccount", "111111111111")))))))));
    }

    @Test
    void failsWithoutAnAlertTopic() {
        Stack stack = AlertTopicTest.stack("NoTopic");
        assertThatThrownBy(() -> new RegistryAuditAlerts(stack, "Audit", RegistryAuditAlertsProps.builder().build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RegistryAuditAlerts: 1 problem(s):\n"
                        + "- alertTopic is missing: give the AlertTopic the audit events are sent to");
    }
}
