package constructs.observability;

import access.IamSimulator;
import access.SimulationDecision;
import access.SimulationRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.cdklabs.cdknag.NIST80053R5Checks;
import io.github.cdklabs.cdknag.PCIDSS321Checks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The usage-metrics function as synthesized: its template (checked by the nag packs, its role by the offline IAM
 * simulator) and its inlined code, run under Node against stubbed ECR and CloudWatch clients.
 */
class RepositoryUsageMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "111111111111";
    private static final String REGION = "eu-west-1";
    private static final List<String> SMALL = List.of("shop/prod/cart", "shop/prod/catalog", "shop/prod/missing",
            "shop/prod/broken");
    private static final List<String> LARGE = IntStream.range(0, 600)
            .mapToObj(i -> "shop/prod/service-" + i).toList();

    private static Stack stack;
    private static Template template;
    private static JsonNode templateJson;

    @BeforeAll
    static void synth() {
        stack = new Stack(new App(), "shop-prod", StackProps.builder()
                .env(Environment.builder().account(ACCOUNT).region(REGION).build()).build());
        AlertTopic topic = new AlertTopic(stack, "Alerts", AlertTopicProps.builder().topicName("shop-prod-ecr-alerts").build());
        new RepositoryUsageMetrics(stack, "Small", RepositoryUsageMetricsProps.builder()
                .repositoryNames(SMALL)
                .repositoryNamePrefix("shop/prod/")
                .scope("shop-prod")
                .functionName("shop-prod-ecr-usage")
                .imagesPerRepositoryQuota(20_000)
                .alarmTopic(topic)
                .build());
        new RepositoryUsageMetrics(stack, "Large", RepositoryUsageMetricsProps.builder()
                .repositoryNames(LARGE)
                .repositoryNamePrefix("shop/prod/")
                .scope("shop-prod-large")
                .functionName("shop-prod-large-ecr-usage")
                .build());
        Aspects.of(stack).add(new AwsSolutionsChecks());
        Aspects.of(stack).add(new NIST80053R5Checks());
        Aspects.of(stack).add(new HIPAASecurityChecks());
        Aspects.of(stack).add(new PCIDSS321Checks());
        template = Template.fromStack(stack);
        templateJson = JSON.valueToTree(template.toJSON());
    }

    private static String functionCode(String functionName) {
        for (var resource : iterable(templateJson.path("Resources").fields())) {
            JsonNode properties = resource.getValue().path("Properties");
            if (resource.getValue().path("Type").asText().equals("AWS::Lambda::Function")
                    && properties.path("FunctionName").asText().equals(functionName)) {
                return properties.path("Code").path("ZipFile").asText();
            }
        }
        throw new AssertionError("no function " + functionName);
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }

    @Nested
    class Template_ {

        @Test
        void runsTheNewestNodeRuntimeAwsCdkLibKnowsWithCodeInlined() {
            String newest = Runtime.ALL.stream().filter(r -> r.getName().matches("nodejs\\d+\\.x"))
                    .max(Comparator.comparingInt(r -> Integer.parseInt(r.getName().replaceAll("\\D", ""))))
                    .orElseThrow().getName();
            template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                    "FunctionName", "shop-prod-ecr-usage",
                    "Runtime", newest,
                    "Handler", "index.handler",
                    "Code", Map.of("ZipFile", Match.stringLikeRegexp("exports\\.handler = async")),
                    "LoggingConfig", Map.of("LogGroup", Match.anyValue())));
            assertThat(templateJson.path("Resources").toString()).doesNotContain("S3Bucket");
        }

        @Test
        void roleMayOnlyDescribeImagesUnderThePrefixAndPutMetricDataInItsNamespace() {
            template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of("PolicyDocument", Map.of("Statement", List.of(
                    Map.of("Sid", "DescribeImages", "Effect", "Allow", "Action", "ecr:DescribeImages",
                            "Resource", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                    ":ecr:eu-west-1:111111111111:repository/shop/prod/*")))),
                    Map.of("Sid", "PutMetricDataInOneNamespace", "Effect", "Allow", "Action", "cloudwatch:PutMetricData",
                            "Resource", "*",
                            "Condition", Map.of("StringEquals", Map.of("cloudwatch:namespace", "EcrBlueprint/Repositories"))),
                    Match.objectLike(Map.of("Sid", "WriteOwnLogs",
                            "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents")))))));
            template.hasResourceProperties("AWS::IAM::Role", Map.of("AssumeRolePolicyDocument", Map.of("Statement", List.of(
                    Map.of("Action", "sts:AssumeRole", "Effect", "Allow", "Principal", Map.of("Service", "lambda.amazonaws.com"))))));
            template.resourcePropertiesCountIs("AWS::IAM::Role", Map.of("ManagedPolicyArns", Match.anyValue()), 0);
        }

        @Test
        void logGroupKeepsAYearEncryptedWithItsOwnRotatedKeyThatOnlyItsLogGroupMayUse() {
            template.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                    "LogGroupName", "/aws/lambda/shop-prod-ecr-usage",
                    "RetentionInDays", 365,
                    "KmsKeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("SmallLogKey"), "Arn"))));
            template.hasResourceProperties("AWS::KMS::Key", Map.of(
                    "EnableKeyRotation", true,
                    "KeyPolicy", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                            "Sid", "AllowCloudWatchLogsForThisLogGroup",
                            "Principal", Map.of("Service", "logs.eu-west-1.amazonaws.com"),
                            "Condition", Map.of("ArnEquals", Map.of("kms:EncryptionContext:aws:logs:arn",
                                    Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                            ":logs:eu-west-1:111111111111:log-group:/aws/lambda/shop-prod-ecr-usage"))))))))))));
        }

        @Test
        void runsHourlyFromASchedule() {
            template.hasResourceProperties("AWS::Events::Rule", Map.of(
                    "ScheduleExpression", "rate(1 hour)",
                    "Targets", List.of(Match.objectLike(Map.of("Arn", Map.of("Fn::GetAtt",
                            List.of(Match.stringLikeRegexp("SmallFunction"), "Arn")))))));
            template.hasResourceProperties("AWS::Lambda::Permission", Map.of(
                    "Principal", "events.amazonaws.com",
                    "SourceArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("SmallSchedule"), "Arn"))));
        }

        @Test
        void oneAlarmAtEightyPercentOfTheQuotaOnTheLargestCountAndOneOnErrorsNotifyTheTopic() {
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                    "Threshold", 16_000,
                    "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                    "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("Alerts"))),
                    "Metrics", List.of(Match.objectLike(Map.of("MetricStat", Map.of(
                            "Metric", Map.of("Namespace", "EcrBlueprint/Repositories", "MetricName", "MaxImageCount",
                                    "Dimensions", List.of(Map.of("Name", "Scope", "Value", "shop-prod"))),
                            "Period", 3600, "Stat", "Maximum"))))));
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                    "Namespace", "AWS/Lambda", "MetricName", "Errors", "Threshold", 1,
                    "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("Alerts")))));
            // 600 repositories without a topic: no alarm (an alarm without an action fails CT.CLOUDWATCH.PR.1)
            template.resourceCountIs("AWS::CloudWatch::Alarm", 2);
        }

        @Test
        void passesEveryNagPackWithSpecificReasons() {
            assertThat(Annotations.fromStack(stack).findError("*", Match.anyValue())).isEmpty();
            assertThat(Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions|NIST|HIPAA|PCI")))
                    .isEmpty();
        }
    }

    @Nested
    class Role {

        private List<SimulationDecision> simulate(List<String[]> calls) {
            JsonNode policy = null;
            String logGroupArn = "arn:aws:logs:eu-west-1:111111111111:log-group:/aws/lambda/shop-prod-ecr-usage:*";
            for (var resource : iterable(templateJson.path("Resources").fields())) {
                if (resource.getValue().path("Type").asText().equals("AWS::IAM::ManagedPolicy")
                        && resource.getKey().startsWith("Small")) {
                    policy = resolve(resource.getValue().path("Properties").path("PolicyDocument"), logGroupArn);
                }
            }
            String role = "arn:aws:iam::111111111111:role/shop-prod-ecr-usage";
            List<SimulationRequest> requests = new ArrayList<>();
            for (String[] call : calls) {
                Map<String, Object> context = call.length > 2 ? Map.of("cloudwatch:namespace", call[2]) : Map.of();
                requests.add(new SimulationRequest(role, call[0], call[1], ACCOUNT, context, Map.of("policy", policy), null));
            }
            return IamSimulator.evaluate(requests);
        }

        /** CloudFormation's intrinsics as they resolve in this stack (partition aws, the log group's ARN). */
        private JsonNode resolve(JsonNode node, String logGroupArn) {
            if (node.isArray()) {
                ArrayNode out = JSON.createArrayNode();
                node.forEach(n -> out.add(resolve(n, logGroupArn)));
                return out;
            }
            if (!node.isObject()) {
                return node;
            }
            if (node.has("Ref") && node.get("Ref").asText().equals("AWS::Partition")) {
                return TextNode.valueOf("aws");
            }
            if (node.has("Fn::GetAtt")) {
                return TextNode.valueOf(logGroupArn);
            }
            if (node.has("Fn::Join")) {
                StringBuilder text = new StringBuilder();
                resolve(node.get("Fn::Join").get(1), logGroupArn).forEach(p -> text.append(p.asText()));
                return TextNode.valueOf(text.toString());
            }
            ObjectNode out = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), resolve(e.getValue(), logGroupArn)));
            return out;
        }

        @Test
        void allowsWhatTheFunctionCallsAndNothingElse() {
            String prod = "arn:aws:ecr:eu-west-1:111111111111:repository/shop/prod/cart";
            List<SimulationDecision> decisions = simulate(List.of(
                    new String[] {"ecr:DescribeImages", prod},
                    new String[] {"cloudwatch:PutMetricData", "*", "EcrBlueprint/Repositories"},
                    new String[] {"logs:PutLogEvents", "arn:aws:logs:eu-west-1:111111111111:log-group:/aws/lambda/shop-prod-ecr-usage:log-stream:2026/12/03/abc"},
                    // denied: another environment's repository, image contents, listing, another namespace, other logs
                    new String[] {"ecr:DescribeImages", "arn:aws:ecr:eu-west-1:111111111111:repository/shop/dev/cart"},
                    new String[] {"ecr:DescribeImages", "arn:aws:ecr:eu-west-1:222222222222:repository/shop/prod/cart"},
                    new String[] {"ecr:BatchGetImage", prod},
                    new String[] {"ecr:DescribeRepositories", "arn:aws:ecr:eu-west-1:111111111111:repository/*"},
                    new String[] {"cloudwatch:PutMetricData", "*", "AWS/ECR"},
                    new String[] {"logs:PutLogEvents", "arn:aws:logs:eu-west-1:111111111111:log-group:/other:log-stream:x"}));
            assertThat(decisions.subList(0, 3)).allSatisfy(d -> assertThat(d.allowed()).as(d.toString()).isTrue());
            assertThat(decisions.subList(3, decisions.size())).allSatisfy(d -> assertThat(d.denied()).as(d.toString()).isTrue());
        }
    }

    @Nested
    class Code {

        @TempDir
        Path directory;

        private JsonNode run(String functionName, Map<String, Object> fixture) throws IOException, InterruptedException {
            Files.writeString(directory.resolve("index.js"), functionCode(functionName), StandardCharsets.UTF_8);
            Path stubs = Path.of("src/test/node/usage-metrics-stub");
            for (String client : List.of("client-ecr", "client-cloudwatch")) {
                Path module = Files.createDirectories(directory.resolve("node_modules/@aws-sdk/" + client));
                Files.copy(stubs.resolve(client + ".js"), module.resolve("index.js"));
            }
            Path fixtureFile = directory.resolve("fixture.json");
            JSON.writeValue(fixtureFile.toFile(), fixture);
            Path out = directory.resolve("out.json");
            ProcessBuilder process = new ProcessBuilder("node", stubs.resolve("run.js").toAbsolutePath().toString(),
                    directory.toAbsolutePath().toString())
                    .redirectOutput(out.toFile()).redirectError(directory.resolve("err.txt").toFile());
            process.environment().put("USAGE_METRICS_FIXTURE", fixtureFile.toAbsolutePath().toString());
            int exit = process.start().waitFor();
            assertThat(exit).as(Files.readString(directory.resolve("err.txt"))).isZero();
            return JSON.readTree(out.toFile());
        }

        private static Map<String, Double> values(JsonNode output, String metricName) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (JsonNode call : output.path("calls").path("putMetricData")) {
                for (JsonNode datum : call.path("MetricData")) {
                    if (datum.path("MetricName").asText().equals(metricName)) {
                        values.put(datum.path("Dimensions").get(0).path("Value").asText(), datum.path("Value").asDouble());
                    }
                }
            }
            return values;
        }

        @Test
        void countsEveryImageOverSeveralPagesArchivedIncludedAndSkipsMissingRepositories() throws Exception {
            JsonNode output = run("shop-prod-ecr-usage", Map.of(
                    "repositories", Map.of(
                            "shop/prod/cart", Map.of("active", 2_000, "archived", 500, "size", 1_000),
                            "shop/prod/catalog", Map.of("active", 0, "size", 0),
                            "shop/prod/broken", Map.of("active", 1, "size", 1)),
                    "failing", List.of("shop/prod/broken")));

            assertThat(values(output, "ImageCount")).isEqualTo(Map.of("shop/prod/cart", 2_500.0, "shop/prod/catalog", 0.0));
            assertThat(values(output, "StorageBytes")).isEqualTo(Map.of("shop/prod/cart", 2_500_000.0, "shop/prod/catalog", 0.0));
            assertThat(values(output, "MaxImageCount")).isEqualTo(Map.of("shop-prod", 2_500.0));
            List<JsonNode> cartPages = new ArrayList<>();
            output.path("calls").path("describeImages").forEach(c -> {
                if (c.path("repositoryName").asText().equals("shop/prod/cart")) {
                    cartPages.add(c);
                }
            });
            assertThat(cartPages).hasSize(3);
            assertThat(cartPages).allSatisfy(c -> assertThat(c.path("maxResults").asInt()).isEqualTo(1_000));
            for (JsonNode put : output.path("calls").path("putMetricData")) {
                assertThat(put.path("Namespace").asText()).isEqualTo("EcrBlueprint/Repositories");
            }
            // A repository that could not be described fails the run (the errors alarm), after the others are published.
            assertThat(output.path("error").asText()).contains("shop/prod/broken").doesNotContain("missing");
            assertThat(output.path("logs").toString()).contains("shop/prod/missing").contains("not created yet or deleted");
        }

        @Test
        void publishesAThousandTwoHundredMetricsInRequestsUnderCloudWatchsLimit() throws Exception {
            Map<String, Object> repositories = new LinkedHashMap<>();
            for (int i = 0; i < LARGE.size(); i++) {
                repositories.put(LARGE.get(i), Map.of("active", i % 7, "size", 100));
            }
            JsonNode output = run("shop-prod-large-ecr-usage", Map.of("repositories", repositories));

            assertThat(output.path("error").isNull()).as(output.path("error").asText()).isTrue();
            JsonNode puts = output.path("calls").path("putMetricData");
            assertThat(puts.size()).isGreaterThan(1);
            Set<String> sent = new HashSet<>();
            for (JsonNode put : puts) {
                assertThat(put.path("MetricData").size()).isLessThanOrEqualTo(1_000);
                put.path("MetricData").forEach(d -> sent.add(d.path("MetricName").asText() + d.path("Dimensions")));
            }
            assertThat(sent).hasSize(LARGE.size() * 2 + 1);
            assertThat(values(output, "ImageCount")).containsEntry("shop/prod/service-6", 6.0).hasSize(LARGE.size());
            assertThat(values(output, "MaxImageCount")).isEqualTo(Map.of("shop-prod-large", 6.0));
        }
    }

    @Nested
    class Validation {

        private Stack fresh() {
            return new Stack(new App(), "Fresh", StackProps.builder()
                    .env(Environment.builder().account(ACCOUNT).region(REGION).build()).build());
        }

        @Test
        void failsWhenANameIsOutsideThePrefixAndThePercentIsAboveAHundred() {
            assertThatThrownBy(() -> new RepositoryUsageMetrics(fresh(), "Usage", RepositoryUsageMetricsProps.builder()
                    .repositoryNames(List.of("shop/dev/cart"))
                    .repositoryNamePrefix("shop/prod/")
                    .alarmPercent(120)
                    .build()))
                    .hasMessageContaining("RepositoryUsageMetrics: 2 problem(s)")
                    .hasMessageContaining("repositoryNames entry \"shop/dev/cart\" does not start with repositoryNamePrefix \"shop/prod/\"")
                    .hasMessageContaining("alarmPercent 120 is invalid: must be 1 to 100. Hint: 80");
        }

        @Test
        void failsWhenTheArnsOfEveryRepositoryWouldNotFitAPolicyWithoutAPrefix() {
            assertThatThrownBy(() -> new RepositoryUsageMetrics(fresh(), "Usage", RepositoryUsageMetricsProps.builder()
                    .repositoryNames(LARGE).build()))
                    .hasMessageContaining("repositoryNames has 600 repositories: their ARNs would pass IAM's 6144-character"
                            + " managed-policy limit. Hint: give repositoryNamePrefix");
        }

        @Test
        void failsOnAnIntervalOfSecondsAndAReservedNamespace() {
            assertThatThrownBy(() -> new RepositoryUsageMetrics(fresh(), "Usage", RepositoryUsageMetricsProps.builder()
                    .repositoryNames(List.of("shop/prod/cart"))
                    .interval(Duration.seconds(90))
                    .namespace("AWS/ECR")
                    .build()))
                    .hasMessageContaining("interval 1 minute 30 seconds is invalid")
                    .hasMessageContaining("namespace \"AWS/ECR\" is invalid");
        }
    }
}
