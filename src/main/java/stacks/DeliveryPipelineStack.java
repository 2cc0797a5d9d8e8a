package stacks;

import constructs.internal.AccessLogBuckets;
import constructs.repository.RepositoryKey;
import platform.Delivery;
import platform.EnvironmentSpec;
import platform.Platform;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.pipelines.AddStageOpts;
import software.amazon.awscdk.pipelines.CodeBuildOptions;
import software.amazon.awscdk.pipelines.CodePipeline;
import software.amazon.awscdk.pipelines.CodePipelineSource;
import software.amazon.awscdk.pipelines.ConnectionSourceOptions;
import software.amazon.awscdk.pipelines.ShellStep;
import software.amazon.awscdk.pipelines.StackSteps;
import software.amazon.awscdk.pipelines.Step;
import software.amazon.awscdk.services.codebuild.BuildEnvironment;
import software.amazon.awscdk.services.codebuild.BuildSpec;
import software.amazon.awscdk.services.codebuild.ComputeType;
import software.amazon.awscdk.services.codebuild.LinuxBuildImage;
import software.amazon.awscdk.services.codebuild.LoggingOptions;
import software.amazon.awscdk.services.codebuild.S3LoggingOptions;
import software.amazon.awscdk.services.codepipeline.CrossRegionSupport;
import software.amazon.awscdk.services.codepipeline.PipelineType;
import software.amazon.awscdk.services.kms.Alias;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;
import software.constructs.IConstruct;
import validation.ControlTowerSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The delivery pipeline ({@code <platform>-delivery}) in the account and region of the platform file's
 * {@code delivery} section: a CDK Pipelines {@link CodePipeline} that takes the app from GitHub through a
 * CodeConnections connection, synthesizes it, updates itself, then deploys one {@link EnvironmentStage} per
 * environment in promotion order, with a manual approval before the stages that need one (prod by default).
 *
 * <p>Enforced: cross-account artifact keys with rotation (target accounts decrypt the artifacts), a V2 pipeline,
 * the CDK CLI of {@code package.json}, and a CodeBuild image with Java 17, Maven and Node.js.
 */
public class DeliveryPipelineStack extends Stack {

    /** The pipeline's CDK CLI, the one {@code package.json} pins, so the pipeline deploys what {@code npx cdk} synthesizes. */
    public static final String CDK_CLI_VERSION = "2.1148.1";
    /** The synth step's install phase: npm ci installs the pinned CDK CLI from package-lock.json. */
    public static final List<String> SYNTH_INSTALL_COMMANDS = List.of("npm ci");
    /** aws/codebuild/standard:7.0 runtimes; see https://docs.aws.amazon.com/codebuild/latest/userguide/available-runtimes.html */
    /** Sorted: Map.of iterates in a different order in every JVM, which would change the buildspec between syntheses. */
    static final Map<String, String> SYNTH_RUNTIME_VERSIONS = new TreeMap<>(Map.of("java", "corretto17", "nodejs", "20"));

    /** Construct id of the artifact bucket's access-log bucket; stateful, so the id is API. */
    public static final String ACCESS_LOGS_ID = "ArtifactAccessLogs";
    /** Where the pipeline's CodeBuild projects copy their build logs, in the same bucket. */
    static final String BUILD_LOGS_PREFIX = "codebuild";
    static final int ARTIFACT_NONCURRENT_VERSION_DAYS = 30;

    /** Construct id of the topic the manual approvals notify. */
    public static final String APPROVAL_TOPIC_ID = "ApprovalTopic";

    private final CodePipeline pipeline;
    private final Topic approvalTopic;
    private final List<EnvironmentStage> stages = new ArrayList<>();

    /**
     * The delivery pipeline stack.
     *
     * @param scope the parent construct
     * @param id the stack id
     * @param platform the platform, as loaded from the platform file
     * @param props the props
     */
    public DeliveryPipelineStack(Construct scope, String id, Platform platform, DeliveryPipelineProps props) {
        super(scope, id, stackProps(id, platform));
        Delivery delivery = platform.deliveryPipeline().orElseThrow();
        // Created before the pipeline: its CodeBuild projects log into it too (CT.CODEBUILD.PR.3).
        Bucket accessLogs = logBucket(this);
        CodePipelineSource source = CodePipelineSource.connection(delivery.repository(), delivery.branch(),
                ConnectionSourceOptions.builder().connectionArn(delivery.connectionArn()).build());
        this.pipeline = CodePipeline.Builder.create(this, "Pipeline")
                .pipelineName(id)
                .pipelineType(PipelineType.V2)
                .crossAccountKeys(true)
                .enableKeyRotation(true)
                .cliVersion(CDK_CLI_VERSION)
                .synth(ShellStep.Builder.create("Synth")
                        .input(source)
                        .installCommands(SYNTH_INSTALL_COMMANDS)
                        .commands(List.of(synthCommand(props.platformFile())))
                        .build())
                .codeBuildDefaults(CodeBuildOptions.builder()
                        .buildEnvironment(BuildEnvironment.builder()
                                .buildImage(LinuxBuildImage.STANDARD_7_0)
                                .computeType(ComputeType.SMALL)
                                .build())
                        // CT.CODEBUILD.PR.3: a copy of every build log in S3 (CloudWatch Logs stays on, CodeBuild's default).
                        .logging(LoggingOptions.builder()
                                .s3(S3LoggingOptions.builder()
                                        .bucket(accessLogs)
                                        .prefix(BUILD_LOGS_PREFIX)
                                        .build())
                                .build())
                        .build())
                // Maven, the JVM and the jsii Node process share the synth container: SMALL (3 GB) is too tight.
                .synthCodeBuildDefaults(CodeBuildOptions.builder()
                        .buildEnvironment(BuildEnvironment.builder().computeType(ComputeType.MEDIUM).build())
                        .partialBuildSpec(BuildSpec.fromObject(Map.of("phases",
                                Map.of("install", Map.of("runtime-versions", SYNTH_RUNTIME_VERSIONS)))))
                        .build())
                .build();
        this.approvalTopic = approvalTopic(delivery);
        List<String> approvalBefore = props.approvalBefore() != null ? props.approvalBefore()
                : ApprovalGates.defaultApprovalBefore(platform);
        for (EnvironmentSpec environment : DeliveryPipeline.promotionOrder(platform)) {
            EnvironmentStage stage = new EnvironmentStage(this, environment.name(), environment, props.environmentStacks(),
                    permissionsBoundary(delivery));
            props.perStage().accept(stage);
            pipeline.addStage(stage, approvalBefore.contains(environment.name())
                    ? AddStageOpts.builder().stackSteps(approvals(platform, stage)).build()
                    : AddStageOpts.builder().build());
            stages.add(stage);
        }
        checkSharedStacksBehindApprovals(platform, ApprovalGates.of(platform, approvalBefore));
        pipeline.buildPipeline();
        checkActionsPerStage(pipeline.getPipeline().getStages().stream()
                .collect(java.util.stream.Collectors.toMap(s -> s.getStageName(), s -> s.getActions().size(),
                        (a, b) -> a, java.util.LinkedHashMap::new)));
        AccessLogBuckets.logAccess(accessLogs, pipeline.getPipeline().getArtifactBucket());
        hardenArtifactBucket(pipeline.getPipeline().getArtifactBucket());
        otherRegions().forEach(support -> {
            AccessLogBuckets.logAccess(logBucket(support.getStack()), support.getReplicationBucket());
            hardenArtifactBucket(support.getReplicationBucket());
        });
        suppressGeneratedWildcards();
        suppressAssetPublishingWildcards();
        suppressCrossRegionKeyWildcard();
        suppressApprovalTopicKeyWildcard();
    }

    /**
     * CodePipeline's limit on an action's configuration value, which holds a manual approval's comment
     * ({@code CustomData}, ManualApprovalAction's {@code additionalInformation}): ActionConfigurationValue, "Maximum
     * length of 1000" (CodePipeline API reference, ActionDeclaration.configuration).
     */
    static final int APPROVAL_COMMENT_MAX = 1000;

    /**
     * The approvals of a stage that starts behind one: every stack's change set is prepared first and executed only after
     * an approval, so the approver reviews what will change (the change sets in the CloudFormation console) instead of
     * approving blind. One approval serves all stacks that depend on no other stack of the stage; a stack that depends on
     * another one of the stage (the environment stack on the account's OIDC provider, on its registry's settings) can only
     * prepare its change set once that one is deployed (CDK Pipelines orders every action of a stack after every action of
     * its dependencies), so it waits behind a further approval: one approval per layer of the stage's dependency graph,
     * {@code Approve}, {@code Approve2}, ... (a single approval after all prepares would need the environment's change
     * set before its dependencies exist: a cycle).
     */
    private List<StackSteps> approvals(Platform platform, EnvironmentStage stage) {
        Map<Integer, List<Stack>> layers = new TreeMap<>();
        for (Stack stack : stage.stacks()) {
            layers.computeIfAbsent(layer(stack, stage.stacks()), k -> new ArrayList<>()).add(stack);
        }
        EnvironmentSpec environment = stage.environment();
        List<StackSteps> steps = new ArrayList<>();
        int n = 0;
        for (List<Stack> layer : layers.values()) {
            n++;
            String names = String.join(", ", layer.stream().map(Stack::getStackName).toList());
            String comment = "Promote " + platform.name() + " to " + environment.name() + " (account " + environment.account()
                    + ", " + environment.region() + "): review the prepared change sets of " + names;
            if (comment.length() > APPROVAL_COMMENT_MAX) {
                comment = "Promote " + platform.name() + " to " + environment.name() + " (account " + environment.account()
                        + ", " + environment.region() + "): review the prepared change sets of " + layer.size() + " stacks";
            }
            Step approval = new NotifyingApprovalStep(n == 1 ? "Approve" : "Approve" + n, comment, approvalTopic);
            layer.forEach(stack -> steps.add(StackSteps.builder().stack(stack).changeSet(List.of(approval)).build()));
        }
        return steps;
    }

    /** 0 for a stack that depends on no other stack of the stage, else one more than the deepest of those it depends on. */
    private static int layer(Stack stack, List<Stack> stage) {
        return stack.getDependencies().stream().filter(stage::contains)
                .mapToInt(dependency -> layer(dependency, stage) + 1).max().orElse(0);
    }

    /**
     * Fails when a stage deploys a registry stack whose settings (scanning, replication, caches, templates, registry
     * policy) change an environment behind a later approval than the stage's own: those would change before that
     * environment's approver said yes. The platform file's path places them right; an own {@code environmentStacks}
     * with other approvals is checked here.
     */
    private void checkSharedStacksBehindApprovals(Platform platform, ApprovalGates gates) {
        List<EnvironmentSpec> order = DeliveryPipeline.promotionOrder(platform);
        List<String> problems = new ArrayList<>();
        for (EnvironmentStage stage : stages) {
            for (Stack stack : stage.stacks()) {
                if (!(stack instanceof RegistryStack)) {
                    continue;
                }
                List<EnvironmentSpec> changed = PlatformStacks.Ownership.changedBy(platform, order,
                        new RegistryPlan.Registry(stack.getAccount(), stack.getRegion()));
                EnvironmentSpec deploysIn = stage.environment();
                EnvironmentSpec behind = gates.stageFor(deploysIn, changed);
                if (!behind.equals(deploysIn)) {
                    problems.add("registry stack \"" + stack.getStackName() + "\" deploys in stage \"" + deploysIn.name()
                            + "\" but its registry settings change environment \"" + behind.name() + "\", which is behind a"
                            + " later approval");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems) + ". Hint: build the stages with"
                    + " PlatformStacks.stageStacks(platform, shardMap, approvalBefore), given the same approvalBefore as"
                    + " the pipeline, which deploys such a stack after that approval");
        }
    }

    /** Present only when some stage has a manual approval: its action role publishes to the approval topic. */
    private void suppressApprovalTopicKeyWildcard() {
        NagSuppressions.addResourceSuppressions(pipeline.getPipeline(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("The approval action role publishes to the approval topic, which is encrypted with the account's"
                        + " AWS-managed SNS key, which is named by alias only: Topic.grantPublish grants kms:Decrypt and"
                        + " kms:GenerateDataKey* on key/* with the condition kms:ResourceAliases = alias/aws/sns, that one key.")
                .appliesTo(List.of(regex("^Resource::arn:(<AWS::Partition>|aws):kms:[a-z0-9-]+:[0-9]{12}:key\\/\\*$")))
                .build()), true);
    }

    /**
     * CodePipeline's quota of actions in one stage
     * (https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html, "Number of actions in a stage"): a larger
     * stage fails only when CloudFormation creates the pipeline. CDK Pipelines splits a larger stage into
     * {@code <stage>.1}, {@code <stage>.2}, ... itself; the check guards that behaviour (a step that adds actions outside
     * the split would otherwise pass synthesis and fail on deploy).
     */
    public static final int MAX_ACTIONS_PER_STAGE = 50;

    /** Fails with every stage over {@link #MAX_ACTIONS_PER_STAGE}, naming its action count; action counts by stage name. */
    static void checkActionsPerStage(Map<String, Integer> actionsByStage) {
        List<String> over = actionsByStage.entrySet().stream().filter(e -> e.getValue() > MAX_ACTIONS_PER_STAGE)
                .map(e -> "stage \"" + e.getKey() + "\" has " + e.getValue() + " actions").toList();
        if (!over.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", over) + ": CodePipeline allows at most "
                    + MAX_ACTIONS_PER_STAGE + " actions in a stage (each stack takes two: prepare and deploy its change set)."
                    + " Hint: fewer stacks per environment (fewer shards, see docs/scale.md), or split the environment");
        }
    }

    /**
     * The access-log bucket of a stack's artifact bucket ({@link AccessLogBuckets#create}), kept when it leaves the
     * stack, with the Control Tower exceptions every access-log bucket needs ({@link AccessLogBucketControls}).
     * CodePipeline creates the artifact bucket (and, for every other target region, a replication bucket in a support
     * stack) and offers no logging prop, so each bucket's L1 is pointed at the log bucket of its own stack
     * ({@link AccessLogBuckets#logAccess}).
     */
    private static Bucket logBucket(Stack scope) {
        Bucket logs = AccessLogBuckets.create(scope, ACCESS_LOGS_ID, RemovalPolicy.RETAIN);
        AccessLogBucketControls.except((CfnBucket) logs.getNode().getDefaultChild());
        return logs;
    }

    /**
     * The Control Tower controls CodePipeline's own artifact (or replication) bucket and its key miss, set on their L1s
     * (no CodePipeline prop reaches them): versioning (CT.S3.PR.11), events to EventBridge (CT.S3.PR.4), a lifecycle
     * rule for old versions and abandoned uploads (CT.S3.PR.6; current artifacts are kept), and the key's grant guard
     * (CT.KMS.PR.3). Object Lock (CT.S3.PR.9) is a recorded exception: it can never be turned off again, it would
     * keep the lifecycle rule from removing old versions, and pipeline artifacts are rebuilt from the source commit on
     * every run.
     */
    private static void hardenArtifactBucket(IBucket bucket) {
        CfnBucket resource = (CfnBucket) bucket.getNode().getDefaultChild();
        resource.setVersioningConfiguration(CfnBucket.VersioningConfigurationProperty.builder().status("Enabled").build());
        AccessLogBuckets.sendEventsToEventBridge(resource);
        resource.setLifecycleConfiguration(CfnBucket.LifecycleConfigurationProperty.builder()
                .rules(List.of(CfnBucket.RuleProperty.builder()
                        .id("RemoveOldVersionsAndAbandonedUploads")
                        .status("Enabled")
                        .abortIncompleteMultipartUpload(CfnBucket.AbortIncompleteMultipartUploadProperty.builder()
                                .daysAfterInitiation(AccessLogBuckets.INCOMPLETE_UPLOAD_DAYS).build())
                        .noncurrentVersionExpiration(CfnBucket.NoncurrentVersionExpirationProperty.builder()
                                .noncurrentDays(ARTIFACT_NONCURRENT_VERSION_DAYS).build())
                        .build()))
                .build());
        ControlTowerSettings.exceptResource(resource, "CT.S3.PR.9", "Object Lock can never be turned off on a bucket and"
                + " would keep the lifecycle rule from removing old artifact versions; CodePipeline writes every artifact"
                + " under a new key and rebuilds them from the source commit on every run, so nothing here needs WORM"
                + " retention.");
        if (bucket.getEncryptionKey() != null) {
            bucket.getEncryptionKey().addToResourcePolicy(RepositoryKey.denyGrantsNotForAwsServices());
        }
    }

    /**
     * AwsSolutions-IAM5: the roles CDK Pipelines generates for the pipeline, its actions and its CodeBuild projects
     * carry grants that no pipelines prop narrows. Each suppression names the exact wildcards it covers.
     */
    private void suppressGeneratedWildcards() {
        NagSuppressions.addResourceSuppressions(pipeline, List.of(
                NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .reason("CDK Pipelines grants its roles read and write on the pipeline's own artifact bucket and"
                                + " its key (Bucket.grantReadWrite); the wildcards stay within that one bucket and key.")
                        .appliesTo(List.of(
                                "Action::s3:GetObject*", "Action::s3:GetBucket*", "Action::s3:List*",
                                "Action::s3:DeleteObject*", "Action::s3:Abort*",
                                "Action::kms:ReEncrypt*", "Action::kms:GenerateDataKey*",
                                regex("^Resource::<PipelineArtifactsBucket[A-Za-z0-9]+\\.Arn>\\/\\*$")))
                        .build(),
                NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .reason("Each CodeBuild project may write only its own log streams and test reports, whose names"
                                + " CodeBuild generates per build under the project's log group and report-group prefix.")
                        .appliesTo(List.of(
                                regex("^Resource::arn:(<AWS::Partition>|aws):logs:[a-z0-9-]+:[0-9]{12}:log-group:\\/aws\\/codebuild\\/<Pipeline[A-Za-z0-9]+>:\\*$"),
                                regex("^Resource::arn:(<AWS::Partition>|aws):codebuild:[a-z0-9-]+:[0-9]{12}:report-group\\/<Pipeline[A-Za-z0-9]+>-\\*$")))
                        .build(),
                NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .reason("Each CodeBuild project copies its build logs into the access-log bucket (CT.CODEBUILD.PR.3);"
                                + " CodeBuild names the log objects per build, so the grant covers that one bucket's objects.")
                        .appliesTo(List.of(regex("^Resource::<" + ACCESS_LOGS_ID + "[A-Za-z0-9]+\\.Arn>\\/\\*$")))
                        .build()), true);
        NagSuppressions.addResourceSuppressions(pipeline.getSelfMutationProject(), List.of(
                NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .reason("Self-mutation assumes the CDK bootstrap roles of the pipeline account, restricted by a"
                                + " condition on their aws-cdk:bootstrap-role tag, and reads stack state with"
                                + " cloudformation:DescribeStacks and s3:ListBucket, which name no single resource.")
                        .appliesTo(List.of(
                                "Resource::*",
                                regex("^Resource::arn:\\*:iam::[0-9]{12}:role\\/\\*$")))
                        .build()), true);
    }

    /** Present only when a stage deploys to another region than the pipeline's: CDK Pipelines then adds a support stack there. */
    private void suppressCrossRegionKeyWildcard() {
        if (supportStacks().isEmpty()) {
            return;
        }
        NagSuppressions.addResourceSuppressions(pipeline.getPipeline().getRole(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("The pipeline role copies artifacts into the replication bucket of every other region's support"
                        + " stack (all objects of that one bucket) and encrypts them with its key, which CodePipeline names"
                        + " by alias only, so the grant cannot name the key ARN; that key's policy admits this account alone.")
                .appliesTo(List.of("Resource::*", regex("^Resource::arn:(<AWS::Partition>|aws):s3:::[a-z0-9.-]+\\/\\*$")))
                .build()), true);
    }

    /** Present only when some stage has file or image assets; CDK Pipelines then adds one publishing role for them. */
    private void suppressAssetPublishingWildcards() {
        IConstruct assets = pipeline.getNode().tryFindChild("Assets");
        if (assets == null) {
            return;
        }
        NagSuppressions.addResourceSuppressions(assets, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("The asset publishing role CDK Pipelines generates starts and watches its publishing builds"
                        + " (codebuild:StartBuild and BatchGetBuilds name no resource at creation) and writes their logs"
                        + " and reports; it reaches the target accounts only through the named file-publishing roles.")
                .appliesTo(List.of(
                        "Resource::*",
                        regex("^Resource::arn:(<AWS::Partition>|aws):codebuild:[a-z0-9-]+:[0-9]{12}:report-group\\/\\*$"),
                        regex("^Resource::arn:(<AWS::Partition>|aws):logs:[a-z0-9-]+:[0-9]{12}:log-group:\\/aws\\/codebuild\\/\\*$")))
                .build()), true);
    }

    private static RegexAppliesTo regex(String pattern) {
        return RegexAppliesTo.builder().regex("/" + pattern + "/g").build();
    }

    /**
     * The topic every manual approval notifies, with the platform file's {@code delivery.approvalEmail} subscribed:
     * encrypted with the account's SNS key ({@code alias/aws/sns}: CodePipeline publishes with the pipeline role, a
     * principal of this account, which that key admits through SNS) and published to over TLS only.
     */
    private Topic approvalTopic(Delivery delivery) {
        Topic topic = Topic.Builder.create(this, APPROVAL_TOPIC_ID)
                .displayName(getStackName() + " approvals")
                .masterKey(Alias.fromAliasName(this, "SnsKey", "alias/aws/sns"))
                .enforceSsl(true)
                .build();
        delivery.approvalEmail().forEach(email -> topic.addSubscription(new EmailSubscription(email)));
        return topic;
    }

    /**
     * The topic the manual approvals notify; subscribe to it to be told when a stage waits.
     *
     * @return the approval topic
     */
    public Topic approvalTopic() {
        return approvalTopic;
    }

    /**
     * The synth step's command: the README's {@code npx cdk synth}, for this platform file.
     *
     * @param platformFile the path of the platform file
     * @return the synth step's command
     */
    public static String synthCommand(String platformFile) {
        return "npx cdk synth -c platform=" + platformFile;
    }

    /**
     * The CDK pipeline.
     *
     * @return the pipeline
     */
    public CodePipeline pipeline() {
        return pipeline;
    }

    /**
     * The support stacks CodePipeline adds, one per target region other than the pipeline's (replication bucket and key).
     *
     * @return the support stacks CodePipeline adds, one per target region other than the pipeline's (replication bucket and key)
     */
    public List<Stack> supportStacks() {
        return otherRegions().stream().map(CrossRegionSupport::getStack).toList();
    }

    /** CodePipeline lists its own region among the cross-region support entries once the pipeline stack replicates too. */
    private List<CrossRegionSupport> otherRegions() {
        return pipeline.getPipeline().getCrossRegionSupport().entrySet().stream()
                .filter(entry -> !entry.getKey().equals(getRegion()))
                .map(Map.Entry::getValue)
                .toList();
    }

    /**
     * The stages in the order the pipeline deploys them.
     *
     * @return the stages in the order the pipeline deploys them
     */
    public List<EnvironmentStage> stages() {
        return List.copyOf(stages);
    }

    /**
     * The platform file's {@code delivery.permissionsBoundary} for the CDK's own mechanism: a policy name resolves in each
     * stack's account, an ARN is taken as it is; null without one.
     */
    static software.amazon.awscdk.PermissionsBoundary permissionsBoundary(Delivery delivery) {
        if (delivery.permissionsBoundary() == null) {
            return null;
        }
        return delivery.permissionsBoundaryIsArn()
                ? software.amazon.awscdk.PermissionsBoundary.fromArn(delivery.permissionsBoundary())
                : software.amazon.awscdk.PermissionsBoundary.fromName(delivery.permissionsBoundary());
    }

    private static StackProps stackProps(String id, Platform platform) {
        Delivery delivery = platform.deliveryPipeline().orElseThrow(() -> new IllegalArgumentException(
                "platform \"" + platform.name() + "\" has no delivery section: a delivery pipeline needs its account,"
                        + " region, connectionArn and repository. Hint: add a delivery: section to the platform file"));
        return StackProps.builder()
                .stackName(id)
                .permissionsBoundary(permissionsBoundary(delivery))
                .env(software.amazon.awscdk.Environment.builder()
                        .account(delivery.account()).region(delivery.region()).build())
                .description("ecr-blueprint: delivery pipeline of " + platform.name()
                        + " (" + String.join(" -> ", DeliveryPipeline.promotionOrder(platform).stream().map(EnvironmentSpec::name).toList()) + ")")
                .build();
    }
}
