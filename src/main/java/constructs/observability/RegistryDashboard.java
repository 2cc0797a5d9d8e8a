package constructs.observability;

import constructs.internal.Tokens;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmWidget;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A CloudWatch dashboard of what AWS publishes about a registry: pulls per repository, the account's
 * ECR API calls, and matched finding and audit events; optionally an alarm on scan findings.
 *
 * <p>AWS publishes no CloudWatch metric for image count or storage per repository: with
 * {@code usageMetricsNamespace} the dashboard graphs those {@link RepositoryUsageMetrics} publishes, without it a text
 * says so instead of graphing nothing.
 */
public class RegistryDashboard extends Construct {

    /**
     * Per-repository pull count, the only metric in the AWS/ECR namespace.
     * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/ecr-repository-metrics.html
     */
    static final String PULL_COUNT_NAMESPACE = "AWS/ECR";
    static final String PULL_COUNT_METRIC = "RepositoryPullCount";

    /**
     * Account-level ECR API calls (per region), published under AWS/Usage with Class "None".
     * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/monitoring-usage.html
     */
    static final List<String> USAGE_API_CALLS = List.of("PutImage", "BatchGetImage", "GetAuthorizationToken");

    /** Source: https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-monitoring.html */
    static final String MATCHED_EVENTS_NAMESPACE = "AWS/Events";

    static final String NOT_MEASURED = "**Not measurable here.** AWS publishes no CloudWatch metric for the number"
            + " of images or the storage used per repository; use `aws ecr describe-images` (imageSizeInBytes),"
            + " the ECR console or Cost and Usage Reports. Audit events arrive only when a CloudTrail trail records"
            + " management events in this region.";

    static final String USAGE_MEASURED = "Image count and storage per repository are measured by the ecr-blueprint"
            + " usage-metrics function (DescribeImages: every image, archived and untagged included; storage is the sum of"
            + " compressed image sizes, a layer shared by several images counted for each). Audit events arrive only"
            + " when a CloudTrail trail records management events in this region.";

    private static final Pattern DASHBOARD_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private final Dashboard dashboard;
    private final Alarm alarm;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public RegistryDashboard(Construct scope, String id, RegistryDashboardProps props) {
        super(scope, id);
        validate(props);
        Stack stack = Stack.of(this);

        // One Duration for every repository's metric: each Duration.hours is a jsii round trip.
        Duration hour = Duration.hours(1);
        List<IWidget> row = new ArrayList<>();
        if (!props.repositoryNames().isEmpty()) {
            row.add(GraphWidget.Builder.create()
                    .title("Image pulls per repository (AWS/ECR RepositoryPullCount)")
                    .width(12).height(6)
                    .left(props.repositoryNames().stream().map(name -> pullCount(name, hour)).toList())
                    .build());
        }
        row.add(GraphWidget.Builder.create()
                .title("ECR API calls of this account and region (AWS/Usage CallCount)")
                .width(12).height(6)
                .left(USAGE_API_CALLS.stream().map(api -> apiCalls(api, hour)).toList())
                .build());

        List<IWidget> events = new ArrayList<>();
        List<IMetric> matched = new ArrayList<>();
        props.findingRuleNames().forEach(rule -> matched.add(matchedEvents(rule)));
        props.auditRuleNames().forEach(rule -> matched.add(matchedEvents(rule)));
        if (!matched.isEmpty()) {
            events.add(GraphWidget.Builder.create()
                    .title("Matched finding and audit events (AWS/Events MatchedEvents)")
                    .width(12).height(6)
                    .left(matched)
                    .build());
        }

        if (props.findingsAlarm()) {
            Map<String, IMetric> usingMetrics = new LinkedHashMap<>();
            for (int i = 0; i < props.findingRuleNames().size(); i++) {
                usingMetrics.put("m" + i, matchedEvents(props.findingRuleNames().get(i)));
            }
            IMetric findings = MathExpression.Builder.create()
                    .expression("SUM([" + String.join(",", usingMetrics.keySet()) + "])")
                    .usingMetrics(usingMetrics)
                    .label("Scan-finding events")
                    .period(Duration.minutes(5))
                    .build();
            alarm = Alarm.Builder.create(this, "FindingsAlarm")
                    .alarmName(props.dashboardName() + "-scan-findings")
                    .alarmDescription("An ECR image has vulnerability findings at or above the alert threshold:"
                            + " see the findings in the ECR console or Amazon Inspector. Dashboard: "
                            + props.dashboardName())
                    .metric(findings)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                    .threshold(1)
                    .evaluationPeriods(1)
                    // MatchedEvents has no data points while nothing matches.
                    .treatMissingData(TreatMissingData.NOT_BREACHING)
                    .build();
            alarm.addAlarmAction(new SnsAction(props.alarmTopic().topic()));
            events.add(AlarmWidget.Builder.create()
                    .title("Scan-finding alarm")
                    .alarm(alarm)
                    .width(12).height(6)
                    .build());
        } else {
            alarm = null;
        }

        List<List<IWidget>> widgets = new ArrayList<>();
        widgets.add(row);
        String usage = props.usageMetricsNamespace();
        if (usage != null && !props.repositoryNames().isEmpty()) {
            widgets.add(List.of(
                    GraphWidget.Builder.create()
                            .title("Images per repository (" + usage + " " + RepositoryUsageMetrics.IMAGE_COUNT + ")")
                            .width(12).height(6)
                            .left(props.repositoryNames().stream()
                                    .map(name -> RepositoryUsageMetrics.imageCount(usage, name)).toList())
                            .build(),
                    GraphWidget.Builder.create()
                            .title("Storage per repository (" + usage + " " + RepositoryUsageMetrics.STORAGE_BYTES + ")")
                            .width(12).height(6)
                            .left(props.repositoryNames().stream()
                                    .map(name -> RepositoryUsageMetrics.storageBytes(usage, name)).toList())
                            .build()));
        }
        if (!events.isEmpty()) {
            widgets.add(events);
        }
        widgets.add(List.of(TextWidget.Builder.create().markdown(usage != null ? USAGE_MEASURED : NOT_MEASURED)
                .width(24).height(2).build()));
        dashboard = Dashboard.Builder.create(this, "Resource")
                .dashboardName(props.dashboardName())
                .defaultInterval(Duration.days(7))
                .widgets(widgets)
                .build();

        CfnOutput.Builder.create(this, "DashboardName")
                .description("CloudWatch dashboard of the registry")
                .value(props.dashboardName())
                .build();
        CfnOutput.Builder.create(this, "DashboardUrl")
                .description("Link to the CloudWatch dashboard of the registry")
                .value("https://" + stack.getRegion() + ".console.aws.amazon.com/cloudwatch/home?region="
                        + stack.getRegion() + "#dashboards/dashboard/" + props.dashboardName())
                .build();
    }

    /**
     * The CloudWatch dashboard.
     *
     * @return the dashboard
     */
    public Dashboard dashboard() {
        return dashboard;
    }

    /**
     * The scan-finding alarm, empty unless {@code findingsAlarm} is set.
     *
     * @return the scan-finding alarm, empty unless {@code findingsAlarm} is set
     */
    public Optional<Alarm> findingsAlarm() {
        return Optional.ofNullable(alarm);
    }

    private static IMetric pullCount(String repositoryName, Duration period) {
        return Metric.Builder.create()
                .namespace(PULL_COUNT_NAMESPACE)
                .metricName(PULL_COUNT_METRIC)
                .dimensionsMap(Map.of("RepositoryName", repositoryName))
                .statistic("Sum")
                .period(period)
                .label(repositoryName)
                .build();
    }

    private static IMetric apiCalls(String api, Duration period) {
        return Metric.Builder.create()
                .namespace("AWS/Usage")
                .metricName("CallCount")
                .dimensionsMap(usageDimensions(api))
                .statistic("Sum")
                .period(period)
                .label(api)
                .build();
    }

    private static IMetric matchedEvents(String ruleName) {
        return Metric.Builder.create()
                .namespace(MATCHED_EVENTS_NAMESPACE)
                .metricName("MatchedEvents")
                .dimensionsMap(Map.of("RuleName", ruleName))
                .statistic("Sum")
                .period(Duration.minutes(5))
                .build();
    }

    private static void validate(RegistryDashboardProps props) {
        List<String> problems = new ArrayList<>();
        String name = props.dashboardName();
        if (name == null || name.isBlank()) {
            problems.add("dashboardName is missing: give a stable name, e.g. \"shop-prod-ecr\"");
        } else if (!Tokens.isUnresolved(name) && !DASHBOARD_NAME.matcher(name).matches()) {
            problems.add("dashboardName \"" + name + "\" is invalid: must be 1 to 255 letters, digits, '-' or '_'."
                    + " Hint: e.g. \"shop-prod-ecr\"");
        }
        if (props.findingsAlarm() && props.alarmTopic() == null) {
            problems.add("findingsAlarm is true but alarmTopic is missing: give the AlertTopic the alarm notifies,"
                    + " or set findingsAlarm(false)");
        }
        if (props.findingsAlarm() && props.findingRuleNames().isEmpty()) {
            problems.add("findingsAlarm is true but findingRuleNames is empty: the alarm counts the matched events of"
                    + " those rules. Hint: pass ScanFindingAlerts.ruleNames()");
        }
        ScanFindingAlerts.throwIfAny("RegistryDashboard", problems);
    }

    /** In a fixed order: Map.of iterates differently in every JVM, and the dashboard body is one string. */
    private static Map<String, String> usageDimensions(String api) {
        Map<String, String> dimensions = new java.util.LinkedHashMap<>();
        dimensions.put("Type", "API");
        dimensions.put("Service", "ECR");
        dimensions.put("Resource", api);
        dimensions.put("Class", "None");
        return dimensions;
    }
}
