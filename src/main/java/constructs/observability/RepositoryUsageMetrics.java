package constructs.observability;

import constructs.internal.ConformancePacks;
import constructs.internal.Tokens;
import constructs.repository.RepositoryKey;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import limits.AwsLimits;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Names;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.UniqueResourceNameOptions;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A scheduled Lambda function that publishes, per ECR repository, the number of images ({@value #IMAGE_COUNT}) and the
 * sum of their sizes ({@value #STORAGE_BYTES}) to CloudWatch, which AWS does not publish
 * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/ecr-repository-metrics.html lists only
 * {@code RepositoryPullCount}); and the largest image count of its repositories ({@value #MAX_IMAGE_COUNT}, dimension
 * {@code Scope}), which one alarm watches against the images-per-repository quota.
 *
 * <p>One alarm for all repositories, not one per repository: an environment of a thousand services would need a
 * thousand alarms (each a billed alarm and a template resource, against CloudFormation's 500 per stack); the largest
 * count crossing the threshold is the same condition. The dashboard shows which repository it is.
 *
 * <p>Enforced: the code is inlined (no asset, no bundling); the role may only describe the images of the given
 * repositories (or of the prefix) and put metric data in the one namespace ({@code cloudwatch:namespace}); the log
 * group keeps a year (CT.CLOUDWATCH.PR.2) and is encrypted with its own KMS key (CT.CLOUDWATCH.PR.3), rotated, whose
 * policy admits CloudWatch Logs for that log group only and denies grants not for AWS resources (CT.KMS.PR.3).
 */
public class RepositoryUsageMetrics extends Construct {

    /** The namespace of the metrics unless the props name another. */
    public static final String DEFAULT_NAMESPACE = "EcrBlueprint/Repositories";
    /** Images in the repository, every tag and storage status (dimension {@code RepositoryName}, unit Count). */
    public static final String IMAGE_COUNT = "ImageCount";
    /** Sum of {@code imageSizeInBytes} of the repository's images (dimension {@code RepositoryName}, unit Bytes). */
    public static final String STORAGE_BYTES = "StorageBytes";
    /** The largest {@value #IMAGE_COUNT} of the measured repositories (dimension {@code Scope}, unit Count). */
    public static final String MAX_IMAGE_COUNT = "MaxImageCount";
    /** The alarm's percent of the quota unless the props say otherwise. */
    public static final int DEFAULT_ALARM_PERCENT = 80;

    /**
     * The newest Node.js runtime aws-cdk-lib 2.263.0 knows, which cdk-nag's AwsSolutions-L1 requires; it includes the
     * AWS SDK for JavaScript v3 (https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html).
     */
    static final Runtime RUNTIME = Runtime.NODEJS_24_X;

    /**
     * What the role may do on the repositories: read image details. Source:
     * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerregistry.html
     * (DescribeImages: resource type repository). DescribeRepositories is not needed: the names are known, and
     * listing without names is authorized against {@code repository/*}, every repository of the registry.
     */
    static final List<String> ECR_ACTIONS = List.of("ecr:DescribeImages");

    /**
     * PutMetricData has no resource type; {@code cloudwatch:namespace} limits it to one namespace. Source:
     * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/iam-cw-condition-keys-namespace.html
     */
    static final String NAMESPACE_CONDITION = "cloudwatch:namespace";

    /**
     * What CloudWatch Logs needs on the key of an encrypted log group. Source:
     * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
     */
    static final List<String> LOGS_KEY_ACTIONS = List.of(
            "kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey",
            "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey");

    private static final Pattern REPOSITORY_NAME = Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9._/-]*");
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9._/#: -]{1,255}");
    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_INTERVAL_MINUTES = 24 * 60;

    private final Function function;
    private final LogGroup logGroup;
    private final Role role;
    private final Key key;
    private final Alarm imageCountAlarm;
    private final Alarm errorsAlarm;
    private final String namespace;
    private final String scope;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public RepositoryUsageMetrics(Construct scope, String id, RepositoryUsageMetricsProps props) {
        super(scope, id);
        validate(props);
        Stack stack = Stack.of(this);
        this.namespace = props.namespace();
        this.scope = props.scope() != null ? props.scope() : stack.getStackName();
        String functionName = props.functionName() != null ? props.functionName()
                : Names.uniqueResourceName(this, UniqueResourceNameOptions.builder().maxLength(64).separator("-").build());
        String logGroupName = "/aws/lambda/" + functionName;

        key = Key.Builder.create(this, "LogKey")
                .description("ecr-blueprint: encrypts the log group " + logGroupName)
                .enableKeyRotation(true)
                .removalPolicy(props.removalPolicy())
                .build();
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchLogsForThisLogGroup")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("logs." + stack.getRegion() + ".amazonaws.com")))
                .actions(LOGS_KEY_ACTIONS)
                .resources(List.of("*"))
                .conditions(Map.of("ArnEquals", Map.of("kms:EncryptionContext:aws:logs:arn", "arn:" + stack.getPartition()
                        + ":logs:" + stack.getRegion() + ":" + stack.getAccount() + ":log-group:" + logGroupName)))
                .build());
        key.addToResourcePolicy(RepositoryKey.denyGrantsNotForAwsServices());

        logGroup = LogGroup.Builder.create(this, "LogGroup")
                .logGroupName(logGroupName)
                .retention(RetentionDays.ONE_YEAR)
                .encryptionKey(key)
                .removalPolicy(props.removalPolicy())
                .build();

        role = Role.Builder.create(this, "Role")
                .description("ecr-blueprint: publishes ECR repository usage metrics (" + functionName + ")")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        List<String> repositoryArns = props.repositoryNamePrefix() != null
                ? List.of(repositoryArn(stack, props.repositoryNamePrefix() + "*"))
                : props.repositoryNames().stream().map(name -> repositoryArn(stack, name)).toList();
        ManagedPolicy policy = ManagedPolicy.Builder.create(this, "Policy")
                .description("ecr-blueprint: what " + functionName + " may do")
                .roles(List.of(role))
                .statements(List.of(
                        PolicyStatement.Builder.create().sid("DescribeImages").effect(Effect.ALLOW)
                                .actions(ECR_ACTIONS).resources(repositoryArns).build(),
                        PolicyStatement.Builder.create().sid("PutMetricDataInOneNamespace").effect(Effect.ALLOW)
                                .actions(List.of("cloudwatch:PutMetricData")).resources(List.of("*"))
                                .conditions(Map.of("StringEquals", Map.of(NAMESPACE_CONDITION, props.namespace())))
                                .build(),
                        PolicyStatement.Builder.create().sid("WriteOwnLogs").effect(Effect.ALLOW)
                                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                                .resources(List.of(logGroup.getLogGroupArn())).build()))
                .build();
        suppressPolicyFindings(policy, props.repositoryNamePrefix());

        // Describing a thousand repositories of a thousand images each takes about a minute at four at a time.
        function = Function.Builder.create(this, "Function")
                .functionName(functionName)
                .description("ecr-blueprint: publishes " + IMAGE_COUNT + " and " + STORAGE_BYTES + " of "
                        + props.repositoryNames().size() + " ECR repositories to " + props.namespace())
                .runtime(RUNTIME)
                .architecture(Architecture.ARM_64)
                .handler("index.handler")
                .code(Code.fromInline(UsageMetricsHandler.source(props.namespace(), this.scope, props.repositoryNames())))
                .role(role)
                .logGroup(logGroup)
                .memorySize(256)
                .timeout(Duration.minutes(5))
                .build();
        function.getNode().addDependency(policy);
        suppressFunctionFindings(function);

        Rule.Builder.create(this, "Schedule")
                .description("Runs " + functionName + " every " + props.interval().toMinutes() + " minutes")
                .schedule(Schedule.rate(props.interval()))
                .targets(List.of(LambdaFunction.Builder.create(function).retryAttempts(0).build()))
                .build();

        if (props.alarmTopic() != null) {
            int threshold = threshold(props.imagesPerRepositoryQuota(), props.alarmPercent());
            imageCountAlarm = Alarm.Builder.create(this, "ImageCountAlarm")
                    .alarmDescription("An ECR repository of " + this.scope + " holds " + threshold + " images or more, "
                            + props.alarmPercent() + "% of the images-per-repository quota ("
                            + props.imagesPerRepositoryQuota() + "): pushes fail at the quota. Find the repository on"
                            + " the dashboard (" + IMAGE_COUNT + "), then tighten its lifecycle policy or raise the"
                            + " quota in Service Quotas.")
                    .metric(maxImageCount(props.namespace(), this.scope, props.interval()))
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                    .threshold(threshold)
                    .evaluationPeriods(1)
                    // Missing data is the function not running, which the errors alarm reports.
                    .treatMissingData(TreatMissingData.MISSING)
                    .build();
            imageCountAlarm.addAlarmAction(new SnsAction(props.alarmTopic().topic()));
            errorsAlarm = Alarm.Builder.create(this, "ErrorsAlarm")
                    .alarmDescription("The ECR usage-metrics function " + functionName + " failed: the image counts"
                            + " of " + this.scope + " are not current. See its log group " + logGroupName + ".")
                    .metric(function.metricErrors(MetricOptions.builder().period(props.interval()).statistic("Sum").build()))
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                    .threshold(1)
                    .evaluationPeriods(1)
                    .treatMissingData(TreatMissingData.NOT_BREACHING)
                    .build();
            errorsAlarm.addAlarmAction(new SnsAction(props.alarmTopic().topic()));
        } else {
            imageCountAlarm = null;
            errorsAlarm = null;
        }
    }

    /**
     * The image count of a repository as this construct publishes it: the Maximum per hour.
     *
     * @param namespace      the namespace of the metrics, {@link #DEFAULT_NAMESPACE} unless the props named another
     * @param repositoryName the repository
     * @return the metric
     */
    public static IMetric imageCount(String namespace, String repositoryName) {
        return repositoryMetric(namespace, IMAGE_COUNT, repositoryName);
    }

    /**
     * The storage of a repository as this construct publishes it: the Maximum per hour.
     *
     * @param namespace      the namespace of the metrics, {@link #DEFAULT_NAMESPACE} unless the props named another
     * @param repositoryName the repository
     * @return the metric
     */
    public static IMetric storageBytes(String namespace, String repositoryName) {
        return repositoryMetric(namespace, STORAGE_BYTES, repositoryName);
    }

    /**
     * The largest image count of the repositories of a scope, which the image-count alarm watches.
     *
     * @param namespace the namespace of the metrics
     * @param scope     the value of the {@code Scope} dimension
     * @param period    the period, the function's interval
     * @return the metric
     */
    public static IMetric maxImageCount(String namespace, String scope, Duration period) {
        return Metric.Builder.create()
                .namespace(namespace)
                .metricName(MAX_IMAGE_COUNT)
                .dimensionsMap(Map.of("Scope", scope))
                .statistic("Maximum")
                .period(period)
                .label("Largest image count")
                .build();
    }

    /**
     * The image count at which the alarm goes off: {@code percent} of the quota, rounded up.
     *
     * @param quota   the images-per-repository quota
     * @param percent the percent of it
     * @return the threshold
     */
    public static int threshold(int quota, int percent) {
        return (int) Math.ceil(quota * (percent / 100.0));
    }

    /**
     * The Lambda function.
     *
     * @return the function
     */
    public Function function() {
        return function;
    }

    /**
     * The function's log group.
     *
     * @return the log group
     */
    public LogGroup logGroup() {
        return logGroup;
    }

    /**
     * The function's role.
     *
     * @return the role
     */
    public Role role() {
        return role;
    }

    /**
     * The KMS key that encrypts the log group.
     *
     * @return the key
     */
    public Key logKey() {
        return key;
    }

    /**
     * The namespace of the metrics.
     *
     * @return the namespace
     */
    public String namespace() {
        return namespace;
    }

    /**
     * The alarm on the largest image count, empty without an alarm topic.
     *
     * @return the alarm, or empty
     */
    public Optional<Alarm> imageCountAlarm() {
        return Optional.ofNullable(imageCountAlarm);
    }

    /**
     * The alarm on the function's errors, empty without an alarm topic.
     *
     * @return the alarm, or empty
     */
    public Optional<Alarm> errorsAlarm() {
        return Optional.ofNullable(errorsAlarm);
    }

    private static IMetric repositoryMetric(String namespace, String metricName, String repositoryName) {
        return Metric.Builder.create()
                .namespace(namespace)
                .metricName(metricName)
                .dimensionsMap(Map.of("RepositoryName", repositoryName))
                .statistic("Maximum")
                .period(Duration.hours(1))
                .label(repositoryName)
                .build();
    }

    private static String repositoryArn(Stack stack, String nameOrPattern) {
        return "arn:" + stack.getPartition() + ":ecr:" + stack.getRegion() + ":" + stack.getAccount() + ":repository/"
                + nameOrPattern;
    }

    private void suppressPolicyFindings(ManagedPolicy policy, String prefix) {
        List<Object> appliesTo = new ArrayList<>(List.of("Resource::*"));
        if (prefix != null) {
            appliesTo.add(RegexAppliesTo.builder().regex("/^Resource::arn:.+:ecr:.+:repository\\/"
                    + (Tokens.isUnresolved(prefix) ? ".+" : escape(prefix)) + "\\*$/g").build());
        }
        NagSuppressions.addResourceSuppressions(policy, List.of(NagPackSuppression.builder().id("AwsSolutions-IAM5")
                .reason("cloudwatch:PutMetricData has no resource type, so IAM accepts only Resource \"*\"; the"
                        + " statement is limited to one namespace by cloudwatch:namespace"
                        + (prefix == null ? "." : "; ecr:DescribeImages is scoped to the environment's repository-name"
                        + " prefix, which only its repositories carry (a list of every ARN would pass IAM's policy size"
                        + " at hundreds of services)."))
                .appliesTo(appliesTo).build()), true);
    }

    private static void suppressFunctionFindings(Function function) {
        List<NagPackSuppression> suppressions = new ArrayList<>();
        // The NIST 800-53 R5, HIPAA and PCI DSS packs a platform file may select.
        for (String pack : ConformancePacks.RULE_PREFIXES) {
            suppressions.add(NagPackSuppression.builder().id(pack + "-LambdaConcurrency")
                    .reason("Only its schedule invokes the function, once an interval; reserved concurrency would take"
                            + " from the account's pool and fails the deploy where that pool is at its minimum.").build());
            suppressions.add(NagPackSuppression.builder().id(pack + "-LambdaDLQ")
                    .reason("A failed run is reported by the errors alarm and its log; the next run measures again,"
                            + " so a dead-letter queue would hold schedule events nobody replays.").build());
            suppressions.add(NagPackSuppression.builder().id(pack + "-LambdaInsideVPC")
                    .reason("The function calls only the ECR and CloudWatch APIs; it reaches no resource inside a VPC.")
                    .build());
        }
        NagSuppressions.addResourceSuppressions(function, suppressions, true);
    }

    private static String escape(String literal) {
        StringBuilder sb = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static void validate(RepositoryUsageMetricsProps props) {
        List<String> problems = new ArrayList<>();
        String prefix = props.repositoryNamePrefix();
        boolean prefixChecked = prefix != null && !Tokens.isUnresolved(prefix);
        if (prefixChecked && !PREFIX.matcher(prefix).matches()) {
            problems.add("repositoryNamePrefix \"" + prefix + "\" is invalid: must start with a lowercase letter or digit"
                    + " and hold only lowercase letters, digits, '.', '_', '-' and '/'. Hint: e.g. \"shop/prod/\"");
            prefixChecked = false;
        }
        if (props.repositoryNames().isEmpty()) {
            problems.add("repositoryNames is empty: give the repositories to measure, e.g. [\"shop/prod/cart\"]");
        }
        int arnCharacters = 0;
        for (String name : props.repositoryNames()) {
            if (name == null || Tokens.isUnresolved(name)) {
                if (name == null) {
                    problems.add("repositoryNames holds null: give repository names");
                }
                continue;
            }
            arnCharacters += name.length() + "arn:aws-us-gov:ecr:us-gov-west-1:123456789012:repository/\"\",".length();
            if (name.length() < 2 || name.length() > AwsLimits.ECR_REPOSITORY_NAME || !REPOSITORY_NAME.matcher(name).matches()) {
                problems.add("repositoryNames entry \"" + name + "\" is not an ECR repository name (2 to "
                        + AwsLimits.ECR_REPOSITORY_NAME + " lowercase letters, digits and '.', '_', '-', '/' between"
                        + " them). Hint: e.g. \"shop/prod/cart\"");
            } else if (prefixChecked && !name.startsWith(prefix)) {
                problems.add("repositoryNames entry \"" + name + "\" does not start with repositoryNamePrefix \"" + prefix
                        + "\": the role could not describe its images. Hint: measure the prefix's repositories only, or"
                        + " drop repositoryNamePrefix");
            }
        }
        if (prefix == null && arnCharacters > AwsLimits.IAM_MANAGED_POLICY / 2) {
            problems.add("repositoryNames has " + props.repositoryNames().size() + " repositories: their ARNs would"
                    + " pass IAM's " + AwsLimits.IAM_MANAGED_POLICY + "-character managed-policy limit. Hint: give"
                    + " repositoryNamePrefix, e.g. \"shop/prod/\", to scope the role to the prefix");
        }
        String namespace = props.namespace();
        if (!Tokens.isUnresolved(namespace) && (!NAMESPACE.matcher(namespace).matches() || namespace.startsWith("AWS/")
                || namespace.isBlank())) {
            problems.add("namespace \"" + namespace + "\" is invalid: CloudWatch namespaces are 1 to 255 letters, digits"
                    + " and . _ / # : - or spaces, and AWS/ is reserved for AWS. Hint: e.g. \"" + DEFAULT_NAMESPACE + "\"");
        }
        String functionName = props.functionName();
        if (functionName != null && !Tokens.isUnresolved(functionName) && !FUNCTION_NAME.matcher(functionName).matches()) {
            problems.add("functionName \"" + functionName + "\" is invalid: Lambda function names are 1 to 64 letters,"
                    + " digits, '-' or '_'. Hint: e.g. \"shop-prod-ecr-usage\"");
        }
        if (!props.interval().isUnresolved()) {
            double minutes = props.interval().toSeconds().doubleValue() / 60.0;
            if (minutes != Math.floor(minutes) || minutes < 1 || minutes > MAX_INTERVAL_MINUTES) {
                problems.add("interval " + props.interval().toHumanString() + " is invalid: must be whole minutes from"
                        + " 1 minute to 1 day (the alarms' period is the interval). Hint: Duration.hours(1)");
            }
        }
        if (props.imagesPerRepositoryQuota() < 1) {
            problems.add("imagesPerRepositoryQuota " + props.imagesPerRepositoryQuota() + " is invalid: must be at least"
                    + " 1. Hint: the value Service Quotas shows for Amazon ECR \"Images per repository\" (default "
                    + AwsLimits.ECR_IMAGES_PER_REPOSITORY + ")");
        }
        if (props.alarmPercent() < 1 || props.alarmPercent() > 100) {
            problems.add("alarmPercent " + props.alarmPercent() + " is invalid: must be 1 to 100. Hint: "
                    + DEFAULT_ALARM_PERCENT);
        }
        ScanFindingAlerts.throwIfAny("RepositoryUsageMetrics", problems);
    }
}
