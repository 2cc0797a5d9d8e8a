package constructs.observability;

import constructs.network.RegistryEndpoints;
import constructs.network.RegistryEndpointsProps;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
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

/**
 * The observability constructs composed as the prod environment stack uses them, synthesized with
 * CloudFormation schema validation on and cdk-nag AwsSolutions applied.
 */
@Tag("validated")
class RegistryDashboardProdStackTest {

    private static Stack stack;
    private static Template template;

    @BeforeAll
    static void synth() {
        stack = new Stack(new App(), "shop-prod", StackProps.builder()
                .env(Environment.builder().account("222222222222").region("eu-west-1").build()).build());
        new RegistryEndpoints(stack, "RegistryEndpoints", RegistryEndpointsProps.builder()
                .vpcId("vpc-0a1b2c3d4e5f67890")
                .vpcCidrBlock("10.20.0.0/16")
                .subnets(List.of(
                        new RegistryEndpointsProps.EndpointSubnet("subnet-0aaaaaaaaaaaaaaa1", "eu-west-1a"),
                        new RegistryEndpointsProps.EndpointSubnet("subnet-0bbbbbbbbbbbbbbb2", "eu-west-1b")))
                .routeTableIds(List.of("rtb-0aaaaaaaaaaaaaaa1", "rtb-0bbbbbbbbbbbbbbb2"))
                .includeCloudWatchLogs(true)
                .build());
        AlertTopic alerts = new AlertTopic(stack, "Alerts", AlertTopicProps.builder()
                .topicName("shop-prod-ecr-alerts")
                .emailSubscriptions(List.of("platform-team@example.com"))
                .build());
        ScanFindingAlerts findings = new ScanFindingAlerts(stack, "ScanFindingAlerts", ScanFindingAlertsProps.builder()
                .alertTopic(alerts).repositoryNamePrefix("shop/prod/").ruleNamePrefix("shop-prod").build());
        RegistryAuditAlerts audit = new RegistryAuditAlerts(stack, "RegistryAuditAlerts", RegistryAuditAlertsProps.builder()
                .alertTopic(alerts).repositoryNamePrefix("shop/prod/").ruleNamePrefix("shop-prod").build());
        new RegistryDashboard(stack, "Dashboard", RegistryDashboardProps.builder()
                .dashboardName("shop-prod-ecr")
                .repositoryNames(List.of("shop/prod/cart", "shop/prod/catalog", "shop/prod/checkout", "shop/prod/web"))
                .findingRuleNames(findings.ruleNames())
                .auditRuleNames(audit.ruleNames())
                .findingsAlarm(true)
                .alarmTopic(alerts)
                .build());
        Aspects.of(stack).add(new AwsSolutionsChecks());
        template = Template.fromStack(stack);
    }

    @Test
    void passesCdkNagAwsSolutionsWithoutSuppressions() {
        assertThat(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
        assertThat(Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
    }

    @Test
    void topicPolicyAdmitsEventBridgeForExactlyTheFourRules() {
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of(
                "Statement", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Sid", "AllowScanFindingRules", "Condition", Map.of("ArnEquals",
                                Map.of("aws:SourceArn", List.of(
                                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ScanFindingAlertsBasicScanFindings.*"), "Arn")),
                                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ScanFindingAlertsInspectorFindings.*"), "Arn")))),
                                "StringEquals", Map.of("aws:SourceAccount", "222222222222")))),
                        Match.objectLike(Map.of("Sid", "AllowRegistryAuditRule", "Condition", Map.of("ArnEquals",
                                Map.of("aws:SourceArn", List.of(
                                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("RegistryAuditAlerts.*"), "Arn")),
                                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("RegistryAuditAlertsRegistrySettings.*"), "Arn")))),
                                "StringEquals", Map.of("aws:SourceAccount", "222222222222")))))))));
    }

    @Test
    void createsFourEndpointsOneSecurityGroupFourRulesOneAlarmAndOneDashboard() {
        template.resourcePropertiesCountIs("AWS::EC2::VPCEndpoint", Map.of("VpcId", "vpc-0a1b2c3d4e5f67890"), 4);
        template.resourcePropertiesCountIs("AWS::Events::Rule", Map.of("Name", Match.stringLikeRegexp("shop-prod-.*")), 4);
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-prod-ecr-scan-findings"));
        template.hasResourceProperties("AWS::CloudWatch::Dashboard", Map.of("DashboardName", "shop-prod-ecr"));
    }
}
