package constructs.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one table of exact IAM actions per persona. Roles built by this toolkit carry the tag
 * {@value #TAG_KEY} with {@link #tagValue()}; the compliance pack checks every tagged role's
 * actions against {@link #allowedActions()}.
 *
 * <p>No persona holds {@code ecr:*}, a {@code Delete*} action or a wildcard action. Every list is
 * sorted and taken from the AWS page linked next to it.
 */
public enum Persona {

    /**
     * CI that pushes images: exactly the actions of the ECR user guide's push policy.
     * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html
     */
    PUBLISHER("publisher", Actions.PUSH),

    /**
     * Workloads whose agent pulls: ECS task execution role, EKS node role, EKS Fargate pod
     * execution role. The ECR user guide's EKS node policy and the AWS managed
     * AmazonEKSFargatePodExecutionRolePolicy both list exactly these three (plus the token).
     * Sources: https://docs.aws.amazon.com/AmazonECR/latest/userguide/ECR_on_EKS.html ,
     * https://docs.aws.amazon.com/AmazonECR/latest/userguide/ECR_on_ECS.html ,
     * https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEKSFargatePodExecutionRolePolicy.html
     */
    PULLER("puller", Actions.PULL),

    /**
     * App Runner's access role (legacy opt-in): App Runner also describes the image before it pulls.
     * Source: https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSAppRunnerServicePolicyForECRAccess.html
     */
    APP_RUNNER_PULLER("apprunner-puller", Actions.APP_RUNNER_PULL),

    /**
     * CI that pushes released images to an ECR Public repository (us-east-1). It logs in with
     * {@link #PUBLIC_LOGIN_ACTIONS} instead of the private registry's token.
     * Source: https://docs.aws.amazon.com/AmazonECR/latest/public/public-repository-policy-examples.html
     */
    PUBLIC_PUBLISHER("public-publisher", List.of(
            "ecr-public:BatchCheckLayerAvailability",
            "ecr-public:CompleteLayerUpload",
            "ecr-public:InitiateLayerUpload",
            "ecr-public:PutImage",
            "ecr-public:UploadLayerPart")),

    /**
     * Copies one digest from the source environment's repository ({@link #PROMOTER_SOURCE_ACTIONS},
     * the pull actions) into its own ({@link #PROMOTER_TARGET_ACTIONS}, the push actions).
     * Sources: the PULLER and PUBLISHER pages above.
     */
    PROMOTER("promoter", union(Actions.PULL, Actions.PUSH)),

    /**
     * CI step that waits for a scan and reads its findings: basic scanning through ECR, enhanced
     * scanning through the two Amazon Inspector read actions of the enhanced-scanning policy (the
     * policy's Enable/Disable/ListAccountPermissions are for turning scanning on, not for reading).
     * Sources: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DescribeImageScanFindings.html ,
     * https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning-enhanced-iam.html
     */
    SCAN_GATE("scan-gate", List.of(
            "ecr:DescribeImageScanFindings",
            "ecr:DescribeImages",
            "inspector2:ListCoverage",
            "inspector2:ListFindings")),

    /**
     * Role ECR assumes for repository-creation templates that set KMS encryption or resource tags:
     * exactly the custom policy of the user guide.
     * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-creation-templates-custom.html
     */
    CREATION_TEMPLATE("creation-template", List.of(
            "ecr:CreateRepository",
            "ecr:ReplicateImage",
            "ecr:TagResource",
            "kms:CreateGrant",
            "kms:DescribeKey",
            "kms:RetireGrant")),

    /**
     * Workloads that pull base images through a pull-through cache rule: the pull actions plus the
     * import, the on-demand repository creation, and TagResource (needed when a creation template
     * adds resource tags to the cached repository).
     * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache-iam.html
     */
    CACHE_PULLER("cache-puller", List.of(
            "ecr:BatchCheckLayerAvailability",
            "ecr:BatchGetImage",
            "ecr:BatchImportUpstreamImage",
            "ecr:CreateRepository",
            "ecr:GetDownloadUrlForLayer",
            "ecr:TagResource"));

    /** Tag key every role built by the toolkit carries. */
    public static final String TAG_KEY = "ecr-blueprint:persona";

    /**
     * Needed by every persona that talks to a registry; only grantable on {@code *}.
     * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html
     */
    public static final String AUTHORIZATION_TOKEN_ACTION = "ecr:GetAuthorizationToken";

    /**
     * With ECR managed signing, ECR signs a pushed image as the pushing identity, so a pusher needs
     * this on the registry's AWS Signer signing profile.
     * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/managed-signing.html
     */
    public static final String SIGN_ACTION = "signer:SignPayload";

    /** The promoter's actions on the source environment's repository: the pull actions. */
    public static final List<String> PROMOTER_SOURCE_ACTIONS = Actions.PULL;

    /** The promoter's actions on its own environment's repository: the push actions. */
    public static final List<String> PROMOTER_TARGET_ACTIONS = Actions.PUSH;

    private final String tagValue;
    private final List<String> actions;

    Persona(String tagValue, List<String> actions) {
        this.tagValue = tagValue;
        this.actions = List.copyOf(actions);
    }

    /**
     * The value of the {@code persona} tag on roles of this persona (read by the compliance rules).
     *
     * @return the tag value
     */
    public String tagValue() {
        return tagValue;
    }

    /**
     * Actions on repositories (or the service's resources), sorted.
     *
     * @return the persona's actions, sorted
     */
    public List<String> actions() {
        return actions;
    }

    /**
     * Everything a role of this persona may hold: its actions, the authorization token, and for
     * the pushing personas (publisher, promoter) {@link #SIGN_ACTION}.
     *
     * @return every action a role of this persona may hold
     */
    public Set<String> allowedActions() {
        var all = new TreeSet<>(actions);
        if (this == PUBLIC_PUBLISHER) {
            all.addAll(PUBLIC_LOGIN_ACTIONS);
        } else if (this != CREATION_TEMPLATE) {
            all.add(AUTHORIZATION_TOKEN_ACTION);
        }
        if (this == PUBLISHER || this == PROMOTER) {
            all.add(SIGN_ACTION);
        }
        if (this == PUBLISHER) {
            all.addAll(PUBLISHER_SCAN_GATE_ACTIONS);
            all.addAll(INSPECTOR_SCAN_GATE_ACTIONS);
        }
        if (this == PUBLISHER || this == PULLER || this == APP_RUNNER_PULLER) {
            // builds and workloads pull their base images through the registry's pull-through cache rules
            all.addAll(CACHE_PULLER.actions);
        }
        return all;
    }

    /**
     * What a pusher needs on {@code *} to log in to ECR Public.
     * Source: https://docs.aws.amazon.com/AmazonECR/latest/public/public-registry-auth.html
     */
    public static final List<String> PUBLIC_LOGIN_ACTIONS = List.of(
            "ecr-public:GetAuthorizationToken",
            "sts:GetServiceBearerToken");

    /**
     * The read actions a publisher holds on its own repositories so that the generated workflow can
     * wait for the scan of what it pushed and fail on findings (basic scanning; under ENHANCED
     * scanning ECR returns Amazon Inspector's findings through the same call).
     * Source: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_DescribeImageScanFindings.html
     */
    public static final List<String> PUBLISHER_SCAN_GATE_ACTIONS = List.of(
            "ecr:DescribeImageScanFindings",
            "ecr:DescribeImages");

    /**
     * What a publisher additionally holds where its registry scans ENHANCED: the scan gate lists the pushed image's
     * Amazon Inspector findings. Granted on {@code *}: ListFindings has no resource-level permissions.
     * Source: https://docs.aws.amazon.com/inspector/latest/user/security-iam-awsmanpol.html ,
     * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoninspector2.html
     */
    public static final List<String> INSPECTOR_SCAN_GATE_ACTIONS = List.of("inspector2:ListFindings");

    /**
     * What a CodeBuild project's service role needs besides pushing (the publisher as an image pipeline's build role),
     * by the CloudFormation type of the one resource each must be scoped to, a resource of the role's own template:
     * write the build's log streams in the pipeline's log group, read the source artifact from the pipeline's
     * artifact bucket and decrypt it with the bucket's key. No {@code codeconnections:UseConnection}: the source action
     * hands the build a ZIP of the commit (the pipeline role uses the connection), and no CodeBuild report groups.
     * Source: https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html
     */
    public static final Map<String, String> BUILD_RESOURCE_ACTIONS = orderedMap(
            "kms:Decrypt", "AWS::KMS::Key",
            "logs:CreateLogStream", "AWS::Logs::LogGroup",
            "logs:PutLogEvents", "AWS::Logs::LogGroup",
            "s3:GetObject", "AWS::S3::Bucket",
            "s3:GetObjectVersion", "AWS::S3::Bucket");

    /**
     * What a CodeBuild project's service role needs to run builds in a VPC: CodeBuild creates and removes a network
     * interface per build as the role. Only {@code ec2:CreateNetworkInterfacePermission} has resource-level permissions
     * (scoped to the project's subnets and to CodeBuild); the others take {@code *}.
     * Source: https://docs.aws.amazon.com/codebuild/latest/userguide/auth-and-access-control-iam-identity-based-access-control.html#customer-managed-policies-example-create-vpc-network-interface
     */
    public static final List<String> BUILD_VPC_ACTIONS = List.of(
            "ec2:CreateNetworkInterface",
            "ec2:DeleteNetworkInterface",
            "ec2:DescribeDhcpOptions",
            "ec2:DescribeNetworkInterfaces",
            "ec2:DescribeSecurityGroups",
            "ec2:DescribeSubnets",
            "ec2:DescribeVpcs");

    /** The one VPC action with resource-level permissions, granted on the project's subnets' network interfaces. */
    public static final String BUILD_VPC_PERMISSION_ACTION = "ec2:CreateNetworkInterfacePermission";

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /**
     * The persona a {@code persona} tag names.
     *
     * @param value the tag value
     * @return the persona, empty when the value names none
     */
    public static Optional<Persona> fromTag(String value) {
        for (Persona p : values()) {
            if (p.tagValue.equals(value)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static List<String> union(List<String> a, List<String> b) {
        var all = new TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** The lists several personas share, defined once (enum constants cannot refer to statics). */
    private static final class Actions {

        /** Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html */
        static final List<String> PUSH = List.of(
                "ecr:BatchCheckLayerAvailability",
                "ecr:BatchGetImage",
                "ecr:CompleteLayerUpload",
                "ecr:InitiateLayerUpload",
                "ecr:PutImage",
                "ecr:UploadLayerPart");

        /** Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/ECR_on_EKS.html */
        static final List<String> PULL = List.of(
                "ecr:BatchCheckLayerAvailability",
                "ecr:BatchGetImage",
                "ecr:GetDownloadUrlForLayer");

        /** Source: https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSAppRunnerServicePolicyForECRAccess.html */
        static final List<String> APP_RUNNER_PULL = List.of(
                "ecr:BatchCheckLayerAvailability",
                "ecr:BatchGetImage",
                "ecr:DescribeImages",
                "ecr:GetDownloadUrlForLayer");

        private Actions() {
        }
    }
}
