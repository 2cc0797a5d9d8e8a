package constructs.pipeline;

import constructs.access.Persona;
import constructs.internal.AccessLogBuckets;
import constructs.internal.ConformancePacks;
import constructs.internal.RoleLimits;
import constructs.internal.Tokens;
import constructs.repository.RepositoryKey;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.codebuild.BuildEnvironment;
import software.amazon.awscdk.services.codebuild.BuildEnvironmentVariable;
import software.amazon.awscdk.services.codebuild.BuildSpec;
import software.amazon.awscdk.services.codebuild.CfnProject;
import software.amazon.awscdk.services.codebuild.CloudWatchLoggingOptions;
import software.amazon.awscdk.services.codebuild.LinuxBuildImage;
import software.amazon.awscdk.services.codebuild.LoggingOptions;
import software.amazon.awscdk.services.codebuild.PipelineProject;
import software.amazon.awscdk.services.codecommit.Repository;
import software.amazon.awscdk.services.codepipeline.Artifact;
import software.amazon.awscdk.services.codepipeline.GitConfiguration;
import software.amazon.awscdk.services.codepipeline.GitPushFilter;
import software.amazon.awscdk.services.codepipeline.IAction;
import software.amazon.awscdk.services.codepipeline.Pipeline;
import software.amazon.awscdk.services.codepipeline.PipelineType;
import software.amazon.awscdk.services.codepipeline.ProviderType;
import software.amazon.awscdk.services.codepipeline.StageProps;
import software.amazon.awscdk.services.codepipeline.TriggerProps;
import software.amazon.awscdk.services.codepipeline.actions.CodeBuildAction;
import software.amazon.awscdk.services.codepipeline.actions.CodeCommitSourceAction;
import software.amazon.awscdk.services.codepipeline.actions.CodeStarConnectionsSourceAction;
import software.amazon.awscdk.services.codepipeline.actions.ManualApprovalAction;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.iam.CfnManagedPolicy;
import software.amazon.awscdk.services.iam.CfnRole;
import software.amazon.awscdk.services.iam.FromRoleArnOptions;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The image pipeline of one service on AWS's own CI: a CodePipeline (V2) whose source is a CodeConnections connection
 * (GitHub, GitLab, Bitbucket) or a CodeCommit repository, started by pushes to the given branches; a CodeBuild project
 * that runs the service's generated buildspec (build once, push, scan gate) with the service's CodeBuild publisher role
 * as its service role, in privileged mode (Docker builds need the Docker daemon); and per later environment a stage of
 * a manual approval followed by a CodeBuild build that assumes that environment's promoter role and copies the built
 * digest with the generated promotion buildspec, the same {@code oras cp} as the generated GitHub workflow.
 *
 * <p>Owned here, one each per pipeline: a KMS key (rotated, grants only for AWS services) for the artifacts, the logs
 * and the projects; the artifact bucket (SSE-KMS, versioned, public access blocked, TLS only, no ACLs, events to
 * EventBridge, old versions expire, access logs); its access-log bucket (SSE-S3: S3 server access logging cannot
 * write to SSE-KMS buckets); one log group for every build (encrypted, retained a year); the promotion builds' role,
 * which may only assume the promoter roles. Nothing is looked up at synthesis: the connection and the CodeCommit
 * repository are named.
 *
 * <p>The build role gets one further managed policy ({@code BuildPolicy}) with exactly
 * {@link Persona#BUILD_RESOURCE_ACTIONS} on this pipeline's log group, bucket and key, and with a VPC
 * {@link Persona#BUILD_VPC_ACTIONS}; CodeBuild's own grants to it are switched off (the role is imported immutable).
 */
public class ImagePipeline extends Construct {

    /** The build action's variable namespace; the promotion builds read {@code #{Build.IMAGE_DIGEST}}. */
    public static final String BUILD_NAMESPACE = "Build";
    /** The source action's variable namespace ({@code BranchName}, {@code CommitId}). */
    public static final String SOURCE_NAMESPACE = "Source";
    /** Construct id of the artifact bucket: stateful, so the id is API. */
    public static final String ARTIFACT_BUCKET_ID = "ArtifactBucket";
    /** Construct id of the access-log bucket: stateful, so the id is API. */
    public static final String ACCESS_LOGS_ID = "AccessLogs";
    /** Construct id of the build log group: stateful, so the id is API. */
    public static final String LOG_GROUP_ID = "BuildLogs";
    /** Construct id of the KMS key: stateful, so the id is API. */
    public static final String KEY_ID = "Key";

    static final int ARTIFACT_NONCURRENT_VERSION_DAYS = 30;
    static final Duration BUILD_TIMEOUT = Duration.hours(1);

    private final Pipeline pipeline;
    private final PipelineProject buildProject;
    private final List<PipelineProject> promotionProjects = new ArrayList<>();
    private final Bucket artifactBucket;
    private final Bucket accessLogs;
    private final LogGroup logGroup;
    private final Key key;
    private final CfnRole promotionRole;
    private final List<CfnManagedPolicy> policies = new ArrayList<>();
    /** The promotion role's policy; null without promotions. */
    private CfnManagedPolicy promotionPolicy;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public ImagePipeline(Construct scope, String id, ImagePipelineProps props) {
        super(scope, id);
        validate(props);
        Stack stack = Stack.of(this);

        this.key = Key.Builder.create(this, KEY_ID)
                .description("Encrypts the artifacts and build logs of pipeline " + props.pipelineName())
                .enableKeyRotation(true)
                .removalPolicy(props.removalPolicy())
                .build();
        key.addToResourcePolicy(RepositoryKey.denyGrantsNotForAwsServices());
        String logGroupName = "/aws/codebuild/" + props.pipelineName();
        // CloudWatch Logs encrypts with the key as its regional service principal, for this log group only.
        // Source: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("CloudWatchLogsEncryptsTheBuildLogs")
                .principals(List.of(new ServicePrincipal("logs." + stack.getRegion() + ".amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey",
                        "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnEquals", Map.of("kms:EncryptionContext:aws:logs:arn",
                        "arn:" + stack.getPartition() + ":logs:" + stack.getRegion() + ":" + stack.getAccount()
                                + ":log-group:" + logGroupName)))
                .build());

        this.accessLogs = AccessLogBuckets.create(this, ACCESS_LOGS_ID, props.removalPolicy());
        this.artifactBucket = Bucket.Builder.create(this, ARTIFACT_BUCKET_ID)
                .encryption(BucketEncryption.KMS)
                .encryptionKey(key)
                .bucketKeyEnabled(true)
                .enforceSsl(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .versioned(true)
                .removalPolicy(props.removalPolicy())
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("RemoveOldVersionsAndAbandonedUploads")
                        .abortIncompleteMultipartUploadAfter(Duration.days(AccessLogBuckets.INCOMPLETE_UPLOAD_DAYS))
                        .noncurrentVersionExpiration(Duration.days(ARTIFACT_NONCURRENT_VERSION_DAYS))
                        .build()))
                .build();
        AccessLogBuckets.sendEventsToEventBridge((CfnBucket) artifactBucket.getNode().getDefaultChild());
        AccessLogBuckets.logAccess(accessLogs, artifactBucket);

        this.logGroup = LogGroup.Builder.create(this, LOG_GROUP_ID)
                .logGroupName(logGroupName)
                .encryptionKey(key)
                .retention(props.logRetention())
                .removalPolicy(props.removalPolicy())
                .build();
        logGroup.getNode().addDependency(key);

        ISecurityGroup securityGroup = props.vpc() == null ? null : SecurityGroup.Builder.create(this, "BuildSecurityGroup")
                .vpc(props.vpc())
                .description("Builds of " + props.pipelineName() + ": egress only")
                .allowAllOutbound(true)
                .build();

        IRole buildRole = immutable("ImportedBuildRole", props.buildRole().getRoleArn());
        this.buildProject = project("BuildProject", props.buildProjectName(), buildRole, props.buildSpecPath(), true,
                props, securityGroup, "build");
        CfnManagedPolicy buildPolicy = CfnManagedPolicy.Builder.create(this, "BuildPolicy")
                .description("What the image builds of " + props.pipelineName() + " need besides pushing: their logs,"
                        + " the source artifact" + (props.vpc() == null ? "" : ", network interfaces in the VPC"))
                .policyDocument(document(buildStatements(props, false)))
                .roles(List.of(props.buildRole().getRoleName()))
                .build();
        buildProject.getNode().addDependency(buildPolicy);
        policies.add(buildPolicy);

        this.promotionRole = props.promotions().isEmpty() ? null : promotionRole(props);
        // By name (its Ref): the project then names it in its own account, and waits for it.
        IRole promotionRoleRef = promotionRole == null ? null : Role.fromRoleName(this, "ImportedPromotionRole",
                promotionRole.getRef(), software.amazon.awscdk.services.iam.FromRoleNameOptions.builder().mutable(false).build());

        Artifact sourceOutput = Artifact.artifact("Source");
        String branch = props.branches().get(0);
        IAction sourceAction;
        if (props.source().connectionArn() != null) {
            String repository = props.source().repository();
            sourceAction = CodeStarConnectionsSourceAction.Builder.create()
                    .actionName("Source")
                    .connectionArn(props.source().connectionArn())
                    .owner(repository.substring(0, repository.indexOf('/')))
                    .repo(repository.substring(repository.indexOf('/') + 1))
                    .branch(branch)
                    .output(sourceOutput)
                    .variablesNamespace(SOURCE_NAMESPACE)
                    .build();
        } else {
            sourceAction = CodeCommitSourceAction.Builder.create()
                    .actionName("Source")
                    .repository(Repository.fromRepositoryName(this, "CodeCommitRepository", props.source().codeCommitRepository()))
                    .branch(branch)
                    .output(sourceOutput)
                    .variablesNamespace(SOURCE_NAMESPACE)
                    .build();
        }
        Map<String, BuildEnvironmentVariable> buildVariables = new TreeMap<>(Map.of(
                "PIPELINE_BRANCH", variable("#{" + SOURCE_NAMESPACE + ".BranchName}"),
                "PIPELINE_COMMIT", variable("#{" + SOURCE_NAMESPACE + ".CommitId}")));
        List<StageProps> stages = new ArrayList<>();
        stages.add(StageProps.builder().stageName("Source").actions(List.of(sourceAction)).build());
        stages.add(StageProps.builder().stageName("Build").actions(List.of(CodeBuildAction.Builder.create()
                .actionName("BuildPushScan")
                .project(buildProject)
                .input(sourceOutput)
                .environmentVariables(buildVariables)
                .variablesNamespace(BUILD_NAMESPACE)
                .build())).build());
        for (ImagePipelinePromotion promotion : props.promotions()) {
            PipelineProject project = project("Promote" + capitalise(promotion.environment()),
                    props.buildProjectName() + "-promote-" + promotion.environment(), promotionRoleRef,
                    promotion.buildSpecPath(), false, props, securityGroup, "promote-" + promotion.environment());
            // After the role's policy too: CodeBuild checks a project's VPC settings as its role when creating it.
            project.getNode().addDependency(promotionRole, promotionPolicy);
            promotionProjects.add(project);
            Map<String, BuildEnvironmentVariable> variables = new TreeMap<>(Map.of(
                    "DIGEST", variable("#{" + BUILD_NAMESPACE + ".IMAGE_DIGEST}"),
                    "COMMIT_SHA", variable("#{" + SOURCE_NAMESPACE + ".CommitId}")));
            stages.add(StageProps.builder().stageName("Promote-" + promotion.environment()).actions(List.of(
                    ManualApprovalAction.Builder.create()
                            .actionName("Approve")
                            .additionalInformation("Promote the image digest built by this execution to "
                                    + promotion.environment() + " (as " + promotion.promoterRoleArn() + ")")
                            .runOrder(1)
                            .build(),
                    CodeBuildAction.Builder.create()
                            .actionName("PromoteDigest")
                            .project(project)
                            .input(sourceOutput)
                            .environmentVariables(variables)
                            .runOrder(2)
                            .build())).build());
        }

        var pipelineProps = Pipeline.Builder.create(this, "Pipeline")
                .pipelineName(props.pipelineName())
                .pipelineType(PipelineType.V2)
                .artifactBucket(artifactBucket)
                .restartExecutionOnUpdate(false)
                .stages(stages);
        if (props.source().connectionArn() != null) {
            // V2 triggers filter branches for connection sources only (CodeCommit watches its one branch through
            // EventBridge). Source: https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter.html
            pipelineProps.triggers(List.of(TriggerProps.builder()
                    .providerType(ProviderType.CODE_STAR_SOURCE_CONNECTION)
                    .gitConfiguration(GitConfiguration.builder()
                            .sourceAction(sourceAction)
                            .pushFilter(List.of(GitPushFilter.builder().branchesIncludes(props.branches()).build()))
                            .build())
                    .build()));
        }
        this.pipeline = pipelineProps.build();
        suppress(props);
    }

    private static void validate(ImagePipelineProps props) {
        List<String> problems = new ArrayList<>();
        if (props.pipelineName() == null || props.pipelineName().isBlank()) {
            problems.add("pipelineName is required. Hint: \"shop-api-image\"");
        }
        if (props.buildProjectName() == null || props.buildProjectName().isBlank()) {
            problems.add("buildProjectName is required: the publisher role trusts the project by name. Hint: \"shop-api-image\"");
        }
        if (props.buildRole() == null) {
            problems.add("buildRole is required: the service's CodeBuild publisher role (CodeBuildPublisherRole)");
        }
        if (props.source() == null) {
            problems.add("source is required. Hint: ImagePipelineSource.connection(connectionArn, \"org/repo\")");
        } else if (props.source().connectionArn() != null) {
            String arn = props.source().connectionArn();
            if (!Tokens.isUnresolved(arn) && !ImagePipelineSource.CONNECTION_ARN.matcher(arn).matches()) {
                problems.add("source connectionArn \"" + arn + "\" is not a CodeConnections connection ARN. Hint: "
                        + "\"arn:aws:codeconnections:eu-west-1:111111111111:connection/<id>\"");
            }
            String repository = props.source().repository();
            if (repository == null || repository.indexOf('/') <= 0 || repository.endsWith("/")) {
                problems.add("source repository \"" + repository + "\" must be owner/repo as the provider names it");
            }
        }
        if (props.branches().isEmpty()) {
            problems.add("branches is empty: name the branches whose pushes start the pipeline. Hint: List.of(\"main\")");
        } else if (props.source() != null && props.source().codeCommitRepository() != null && props.branches().size() > 1) {
            problems.add("branches " + props.branches() + ": a CodeCommit source watches one branch (trigger filters exist"
                    + " for CodeConnections sources only)");
        } else if (props.branches().size() > limits.AwsLimits.CODEPIPELINE_TRIGGER_BRANCHES) {
            problems.add("branches has " + props.branches().size() + " entries, but a trigger filters on at most "
                    + limits.AwsLimits.CODEPIPELINE_TRIGGER_BRANCHES);
        }
        if (!props.buildImage().startsWith("aws/codebuild/")) {
            problems.add("buildImage \"" + props.buildImage() + "\" is not a CodeBuild curated image: a custom image needs"
                    + " pull credentials the publisher role does not hold. Hint: \"" + ImagePipelineProps.DEFAULT_BUILD_IMAGE + "\"");
        }
        if (!props.promotions().isEmpty() && props.promotionRoleName() == null) {
            problems.add("promotionRoleName is required with promotions. Hint: \"shop-dev-api-promotion\"");
        }
        if (props.promotionRoleName() != null) {
            RoleLimits.checkRoleName(props.promotionRoleName(), problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("ImagePipeline: " + String.join("; ", problems));
        }
    }

    private IRole immutable(String id, String arn) {
        return Role.fromRoleArn(this, id, arn, FromRoleArnOptions.builder().mutable(false).build());
    }

    private PipelineProject project(String id, String name, IRole role, String buildSpecPath, boolean privileged,
                                    ImagePipelineProps props, ISecurityGroup securityGroup, String logPrefix) {
        var builder = PipelineProject.Builder.create(this, id)
                .projectName(name)
                .role(role)
                .buildSpec(BuildSpec.fromSourceFilename(buildSpecPath))
                .encryptionKey(key)
                .timeout(BUILD_TIMEOUT)
                .environment(BuildEnvironment.builder()
                        .buildImage(LinuxBuildImage.fromCodeBuildImageId(props.buildImage()))
                        .computeType(props.computeType())
                        .privileged(privileged)
                        .build())
                .logging(LoggingOptions.builder()
                        .cloudWatch(CloudWatchLoggingOptions.builder().logGroup(logGroup).prefix(logPrefix).build())
                        .build());
        PipelineProject project = builder.build();
        if (props.vpc() != null) {
            // On the L1: the L2's vpc prop also creates a policy of EC2 actions on "*" for the project's role, which
            // cannot attach to these imported roles (it is never written, yet cdk-nag reports it). The roles' own
            // policies hold those actions (buildStatements), bound to these subnets where IAM allows.
            ((CfnProject) project.getNode().getDefaultChild()).setVpcConfig(CfnProject.VpcConfigProperty.builder()
                    .vpcId(props.vpc().getVpcId())
                    .subnets(props.vpc().getPrivateSubnets().stream().map(ISubnet::getSubnetId).toList())
                    .securityGroupIds(List.of(securityGroup.getSecurityGroupId()))
                    .build());
        }
        return project;
    }

    private static BuildEnvironmentVariable variable(String value) {
        return BuildEnvironmentVariable.builder().value(value).build();
    }

    /** The build role's extra statements, or the promotion role's (then without VPC actions on their own statement). */
    private List<Map<String, Object>> buildStatements(ImagePipelineProps props, boolean promotion) {
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(allow("WriteBuildLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                List.of(logGroup.getLogGroupArn())));
        statements.add(allow("ReadSourceArtifact", List.of("s3:GetObject", "s3:GetObjectVersion"),
                List.of(artifactBucket.arnForObjects("*"))));
        statements.add(allow("DecryptSourceArtifact", List.of("kms:Decrypt"), List.of(key.getKeyArn())));
        if (props.vpc() != null) {
            Stack stack = Stack.of(this);
            statements.add(allow("BuildNetworkInterfaces", Persona.BUILD_VPC_ACTIONS, List.of("*")));
            Map<String, Object> permission = allow("BuildNetworkInterfacePermission",
                    List.of(Persona.BUILD_VPC_PERMISSION_ACTION), List.of("arn:" + stack.getPartition() + ":ec2:"
                            + stack.getRegion() + ":" + stack.getAccount() + ":network-interface/*"));
            List<String> subnetArns = props.vpc().getPrivateSubnets().stream().map(s -> "arn:" + stack.getPartition()
                    + ":ec2:" + stack.getRegion() + ":" + stack.getAccount() + ":subnet/" + s.getSubnetId()).toList();
            permission.put("Condition", Map.of(
                    "StringEquals", Map.of("ec2:AuthorizedService", "codebuild.amazonaws.com"),
                    "ArnEquals", Map.of("ec2:Subnet", subnetArns)));
            statements.add(permission);
        }
        return statements;
    }

    private CfnRole promotionRole(ImagePipelineProps props) {
        Stack stack = Stack.of(this);
        List<String> projectArns = props.promotions().stream().map(p -> "arn:" + stack.getPartition() + ":codebuild:"
                + stack.getRegion() + ":" + stack.getAccount() + ":project/" + props.buildProjectName() + "-promote-"
                + p.environment()).toList();
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("StringEquals", Map.of("aws:SourceAccount", stack.getAccount()));
        condition.put("ArnLike", Map.of("aws:SourceArn", projectArns));
        Map<String, Object> trust = new LinkedHashMap<>();
        trust.put("Effect", "Allow");
        trust.put("Principal", Map.of("Service", "codebuild.amazonaws.com"));
        trust.put("Action", "sts:AssumeRole");
        trust.put("Condition", condition);
        CfnRole role = CfnRole.Builder.create(this, "PromotionRole")
                .roleName(props.promotionRoleName())
                .description("Runs the promotion builds of " + props.pipelineName() + ": assumes the promoter roles only")
                .assumeRolePolicyDocument(document(List.of(trust)))
                .maxSessionDuration(RoleLimits.MAX_SESSION_SECONDS)
                .build();
        List<Map<String, Object>> statements = new ArrayList<>(buildStatements(props, true));
        statements.add(allow("AssumePromoterRoles", List.of("sts:AssumeRole"),
                props.promotions().stream().map(ImagePipelinePromotion::promoterRoleArn).distinct().toList()));
        promotionPolicy = CfnManagedPolicy.Builder.create(this, "PromotionPolicy")
                .description("The promotion builds of " + props.pipelineName() + ": their logs, the source artifact, the"
                        + " promoter roles")
                .policyDocument(document(statements))
                .roles(List.of(role.getRef()))
                .build();
        policies.add(promotionPolicy);
        return role;
    }

    private static Map<String, Object> allow(String sid, List<String> actions, List<String> resources) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Action", List.copyOf(actions));
        statement.put("Resource", List.copyOf(resources));
        return statement;
    }

    private static Map<String, Object> document(List<Map<String, Object>> statements) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", List.copyOf(statements));
        return document;
    }

    /** Why the access-log bucket logs nowhere itself (AwsSolutions-S1, CT.S3.PR.2). */
    public static final String LOGGING_ITSELF_LOOPS = AccessLogBuckets.LOGGING_ITSELF_LOOPS;

    private void suppress(ImagePipelineProps props) {
        NagSuppressions.addResourceSuppressions(buildProject, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-CB3")
                .reason("The build runs docker buildx to build and push the service's image, which needs the Docker"
                        + " daemon of privileged mode; the build runs only the service's own buildspec, from the listed"
                        + " branches, with the push-only publisher role.")
                .build()), true);
        List<NagPackSuppression> wildcards = new ArrayList<>(List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("CodePipeline's roles read and write this pipeline's own artifact bucket and its key"
                        + " (Bucket.grantReadWrite); the wildcards stay within that one bucket and key.")
                .appliesTo(List.of("Action::s3:GetObject*", "Action::s3:GetBucket*", "Action::s3:List*",
                        "Action::s3:DeleteObject*", "Action::s3:Abort*", "Action::kms:ReEncrypt*",
                        "Action::kms:GenerateDataKey*",
                        io.github.cdklabs.cdknag.RegexAppliesTo.builder()
                                .regex("/^Resource::<.*" + ARTIFACT_BUCKET_ID + "[A-Za-z0-9]+\\.Arn>\\/\\*$/g").build()))
                .build()));
        wildcards.add(NagPackSuppression.builder()
                .id("EcrBlueprint-NoWildcardActions")
                .reason("CodePipeline's own roles (the pipeline's and its actions') get Bucket.grantReadWrite and"
                        + " Key.grantEncryptDecrypt on this pipeline's artifact bucket and key only, which CodePipeline"
                        + " offers no prop to narrow; no ECR action and no other resource is involved.")
                .appliesTo(List.of("Action::s3:GetObject*", "Action::s3:GetBucket*", "Action::s3:List*",
                        "Action::s3:DeleteObject*", "Action::s3:Abort*", "Action::kms:ReEncrypt*",
                        "Action::kms:GenerateDataKey*"))
                .build());
        NagSuppressions.addResourceSuppressions(pipeline, wildcards, true);
        List<Object> buildPolicyWildcards = new ArrayList<>(List.of(
                io.github.cdklabs.cdknag.RegexAppliesTo.builder()
                        .regex("/^Resource::<.*" + ARTIFACT_BUCKET_ID + "[A-Za-z0-9]+\\.Arn>\\/\\*$/g").build(),
                io.github.cdklabs.cdknag.RegexAppliesTo.builder()
                        .regex("/^Resource::<.*" + LOG_GROUP_ID + "[A-Za-z0-9]+\\.Arn>$/g").build()));
        String reason = "A build reads the source artifact CodePipeline writes under a new key per execution in this"
                + " pipeline's bucket, and writes log streams CodeBuild names per build in this pipeline's log group.";
        if (props.vpc() != null) {
            buildPolicyWildcards.add("Resource::*");
            buildPolicyWildcards.add(io.github.cdklabs.cdknag.RegexAppliesTo.builder()
                    .regex("/^Resource::arn:.*:ec2:.*:network-interface\\/\\*$/g").build());
            reason += " In the VPC, CodeBuild creates a network interface per build as the role: the EC2 network-interface"
                    + " actions have no resource-level permissions but CreateNetworkInterfacePermission, which is bound"
                    + " to the build subnets and to CodeBuild.";
        }
        for (CfnManagedPolicy policy : policies) {
            NagSuppressions.addResourceSuppressions(policy, List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-IAM5").reason(reason).appliesTo(buildPolicyWildcards).build()), true);
        }
        suppressConformancePackFindings();
    }

    /** The NIST 800-53, HIPAA and PCI findings the pipeline's resources answer by design, with the reasons. */
    private void suppressConformancePackFindings() {
        String rebuilt = "Pipeline artifacts are rebuilt from the source commit on every run and kept only as long as a"
                + " run needs them; a replica bucket would hold copies nothing reads.";
        NagSuppressions.addResourceSuppressions(artifactBucket,
                ConformancePacks.suppress("S3BucketReplicationEnabled", rebuilt), true);
        List<NagPackSuppression> logs = new ArrayList<>(ConformancePacks.suppress("S3BucketReplicationEnabled",
                "S3 server access logging delivers to a bucket in the logged bucket's own region; these logs describe"
                        + " access to artifacts that are rebuilt on every run, and the bucket keeps them (RETAIN in prod)."));
        logs.addAll(ConformancePacks.suppress("S3DefaultEncryptionKMS", AccessLogBuckets.NO_KMS_KEY));
        NagSuppressions.addResourceSuppressions(accessLogs, logs, true);
        List<PipelineProject> projects = new ArrayList<>(promotionProjects);
        projects.add(buildProject);
        for (PipelineProject project : projects) {
            NagSuppressions.addResourceSuppressions(project, ConformancePacks.suppress("CodeBuildProjectSourceRepoUrl",
                    "The project's source is the CodePipeline artifact (source type CODEPIPELINE): the pipeline's"
                            + " CodeConnections or CodeCommit source action reads the repository, and the project holds"
                            + " no repository URL or credential."), true);
        }
        NagSuppressions.addResourceSuppressions(pipeline, ConformancePacks.suppress("IAMNoInlinePolicy",
                "aws-cdk-lib's CodePipeline gives its own role and each action's role an inline default policy, which no"
                        + " prop replaces; each names only this pipeline's bucket, key, projects and roles."), true);
    }

    private static String capitalise(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /**
     * The pipeline.
     *
     * @return the CodePipeline (V2)
     */
    public Pipeline getPipeline() {
        return pipeline;
    }

    /**
     * The build project.
     *
     * @return the project that runs the generated buildspec
     */
    public PipelineProject getBuildProject() {
        return buildProject;
    }

    /**
     * The build project's L1, for controls that name it.
     *
     * @return the {@code AWS::CodeBuild::Project}
     */
    public CfnProject getBuildProjectResource() {
        return (CfnProject) buildProject.getNode().getDefaultChild();
    }

    /**
     * The promotion projects, one per promotion, in order.
     *
     * @return the promotion projects
     */
    public List<PipelineProject> getPromotionProjects() {
        return List.copyOf(promotionProjects);
    }

    /**
     * The artifact bucket.
     *
     * @return the pipeline's one artifact bucket
     */
    public Bucket getArtifactBucket() {
        return artifactBucket;
    }

    /**
     * The access-log bucket of the artifact bucket.
     *
     * @return the access-log bucket
     */
    public Bucket getAccessLogBucket() {
        return accessLogs;
    }

    /**
     * The log group every build of the pipeline writes to.
     *
     * @return the log group
     */
    public LogGroup getLogGroup() {
        return logGroup;
    }

    /**
     * The ARN of the role the promotion builds run as, which the promoters' trust admits.
     *
     * @return the promotion role's ARN; null without promotions
     */
    public String getPromotionRoleArn() {
        return promotionRole == null ? null : promotionRole.getAttrArn();
    }
}
