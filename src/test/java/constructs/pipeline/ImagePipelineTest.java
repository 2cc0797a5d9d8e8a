package constructs.pipeline;

import constructs.access.CodeBuildPublisherRole;
import constructs.access.CodeBuildPublisherRoleProps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.codebuild.ComputeType;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcAttributes;
import software.amazon.awscdk.services.iam.FromRoleNameOptions;
import software.amazon.awscdk.services.iam.Role;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** shop's api: built from acme/shop-api on main and release/1.x in dev (111111111111), promoted to prod (222222222222). */
class ImagePipelineTest {

    static final String CONNECTION = "arn:aws:codeconnections:eu-west-1:111111111111:connection/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    static final String PROMOTER = "arn:aws:iam::222222222222:role/shop-prod-api-promoter";

    static Template template;

    static Stack newStack(App app, String id) {
        return new Stack(app, id, StackProps.builder()
                .env(Environment.builder().account("111111111111").region("eu-west-1").build()).build());
    }

    static ImagePipelineProps.Builder api(CodeBuildPublisherRole role) {
        return ImagePipelineProps.builder()
                .pipelineName("shop-api-image")
                .buildProjectName("shop-api-image")
                .buildRole(Role.fromRoleName(role, "Imported", role.getResource().getRef(),
                        FromRoleNameOptions.builder().mutable(false).build()))
                .promotionRoleName("shop-dev-api-promotion")
                .source(ImagePipelineSource.connection(CONNECTION, "acme/shop-api"))
                .branches(List.of("main", "release/1.x"))
                .computeType(ComputeType.MEDIUM)
                .promotions(List.of(new ImagePipelinePromotion("prod", PROMOTER, "promote-prod.buildspec.yml")));
    }

    static CodeBuildPublisherRole publisher(Stack stack) {
        return new CodeBuildPublisherRole(stack, "ApiPublisher", CodeBuildPublisherRoleProps.builder()
                .roleName("shop-dev-api-codebuild-publisher")
                .repositoryArns(List.of("arn:aws:ecr:eu-west-1:111111111111:repository/shop/dev/api"))
                .projectArns(List.of("arn:aws:codebuild:eu-west-1:111111111111:project/shop-api-image"))
                .build());
    }

    @BeforeAll
    static void synth() {
        Stack stack = newStack(new App(), "Pipeline");
        new ImagePipeline(stack, "ApiImage", api(publisher(stack)).build());
        template = Template.fromStack(stack);
    }

    @Test
    void isAV2PipelineStartedByPushesToTheListedBranchesOfTheConnectionsRepository() {
        template.hasResourceProperties("AWS::CodePipeline::Pipeline", Map.of(
                "Name", "shop-api-image",
                "PipelineType", "V2",
                "Triggers", List.of(Map.of(
                        "ProviderType", "CodeStarSourceConnection",
                        "GitConfiguration", Map.of(
                                "SourceActionName", "Source",
                                "Push", List.of(Map.of("Branches", Map.of("Includes", List.of("main", "release/1.x")))))))));
        template.hasResourceProperties("AWS::CodePipeline::Pipeline", Map.of("Stages", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Name", "Source", "Actions", List.of(Match.objectLike(Map.of(
                        "ActionTypeId", Map.of("Category", "Source", "Owner", "AWS", "Provider", "CodeStarSourceConnection",
                                "Version", "1"),
                        "Configuration", Match.objectLike(Map.of("ConnectionArn", CONNECTION,
                                "FullRepositoryId", "acme/shop-api", "BranchName", "main")))))))))));
    }

    @Test
    void buildsPrivilegedWithThePublisherRoleAndTheGeneratedBuildspec() {
        template.hasResourceProperties("AWS::CodeBuild::Project", Map.of(
                "Name", "shop-api-image",
                "ServiceRole", Map.of("Fn::Join", List.of("", Match.arrayWith(List.of(
                        Map.of("Ref", Match.stringLikeRegexp("ApiPublisher.*")))))),
                "Source", Map.of("Type", "CODEPIPELINE", "BuildSpec", "buildspec.yml"),
                "Environment", Match.objectLike(Map.of(
                        "Image", "aws/codebuild/standard:7.0",
                        "ComputeType", "BUILD_GENERAL1_MEDIUM",
                        "PrivilegedMode", true)),
                "EncryptionKey", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ApiImageKey.*"), "Arn")),
                "LogsConfig", Map.of("CloudWatchLogs", Map.of("Status", "ENABLED",
                        "GroupName", Map.of("Ref", Match.stringLikeRegexp("ApiImageBuildLogs.*")), "StreamName", "build"))));
    }

    @Test
    void promotesAfterAManualApprovalWithTheBuiltDigestAsThePromotionRole() {
        template.hasResourceProperties("AWS::CodePipeline::Pipeline", Map.of("Stages", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Name", "Promote-prod", "Actions", List.of(
                        Match.objectLike(Map.of("Name", "Approve", "RunOrder", 1,
                                "ActionTypeId", Map.of("Category", "Approval", "Owner", "AWS", "Provider", "Manual", "Version", "1"))),
                        Match.objectLike(Map.of("Name", "PromoteDigest", "RunOrder", 2,
                                "Configuration", Match.objectLike(Map.of("EnvironmentVariables", Match.serializedJson(List.of(
                                        Map.of("name", "COMMIT_SHA", "type", "PLAINTEXT", "value", "#{Source.CommitId}"),
                                        Map.of("name", "DIGEST", "type", "PLAINTEXT", "value", "#{Build.IMAGE_DIGEST}"))))))))))))));
        template.hasResourceProperties("AWS::CodeBuild::Project", Map.of(
                "Name", "shop-api-image-promote-prod",
                "Source", Map.of("Type", "CODEPIPELINE", "BuildSpec", "promote-prod.buildspec.yml"),
                "Environment", Match.objectLike(Map.of("PrivilegedMode", false))));
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of("PolicyDocument", Map.of("Version", "2012-10-17",
                "Statement", Match.arrayWith(List.of(Map.of("Sid", "AssumePromoterRoles", "Effect", "Allow",
                        "Action", List.of("sts:AssumeRole"), "Resource", List.of(PROMOTER)))))));
        template.hasResourceProperties("AWS::IAM::Role", Map.of("RoleName", "shop-dev-api-promotion",
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                        "Principal", Map.of("Service", "codebuild.amazonaws.com"),
                        "Condition", Match.objectLike(Map.of("StringEquals", Map.of("aws:SourceAccount", "111111111111"))))))))));
    }

    @Test
    void oneArtifactBucketWithTheControlsControlTowerExpects() {
        template.resourceCountIs("AWS::S3::Bucket", 2);
        template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Map.of(
                        "BucketKeyEnabled", true,
                        "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "aws:kms",
                                "KMSMasterKeyID", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ApiImageKey.*"), "Arn")))))),
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "OwnershipControls", Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced"))),
                "NotificationConfiguration", Map.of("EventBridgeConfiguration", Map.of("EventBridgeEnabled", true)),
                "LoggingConfiguration", Match.objectLike(Map.of("LogFilePrefix", "artifacts/"))));
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "/aws/codebuild/shop-api-image",
                "RetentionInDays", 365,
                "KmsKeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ApiImageKey.*"), "Arn"))));
        template.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
    }

    @Test
    void theBuildRoleGetsExactlyItsLogGroupArtifactsAndKey() {
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("ApiPublisher.*"))),
                "PolicyDocument", Match.objectEquals(Map.of("Version", "2012-10-17", "Statement", List.of(
                        Map.of("Sid", "WriteBuildLogs", "Effect", "Allow",
                                "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                                "Resource", List.of(Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ApiImageBuildLogs.*"), "Arn")))),
                        Map.of("Sid", "ReadSourceArtifact", "Effect", "Allow",
                                "Action", List.of("s3:GetObject", "s3:GetObjectVersion"),
                                "Resource", List.of(Map.of("Fn::Join", List.of("", List.of(
                                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ApiImageArtifactBucket.*"), "Arn")), "/*"))))),
                        Map.of("Sid", "DecryptSourceArtifact", "Effect", "Allow", "Action", List.of("kms:Decrypt"),
                                "Resource", List.of(Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ApiImageKey.*"), "Arn")))))))));
    }

    @Test
    void aCodeCommitSourceWatchesOneBranchWithoutTrigger() {
        Stack stack = newStack(new App(), "CodeCommit");
        new ImagePipeline(stack, "ApiImage", api(publisher(stack))
                .source(ImagePipelineSource.codeCommit("shop-api")).branches(List.of("main")).build());
        Template t = Template.fromStack(stack);
        assertThat(t.findResources("AWS::CodePipeline::Pipeline").values().iterator().next().toString()).doesNotContain("Triggers");
        t.hasResourceProperties("AWS::CodePipeline::Pipeline", Map.of("Stages", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Name", "Source", "Actions", List.of(Match.objectLike(Map.of(
                        "ActionTypeId", Match.objectLike(Map.of("Provider", "CodeCommit")),
                        "Configuration", Match.objectLike(Map.of("RepositoryName", "shop-api", "BranchName", "main")))))))))));
        assertThatThrownBy(() -> new ImagePipeline(newStack(new App(), "Two"), "ApiImage", api(publisher(newStack(new App(), "R")))
                .source(ImagePipelineSource.codeCommit("shop-api")).build()))
                .hasMessageContaining("a CodeCommit source watches one branch");
    }

    @Test
    void inAVpcBothProjectsRunInItsPrivateSubnetsWithNothingCdkNagRefuses() {
        Stack stack = newStack(new App(software.amazon.awscdk.AppProps.builder()
                .context(Map.of("@aws-cdk/core:enablePartitionLiterals", true)).build()), "InVpc");
        IVpc vpc = Vpc.fromVpcAttributes(stack, "Vpc", VpcAttributes.builder()
                .vpcId("vpc-0c1d2e3f4a5b60718")
                .availabilityZones(List.of("eu-west-1a", "eu-west-1b"))
                .privateSubnetIds(List.of("subnet-0c1d2e3f4a5b60001", "subnet-0c1d2e3f4a5b60002"))
                .build());
        new ImagePipeline(stack, "ApiImage", api(publisher(stack)).vpc(vpc).build());
        Aspects.of(stack).add(new AwsSolutionsChecks());
        Template t = Template.fromStack(stack);

        Map<String, Map<String, Object>> projects = t.findResources("AWS::CodeBuild::Project");
        assertThat(projects).hasSize(2);
        projects.values().forEach(project -> assertThat(((Map<?, ?>) project.get("Properties")).get("VpcConfig"))
                .isEqualTo(Map.of("VpcId", "vpc-0c1d2e3f4a5b60718",
                        "Subnets", List.of("subnet-0c1d2e3f4a5b60001", "subnet-0c1d2e3f4a5b60002"),
                        "SecurityGroupIds", List.of(Map.of("Fn::GetAtt", List.of(
                                t.findResources("AWS::EC2::SecurityGroup").keySet().iterator().next(), "GroupId"))))));
        // CodeBuild checks a project's VPC settings as its role when creating it: each project waits for its role's policy.
        projects.forEach((id, project) -> assertThat((List<?>) project.get("DependsOn"))
                .anySatisfy(dependency -> assertThat((String) dependency).matches(id.contains("Promote")
                        ? "ApiImagePromotionPolicy.*" : "ApiImageBuildPolicy.*")));
        // The EC2 actions are in the roles' own policies (the L2's extra policy would not attach to imported roles).
        assertThat(t.findResources("AWS::IAM::Policy").toString()).doesNotContain("ec2:");
        t.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of("PolicyDocument", Map.of("Version", "2012-10-17",
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Sid", "BuildNetworkInterfacePermission",
                        "Condition", Map.of("StringEquals", Map.of("ec2:AuthorizedService", "codebuild.amazonaws.com"),
                                "ArnEquals", Map.of("ec2:Subnet", List.of(
                                        "arn:aws:ec2:eu-west-1:111111111111:subnet/subnet-0c1d2e3f4a5b60001",
                                        "arn:aws:ec2:eu-west-1:111111111111:subnet/subnet-0c1d2e3f4a5b60002"))))))))));
        assertThat(Annotations.fromStack(stack).findError("*", Match.anyValue())).isEmpty();
    }

    @Test
    void refusesACustomBuildImageAndABadConnection() {
        Stack stack = newStack(new App(), "Bad");
        assertThatThrownBy(() -> new ImagePipeline(stack, "ApiImage", api(publisher(stack))
                .buildImage("docker:27")
                .source(ImagePipelineSource.connection("arn:aws:codeconnections:eu-west-1:111111111111:host/x", "acme/api"))
                .build()))
                .hasMessageContaining("buildImage \"docker:27\" is not a CodeBuild curated image")
                .hasMessageContaining("is not a CodeConnections connection ARN");
    }
}
