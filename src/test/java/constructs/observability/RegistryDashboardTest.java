package constructs.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryDashboardTest {

    private static Template template;
    private static JsonNode body;
    private static Template withoutAlarm;

    @BeforeAll
    static void synth() throws Exception {
        Stack stack = AlertTopicTest.stack("Dashboard");
        AlertTopic topic = new AlertTopic(stack, "Alerts", AlertTopicProps.builder().build());
        ScanFindingAlerts findings = new ScanFindingAlerts(stack, "Findings", ScanFindingAlertsProps.builder()
                .alertTopic(topic).ruleNamePrefix("shop-prod").build());
        new RegistryDashboard(stack, "Dashboard", RegistryDashboardProps.builder()
                .dashboardName("shop-prod-ecr")
                .repositoryNames(List.of("shop/prod/cart", "shop/prod/web"))
                .findingRuleNames(findings.ruleNames())
                .auditRuleNames(List.of("shop-prod-registry-changes"))
                .findingsAlarm(true)
                .alarmTopic(topic)
                .build());
        template = Template.fromStack(stack);
        body = dashboardBody(template);

        Stack dev = AlertTopicTest.stack("DevDashboard");
        new RegistryDashboard(dev, "Dashboard", RegistryDashboardProps.builder()
                .dashboardName("shop-dev-ecr").repositoryNames(List.of("shop/dev/cart")).build());
        withoutAlarm = Template.fromStack(dev);
    }

    /** Joins the dashboard body's Fn::Join, writing references as ${LogicalId}, and parses it. */
    @SuppressWarnings("unchecked")
    static JsonNode dashboardBody(Template template) throws Exception {
        Map<String, Object> dashboard = (Map<String, Object>) template.findResources("AWS::CloudWatch::Dashboard")
                .values().iterator().next();
        Object raw = ((Map<String, Object>) dashboard.get("Properties")).get("DashboardBody");
        StringBuilder text = new StringBuilder();
        if (raw instanceof String s) {
            text.append(s);
        } else {
            List<Object> parts = (List<Object>) ((List<Object>) ((Map<String, Object>) raw).get("Fn::Join")).get(1);
            for (Object part : parts) {
                if (part instanceof String s) {
                    text.append(s);
                } else if (((Map<String, Object>) part).containsKey("Ref")) {
                    text.append("${").append(((Map<String, Object>) part).get("Ref")).append("}");
                } else {
                    text.append("${").append(((List<Object>) ((Map<String, Object>) part).get("Fn::GetAtt")).get(0))
                            .append(".Arn}");
                }
            }
        }
        return new ObjectMapper().readTree(text.toString());
    }

    private static JsonNode widget(JsonNode dashboard, String title) {
        for (JsonNode widget : dashboard.get("widgets")) {
            if (title.equals(widget.path("properties").path("title").asText())) {
                return widget.get("properties");
            }
        }
        throw new AssertionError("no widget titled " + title);
    }

    private static List<String> metricLines(JsonNode properties) {
        List<String> lines = new ArrayList<>();
        properties.get("metrics").forEach(line -> lines.add(line.toString()));
        return lines;
    }

    @Nested
    class Widgets {

        @Test
        void graphsPullsPerRepositoryFromAwsEcr() {
            assertThat(metricLines(widget(body, "Image pulls per repository (AWS/ECR RepositoryPullCount)")))
                    .containsExactly(
                            "[\"AWS/ECR\",\"RepositoryPullCount\",\"RepositoryName\",\"shop/prod/cart\","
                                    + "{\"label\":\"shop/prod/cart\",\"period\":3600,\"stat\":\"Sum\"}]",
                            "[\"AWS/ECR\",\"RepositoryPullCount\",\"RepositoryName\",\"shop/prod/web\","
                                    + "{\"label\":\"shop/prod/web\",\"period\":3600,\"stat\":\"Sum\"}]");
        }

        @Test
        void graphsAccountLevelApiCallsFromAwsUsage() {
            assertThat(metricLines(widget(body, "ECR API calls of this account and region (AWS/Usage CallCount)")))
                    .containsExactly(
                            "[\"AWS/Usage\",\"CallCount\",\"Class\",\"None\",\"Resource\",\"PutImage\",\"Service\",\"ECR\","
                                    + "\"Type\",\"API\",{\"label\":\"PutImage\",\"period\":3600,\"stat\":\"Sum\"}]",
                            "[\"AWS/Usage\",\"CallCount\",\"Class\",\"None\",\"Resource\",\"BatchGetImage\",\"Service\","
                                    + "\"ECR\",\"Type\",\"API\",{\"label\":\"BatchGetImage\",\"period\":3600,\"stat\":\"Sum\"}]",
                            "[\"AWS/Usage\",\"CallCount\",\"Class\",\"None\",\"Resource\",\"GetAuthorizationToken\","
                                    + "\"Service\",\"ECR\",\"Type\",\"API\",{\"label\":\"GetAuthorizationToken\","
                                    + "\"period\":3600,\"stat\":\"Sum\"}]");
        }

        @Test
        void graphsMatchedEventsOfTheFindingAndAuditRulesByRuleName() {
            assertThat(metricLines(widget(body, "Matched finding and audit events (AWS/Events MatchedEvents)")))
                    .containsExactly(
                            "[\"AWS/Events\",\"MatchedEvents\",\"RuleName\",\"shop-prod-basic-scan-findings\","
                                    + "{\"stat\":\"Sum\"}]",
                            "[\"AWS/Events\",\"MatchedEvents\",\"RuleName\",\"shop-prod-inspector-findings\","
                                    + "{\"stat\":\"Sum\"}]",
                            "[\"AWS/Events\",\"MatchedEvents\",\"RuleName\",\"shop-prod-registry-changes\","
                                    + "{\"stat\":\"Sum\"}]");
        }

        @Test
        void saysWhatCannotBeMeasured() {
            assertThat(body.get("widgets").findValuesAsText("markdown")).containsExactly(RegistryDashboard.NOT_MEASURED);
        }

        @Test
        void hasTheGivenStableName() {
            template.hasResourceProperties("AWS::CloudWatch::Dashboard", Map.of("DashboardName", "shop-prod-ecr"));
        }

        @Test
        void outputsTheDashboardNameAndUrl() {
            template.hasOutput("*", Map.of("Description", "CloudWatch dashboard of the registry",
                    "Value", "shop-prod-ecr"));
            template.hasOutput("*", Map.of("Description", "Link to the CloudWatch dashboard of the registry",
                    "Value", "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1"
                            + "#dashboards/dashboard/shop-prod-ecr"));
        }
    }

    @Nested
    class FindingsAlarm {

        @Test
        void alarmsOnAnyMatchedFindingEventAndNotifiesTheAlertTopic() {
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                    "AlarmName", "shop-prod-ecr-scan-findings",
                    "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                    "Threshold", 1,
                    "EvaluationPeriods", 1,
                    "TreatMissingData", "notBreaching",
                    "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("Alerts.*"))),
                    "Metrics", List.of(
                            Map.of("Expression", "SUM([m0,m1])", "ReturnData", true),
                            Map.of("Id", "m0", "ReturnData", false, "MetricStat", Map.of(
                                    "Period", 300, "Stat", "Sum", "Metric", Map.of(
                                            "Namespace", "AWS/Events", "MetricName", "MatchedEvents",
                                            "Dimensions", List.of(Map.of("Name", "RuleName",
                                                    "Value", "shop-prod-basic-scan-findings"))))),
                            Map.of("Id", "m1", "ReturnData", false, "MetricStat", Map.of(
                                    "Period", 300, "Stat", "Sum", "Metric", Map.of(
                                            "Namespace", "AWS/Events", "MetricName", "MatchedEvents",
                                            "Dimensions", List.of(Map.of("Name", "RuleName",
                                                    "Value", "shop-prod-inspector-findings"))))))));
        }

        @Test
        void noAlarmUnlessAskedFor() {
            withoutAlarm.resourceCountIs("AWS::CloudWatch::Alarm", 0);
            withoutAlarm.hasResourceProperties("AWS::CloudWatch::Dashboard", Map.of("DashboardName", "shop-dev-ecr"));
        }
    }

    @Test
    void reportsEveryInvalidPropAtOnce() {
        Stack stack = AlertTopicTest.stack("Invalid");
        var props = RegistryDashboardProps.builder().dashboardName("shop prod").findingsAlarm(true).build();
        assertThatThrownBy(() -> new RegistryDashboard(stack, "Dashboard", props))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RegistryDashboard: 3 problem(s):\n"
                        + "- dashboardName \"shop prod\" is invalid: must be 1 to 255 letters, digits, '-' or '_'."
                        + " Hint: e.g. \"shop-prod-ecr\"\n"
                        + "- findingsAlarm is true but alarmTopic is missing: give the AlertTopic the alarm notifies,"
                        + " or set findingsAlarm(false)\n"
                        + "- findingsAlarm is true but findingRuleNames is empty: the alarm counts the matched events"
                        + " of those rules. Hint: pass ScanFindingAlerts.ruleNames()");
    }
}
