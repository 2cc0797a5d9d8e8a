package bootstrap;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The IAM actions CloudFormation's handlers call for each resource type our templates declare: the one source of the
 * least-privilege execution policy ({@link ExecutionPolicy}).
 *
 * <p>For registry resource types, a row is the union of the {@code create}, {@code read}, {@code update} and
 * {@code delete} handlers' {@code permissions} in the type's CloudFormation resource schema: CloudFormation calls
 * create/update/delete while deploying and rolling back, and read after each of them. The schemas are those of the
 * CloudFormation registry as vendored in hashicorp/terraform-provider-awscc, commit
 * 3a586feb3971a4545236bdecf2a99c16e63c79e5, {@code internal/service/cloudformation/schemas/AWS_<Service>_<Type>.json}
 * (for example {@code AWS_ECR_Repository.json}, {@code "handlers": {"create": {"permissions": [...]}}}); also
 * {@code aws cloudformation describe-type --type RESOURCE --type-name AWS::ECR::Repository}. A type missing here fails
 * {@link #forType} with its name, so a new resource in a template cannot slip past the execution policy.
 *
 * <p>Three types are still served by CloudFormation's legacy providers, whose schemas declare no handlers:
 * {@code AWS::IAM::Policy}, {@code AWS::SNS::TopicPolicy} and {@code AWS::CodeBuild::Project}. Their rows are the API
 * calls the provider makes, from the Service Authorization Reference
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html,
 * .../list_amazonsns.html, .../list_awscodebuild.html); {@code AWS::IAM::Policy} only as we use it, on roles.
 *
 * <p>{@code iam:CreateServiceLinkedRole} stays in the rows as the schemas list it; {@link Row#serviceLinkedRoles()}
 * names the services it may create a role for, from the ECR user guide (slr-pullthroughcache.html,
 * slr-replication.html, slr-rct.html: {@code pullthroughcache.ecr.amazonaws.com}, {@code replication.ecr.amazonaws.com},
 * {@code ecr.amazonaws.com}) and image-scanning-enhanced-iam.html ({@code inspector2.amazonaws.com}), so that the
 * policy can condition it on {@code iam:AWSServiceName}.
 */
public final class HandlerPermissions {

    /** Where the rows of resource-provider types come from. */
    static final String SCHEMAS = "CloudFormation resource schema, handlers create/read/update/delete";
    /** Where the rows of legacy types come from. */
    static final String LEGACY = "legacy provider (no handlers in its schema): API calls, Service Authorization Reference";

    /** Where the row of custom resource types comes from. */
    static final String CUSTOM = "custom resource: CloudFormation invokes the ServiceToken function as the stack's role";
    /** Custom resource types ({@code Custom::EcrAccountSetting}): no schema, CloudFormation invokes their function. */
    public static final String CUSTOM_RESOURCE_PREFIX = "Custom::";
    /** What CloudFormation calls for a custom resource backed by a Lambda function. */
    public static final Set<String> CUSTOM_RESOURCE_ACTIONS = Set.of("lambda:InvokeFunction");

    /** {@code iam:CreateServiceLinkedRole}, allowed only for the services a row names. */
    public static final String CREATE_SERVICE_LINKED_ROLE = "iam:CreateServiceLinkedRole";

    /**
     * What every CDK template needs besides its resources: the {@code BootstrapVersion} parameter of type
     * {@code AWS::SSM::Parameter::Value<String>}, which CloudFormation resolves with the stack's role
     * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-supplied-parameter-types.html).
     */
    public static final String SSM_PARAMETER_TYPE = "AWS::SSM::Parameter::Value<String>";
    public static final Set<String> SSM_PARAMETER_ACTIONS = Set.of("ssm:GetParameters");

    /**
     * What a template's {@code Fn::GetStackOutput} without {@code RoleArn} needs (a weak cross-stack reference, as
     * cdk.json's {@code defaultCrossStackReferences} makes them): CloudFormation reads the other stack's output with the
     * stack's own role, which must be allowed {@code cloudformation:DescribeStacks} on that stack
     * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-getstackoutput.html).
     */
    public static final Set<String> STACK_OUTPUT_ACTIONS = Set.of("cloudformation:DescribeStacks");

    /**
     * Names the schemas' handler permissions list that IAM does not define (the Service Authorization Reference's action
     * tables, as the offline simulator's IAM data holds them: {@code ExecutionPolicyExamplesTest} fails on any other
     * unknown action): API operation names where IAM authorizes the call with another action, which the same row
     * already has ({@code DeleteBucketCors} by {@code s3:PutBucketCORS}, {@code DeleteBucketEncryption} by
     * {@code s3:PutEncryptionConfiguration}, {@code DeleteBucketLifecycle} by {@code s3:PutLifecycleConfiguration},
     * {@code DeleteBucketAnalyticsConfiguration} by {@code s3:PutAnalyticsConfiguration},
     * {@code DeleteBucketMetricsConfiguration} by {@code s3:PutMetricsConfiguration}, {@code PutBucketReplication} and
     * {@code DeleteBucketReplication} by {@code s3:PutReplicationConfiguration}, {@code PutObjectLockConfiguration} by
     * {@code s3:PutBucketObjectLockConfiguration}), and a VPC Lattice read IAM has no action for. A policy naming them
     * grants nothing and IAM Access Analyzer flags it, so the rows leave them out.
     */
    static final Set<String> NOT_IAM_ACTIONS = Set.of(
            "s3:DeleteBucketAnalyticsConfiguration", "s3:DeleteBucketCors", "s3:DeleteBucketEncryption",
            "s3:DeleteBucketLifecycle", "s3:DeleteBucketMetricsConfiguration", "s3:DeleteBucketReplication",
            "s3:PutBucketReplication", "s3:PutObjectLockConfiguration",
            "vpc-lattice:DescribeServiceNetworkVpcEndpointAssociation");

    /**
     * One resource type's actions.
     *
     * @param type               the CloudFormation resource type
     * @param source             where the actions come from
     * @param actions            every IAM action the type's handlers call, sorted (without {@link #NOT_IAM_ACTIONS})
     * @param serviceLinkedRoles the {@code iam:AWSServiceName} values of the service-linked roles its handlers create
     */
    public record Row(String type, String source, Set<String> actions, Set<String> serviceLinkedRoles) {
        public Row {
            actions = new TreeSet<>(actions);
            actions.removeAll(NOT_IAM_ACTIONS);
            serviceLinkedRoles = new TreeSet<>(serviceLinkedRoles);
            if (actions.contains(CREATE_SERVICE_LINKED_ROLE) != !serviceLinkedRoles.isEmpty()) {
                throw new IllegalArgumentException(type + ": iam:CreateServiceLinkedRole and the service-linked roles go together");
            }
        }
    }

    private static final Map<String, Row> ROWS = Stream.of(
            row("AWS::ECR::Repository", SCHEMAS,
                    "ecr:CreateRepository", "ecr:DeleteLifecyclePolicy", "ecr:DeleteRepository", "ecr:DeleteRepositoryPolicy",
                    "ecr:DescribeRepositories", "ecr:GetLifecyclePolicy", "ecr:GetRepositoryPolicy", "ecr:ListTagsForResource",
                    "ecr:PutImageScanningConfiguration", "ecr:PutImageTagMutability", "ecr:PutLifecyclePolicy",
                    "ecr:SetRepositoryPolicy", "ecr:TagResource", "ecr:UntagResource", "kms:CreateGrant", "kms:DescribeKey",
                    "kms:RetireGrant"
            ),
            rowWithServiceLinkedRoles("AWS::ECR::RegistryScanningConfiguration", SCHEMAS, List.of("inspector2.amazonaws.com"),
                    "ecr:GetRegistryScanningConfiguration", "ecr:PutRegistryScanningConfiguration", "iam:CreateServiceLinkedRole",
                    "inspector2:Disable", "inspector2:Enable", "inspector2:ListAccountPermissions"
            ),
            rowWithServiceLinkedRoles("AWS::ECR::ReplicationConfiguration", SCHEMAS, List.of("replication.ecr.amazonaws.com"),
                    "ecr:DescribeRegistry", "ecr:PutReplicationConfiguration", "iam:CreateServiceLinkedRole"
            ),
            row("AWS::Signer::ProfilePermission", SCHEMAS,
                    "signer:AddProfilePermission", "signer:ListProfilePermissions", "signer:RemoveProfilePermission"
            ),
            rowWithServiceLinkedRoles("AWS::ECR::PullThroughCacheRule", SCHEMAS, List.of("pullthroughcache.ecr.amazonaws.com"),
                    "ecr:CreatePullThroughCacheRule", "ecr:DeletePullThroughCacheRule", "ecr:DescribePullThroughCacheRules",
                    "iam:CreateServiceLinkedRole", "iam:PassRole", "secretsmanager:GetSecretValue"
            ),
            rowWithServiceLinkedRoles("AWS::ECR::RepositoryCreationTemplate", SCHEMAS, List.of("ecr.amazonaws.com"),
                    "ecr:CreateRepository", "ecr:CreateRepositoryCreationTemplate", "ecr:DeleteRepositoryCreationTemplate",
                    "ecr:DescribeRepositoryCreationTemplates", "ecr:PutLifecyclePolicy", "ecr:SetRepositoryPolicy",
                    "ecr:UpdateRepositoryCreationTemplate", "iam:CreateServiceLinkedRole", "iam:PassRole"
            ),
            row("AWS::ECR::SigningConfiguration", SCHEMAS,
                    "ecr:DeleteSigningConfiguration", "ecr:GetSigningConfiguration", "ecr:PutSigningConfiguration"
            ),
            row("AWS::ECR::PublicRepository", SCHEMAS,
                    "ecr-public:CreateRepository", "ecr-public:DeleteRepository", "ecr-public:DeleteRepositoryPolicy", "ecr-public:DescribeRepositories", "ecr-public:GetRepositoryCatalogData", "ecr-public:GetRepositoryPolicy", "ecr-public:ListTagsForResource", "ecr-public:PutRepositoryCatalogData", "ecr-public:SetRepositoryPolicy", "ecr-public:TagResource", "ecr-public:UntagResource"
            ),
            row("AWS::ECR::RegistryPolicy", SCHEMAS,
                    "ecr:DeleteRegistryPolicy", "ecr:GetRegistryPolicy", "ecr:PutRegistryPolicy"
            ),
            row("AWS::IAM::Role", SCHEMAS,
                    "iam:AttachRolePolicy", "iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePermissionsBoundary",
                    "iam:DeleteRolePolicy", "iam:DetachRolePolicy", "iam:GetRole", "iam:GetRolePolicy",
                    "iam:ListAttachedRolePolicies", "iam:ListRolePolicies", "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy",
                    "iam:TagRole", "iam:UntagRole", "iam:UpdateAssumeRolePolicy", "iam:UpdateRole", "iam:UpdateRoleDescription"
            ),
            // AWS::IAM::InstanceProfile (EC2 pullers): the union of its schema's create, read, update and delete handler
            // permissions. The vendored schema commit above does not hold this type; checked against the registry schema
            // as cfn-lint ships it (aws-cloudformation/cfn-lint, src/cfnlint/data/schemas/providers/us_east_1/
            // aws-iam-instanceprofile.json, commit 100657e40b63a5d64884fc98753da7504eb2ab08): create CreateInstanceProfile,
            // PassRole, AddRoleToInstanceProfile, GetInstanceProfile; read GetInstanceProfile; update PassRole,
            // RemoveRoleFromInstanceProfile, AddRoleToInstanceProfile, GetInstanceProfile; delete GetInstanceProfile,
            // RemoveRoleFromInstanceProfile, DeleteInstanceProfile (the type is not taggable: no Tag/Untag actions).
            row("AWS::IAM::InstanceProfile", SCHEMAS,
                    "iam:AddRoleToInstanceProfile", "iam:CreateInstanceProfile", "iam:DeleteInstanceProfile",
                    "iam:GetInstanceProfile", "iam:PassRole", "iam:RemoveRoleFromInstanceProfile"
            ),
            row("AWS::IAM::ManagedPolicy", SCHEMAS,
                    "iam:AttachGroupPolicy", "iam:AttachRolePolicy", "iam:AttachUserPolicy", "iam:CreatePolicy",
                    "iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:DetachGroupPolicy",
                    "iam:DetachRolePolicy", "iam:DetachUserPolicy", "iam:GetPolicy", "iam:GetPolicyVersion",
                    "iam:ListEntitiesForPolicy", "iam:ListPolicyVersions"
            ),
            row("AWS::IAM::OIDCProvider", SCHEMAS,
                    "iam:AddClientIDToOpenIDConnectProvider", "iam:CreateOpenIDConnectProvider",
                    "iam:DeleteOpenIDConnectProvider", "iam:GetOpenIDConnectProvider", "iam:ListOpenIDConnectProviderTags",
                    "iam:RemoveClientIDFromOpenIDConnectProvider", "iam:TagOpenIDConnectProvider",
                    "iam:UntagOpenIDConnectProvider", "iam:UpdateOpenIDConnectProviderThumbprint"
            ),
            row("AWS::KMS::Key", SCHEMAS,
                    "kms:CreateKey", "kms:DescribeKey", "kms:DisableKey", "kms:DisableKeyRotation", "kms:EnableKey",
                    "kms:EnableKeyRotation", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags",
                    "kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:TagResource", "kms:UntagResource",
                    "kms:UpdateKeyDescription"
            ),
            row("AWS::KMS::Alias", SCHEMAS,
                    "kms:CreateAlias", "kms:DeleteAlias", "kms:ListAliases", "kms:UpdateAlias"
            ),
            row("AWS::SNS::Topic", SCHEMAS,
                    "iam:GetRole", "iam:PassRole", "sns:CreateTopic", "sns:DeleteTopic", "sns:GetDataProtectionPolicy",
                    "sns:GetTopicAttributes", "sns:ListSubscriptionsByTopic", "sns:ListTagsForResource",
                    "sns:PutDataProtectionPolicy", "sns:SetTopicAttributes", "sns:Subscribe", "sns:TagResource",
                    "sns:Unsubscribe", "sns:UntagResource"
            ),
            row("AWS::SNS::Subscription", SCHEMAS,
                    "iam:GetRole", "iam:PassRole", "sns:GetSubscriptionAttributes", "sns:SetSubscriptionAttributes",
                    "sns:Subscribe", "sns:Unsubscribe"
            ),
            row("AWS::Events::Rule", SCHEMAS,
                    "events:DeleteRule", "events:DescribeRule", "events:ListTagsForResource", "events:ListTargetsByRule",
                    "events:PutRule", "events:PutTargets", "events:RemoveTargets", "events:TagResource", "events:UntagResource",
                    "iam:PassRole"
            ),
            row("AWS::CloudWatch::Alarm", SCHEMAS,
                    "cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarms", "cloudwatch:ListTagsForResource",
                    "cloudwatch:PutMetricAlarm", "cloudwatch:TagResource", "cloudwatch:UntagResource"
            ),
            row("AWS::CloudWatch::Dashboard", SCHEMAS,
                    "cloudwatch:DeleteDashboards", "cloudwatch:GetDashboard", "cloudwatch:ListTagsForResource",
                    "cloudwatch:PutDashboard", "cloudwatch:TagResource", "cloudwatch:UntagResource"
            ),
            row("AWS::EC2::VPCEndpoint", SCHEMAS,
                    "ec2:CreateTags", "ec2:CreateVpcEndpoint", "ec2:DeleteTags", "ec2:DeleteVpcEndpoints",
                    "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcEndpoints", "ec2:DescribeVpcs",
                    "ec2:ModifyVpcEndpoint", "vpc-lattice:CreateServiceNetworkVpcEndpointAssociation", "vpc-lattice:DescribeServiceNetworkVpcEndpointAssociation", "vpce:AllowMultiRegion"
            ),
            row("AWS::EC2::SecurityGroup", SCHEMAS,
                    "ec2:AuthorizeSecurityGroupEgress", "ec2:AuthorizeSecurityGroupIngress", "ec2:CreateSecurityGroup",
                    "ec2:CreateTags", "ec2:DeleteSecurityGroup", "ec2:DeleteTags", "ec2:DescribeInstances",
                    "ec2:DescribeSecurityGroups", "ec2:RevokeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress",
                    "ec2:UpdateSecurityGroupRuleDescriptionsEgress", "ec2:UpdateSecurityGroupRuleDescriptionsIngress"
            ),
            row("AWS::S3::Bucket", SCHEMAS,
                    "iam:PassRole", "s3:CreateBucket", "s3:CreateBucketMetadataTableConfiguration", "s3:DeleteBucket",
                    "s3:DeleteBucketAnalyticsConfiguration", "s3:DeleteBucketCors", "s3:DeleteBucketEncryption",
                    "s3:DeleteBucketLifecycle", "s3:DeleteBucketMetadataTableConfiguration",
                    "s3:DeleteBucketMetricsConfiguration", "s3:DeleteBucketReplication", "s3:DeleteBucketWebsite",
                    "s3:DeleteObject", "s3:GetAccelerateConfiguration", "s3:GetAnalyticsConfiguration", "s3:GetBucketAcl",
                    "s3:GetBucketCORS", "s3:GetBucketLogging", "s3:GetBucketMetadataTableConfiguration",
                    "s3:GetBucketNotification", "s3:GetBucketObjectLockConfiguration", "s3:GetBucketOwnershipControls",
                    "s3:GetBucketPublicAccessBlock", "s3:GetBucketTagging", "s3:GetBucketVersioning", "s3:GetBucketWebsite",
                    "s3:GetEncryptionConfiguration", "s3:GetIntelligentTieringConfiguration", "s3:GetInventoryConfiguration",
                    "s3:GetLifecycleConfiguration", "s3:GetMetricsConfiguration", "s3:GetReplicationConfiguration",
                    "s3:ListBucket", "s3:PutAccelerateConfiguration", "s3:PutAnalyticsConfiguration", "s3:PutBucketAcl",
                    "s3:PutBucketCORS", "s3:PutBucketLogging", "s3:PutBucketNotification", "s3:PutBucketObjectLockConfiguration",
                    "s3:PutBucketOwnershipControls", "s3:PutBucketPublicAccessBlock", "s3:PutBucketReplication",
                    "s3:PutBucketTagging", "s3:PutBucketVersioning", "s3:PutBucketWebsite", "s3:PutEncryptionConfiguration",
                    "s3:PutIntelligentTieringConfiguration", "s3:PutInventoryConfiguration", "s3:PutLifecycleConfiguration",
                    "s3:PutMetricsConfiguration", "s3:PutObjectAcl", "s3:PutObjectLockConfiguration",
                    "s3:PutReplicationConfiguration", "s3tables:CreateNamespace", "s3tables:CreateTable", "s3tables:GetTable",
                    "s3tables:GetTableMetadataLocation", "s3tables:PutTablePolicy", "s3tables:UpdateTableMetadataLocation"
            ),
            row("AWS::S3::BucketPolicy", SCHEMAS,
                    "s3:DeleteBucketPolicy", "s3:GetBucketPolicy", "s3:PutBucketPolicy"
            ),
            // + codeconnections:PassConnection: connections created since the service's rename have ARNs
            // arn:aws:codeconnections:..., whose IAM prefix is codeconnections; the schema names only codestar-connections
            // (https://docs.aws.amazon.com/dtconsole/latest/userguide/rename.html).
            row("AWS::CodePipeline::Pipeline", SCHEMAS, "codeconnections:PassConnection",
                    "codepipeline:CreatePipeline", "codepipeline:DeletePipeline", "codepipeline:DisableStageTransition",
                    "codepipeline:EnableStageTransition", "codepipeline:GetPipeline", "codepipeline:GetPipelineState",
                    "codepipeline:ListTagsForResource", "codepipeline:StartPipelineExecution", "codepipeline:TagResource",
                    "codepipeline:UntagResource", "codepipeline:UpdatePipeline", "codestar-connections:PassConnection",
                    "iam:GetRole", "iam:PassRole"
            ),
            // The function aws-cdk-lib's AwsCustomResource deploys (ECR account settings, Inspector re-scan durations):
            // AWS_Lambda_Function.json of terraform-provider-awscc commit 0236747fbd436a65fc2b31728b47684b85d2c1cc.
            row("AWS::Lambda::Function", SCHEMAS,
                    "ec2:DescribeNetworkInterfaces", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs",
                    "elasticfilesystem:DescribeMountTargets", "iam:PassRole", "kms:CreateGrant", "kms:Decrypt", "kms:Encrypt",
                    "kms:GenerateDataKey", "lambda:CreateFunction", "lambda:DeleteFunction", "lambda:DeleteFunctionCodeSigningConfig",
                    "lambda:DeleteFunctionConcurrency", "lambda:GetCodeSigningConfig", "lambda:GetFunction",
                    "lambda:GetFunctionCodeSigningConfig", "lambda:GetFunctionRecursionConfig", "lambda:GetLayerVersion",
                    "lambda:GetRuntimeManagementConfig", "lambda:PutFunctionCodeSigningConfig", "lambda:PutFunctionConcurrency",
                    "lambda:PutFunctionRecursionConfig", "lambda:PutRuntimeManagementConfig", "lambda:TagResource",
                    "lambda:UntagResource", "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration",
                    "s3:GetObject", "s3:GetObjectVersion"
            ),
            // What lets an EventBridge schedule invoke the usage-metrics function: AWS_Lambda_Permission.json of
            // terraform-provider-awscc commit 03274db0a6058b305991d12faca664e04ba259af.
            row("AWS::Lambda::Permission", SCHEMAS,
                    "lambda:AddPermission", "lambda:GetPolicy", "lambda:RemovePermission"
            ),
            // Its log group (aws-cdk-lib creates it with the function): AWS_Logs_LogGroup.json of terraform-provider-awscc
            // commit 2a29727ea1cf68ba93c65b376948effdf5a7236f, without "s3:REST.PUT.OBJECT", which is no IAM action.
            row("AWS::Logs::LogGroup", SCHEMAS,
                    "firehose:TagDeliveryStream", "logs:AssociateKmsKey", "logs:CreateLogDelivery", "logs:CreateLogGroup",
                    "logs:DeleteDataProtectionPolicy", "logs:DeleteLogGroup", "logs:DeleteRetentionPolicy",
                    "logs:DescribeLogGroups", "logs:DescribeResourcePolicies", "logs:DisassociateKmsKey",
                    "logs:GetDataProtectionPolicy", "logs:ListTagsLogGroup", "logs:PutDataProtectionPolicy",
                    "logs:PutResourcePolicy", "logs:PutRetentionPolicy", "logs:TagLogGroup", "logs:UntagLogGroup"
            ),
            // Legacy providers.
            row("AWS::IAM::Policy", LEGACY,
                    "iam:DeleteRolePolicy", "iam:GetRolePolicy", "iam:PutRolePolicy"
            ),
            row("AWS::SNS::TopicPolicy", LEGACY,
                    "sns:GetTopicAttributes", "sns:SetTopicAttributes"
            ),
            row("AWS::CodeBuild::Project", LEGACY,
                    "codebuild:BatchGetProjects", "codebuild:CreateProject", "codebuild:DeleteProject", "codebuild:UpdateProject",
                    "iam:PassRole"
            )
    ).collect(Collectors.toMap(Row::type, Function.identity(), (a, b) -> {
        throw new IllegalStateException("two rows for " + a.type());
    }, TreeMap::new));

    private HandlerPermissions() {
    }

    /** Every row, by resource type. */
    public static Map<String, Row> rows() {
        return java.util.Collections.unmodifiableMap(ROWS);
    }

    /** The row of a resource type; fails with the type's name and where to find its actions when there is none. */
    public static Row forType(String type) {
        if (type.startsWith(CUSTOM_RESOURCE_PREFIX)) {
            return new Row(type, CUSTOM, CUSTOM_RESOURCE_ACTIONS, Set.of());
        }
        Row row = ROWS.get(type);
        if (row == null) {
            throw new IllegalArgumentException("resource type " + type + " has no row in bootstrap.HandlerPermissions, so the"
                    + " execution policy cannot allow its deployment. Hint: add the union of the create, read, update and delete"
                    + " handlers' permissions of its CloudFormation resource schema (aws cloudformation describe-type"
                    + " --type RESOURCE --type-name " + type + ")");
        }
        return row;
    }

    /** The union of the rows of these types. */
    public static Set<String> actions(Collection<String> types) {
        Set<String> actions = new TreeSet<>();
        types.forEach(type -> actions.addAll(forType(type).actions()));
        return actions;
    }

    private static Row row(String type, String source, String... actions) {
        return new Row(type, source, Set.of(actions), Set.of());
    }

    private static Row rowWithServiceLinkedRoles(String type, String source, List<String> serviceLinkedRoles, String... actions) {
        return new Row(type, source, Set.of(actions), Set.copyOf(serviceLinkedRoles));
    }
}
