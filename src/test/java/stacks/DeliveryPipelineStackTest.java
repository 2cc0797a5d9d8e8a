package stacks;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import platform.Delivery;
import platform.EnvironmentSpec;
import platform.Platform;
import platform.Profile;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.services.sns.Topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One pipeline for a three-environment platform, built once; every test reads it. */
class DeliveryPipelineStackTest {

    static final String CONNECTION = "arn:aws:codeconnections:eu-west-1:999999999999:connection/0a1b2c3d-1111-2222-3333-444455556666";

    static Platform platform() {
        return new Platform("shop", null, List.of(
                EnvironmentSpec.of("dev", "111111111111", "eu-west-1", Profile.DEV),
                EnvironmentSpec.of("staging", "111111111111", "eu-west-1", Profile.STAGING),
                EnvironmentSpec.of("prod", "222222222222", "eu-central-1", Profile.PROD)),
                List.of(), null, null, null,
                new Delivery("999999999999", "eu-west-1", CONNECTION, "example-shop/platform", null),
                null, null);
    }

    /** A stand-in for the environment stacks: no env of its own, so it must inherit the stage's. */
    static void oneStackPerEnvironment(Stage stage, EnvironmentSpec environment) {
        Stack stack = new Stack(stage, "shop-" + environment.name(), StackProps.builder().stackName("shop-" + environment.name()).build());
        new Topic(stack, "Topic");
    }

    static App app;
    static DeliveryPipelineStack stack;
    static Template template;
    static final List<String> hookedStages = new ArrayList<>();

    @BeforeAll
    static void synth() {
        app = new App(AppProps.builder().analyticsReporting(false).build());
        stack = DeliveryPipeline.create(app, platform(), DeliveryPipelineProps.builder()
                .platformFile("examples/delivery/platform.yaml")
                .environmentStacks(DeliveryPipelineStackTest::oneStackPerEnvironment)
                .perStage(stage -> {
                    hookedStages.add(stage.getStageName());
                    Aspects.of(stage).add(new AwsSolutionsChecks());
                })
                .build());
        // As the app applies the packs: at App level, which reaches the pipeline and support stacks but no Stage.
        Aspects.of(app).add(new AwsSolutionsChecks());
        template = Template.fromStack(stack);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> pipelineStages() {
        Map<String, Map<String, Object>> pipelines = (Map<String, Map<String, Object>>) (Map<?, ?>) template.findResources("AWS::CodePipeline::Pipeline");
        assertThat(pipelines).hasSize(1);
        Map<String, Object> properties = (Map<String, Object>) pipelines.values().iterator().next().get("Properties");
        return (List<Map<String, Object>>) properties.get("Stages");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> actions(String stageName) {
        return pipelineStages().stream().filter(s -> s.get("Name").equals(stageName)).findFirst()
                .map(s -> (List<Map<String, Object>>) s.get("Actions")).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static String category(Map<String, Object> action) {
        return (String) ((Map<String, Object>) action.get("ActionTypeId")).get("Category");
    }

    @Nested
    class ThePipelineStack {

        @Test
        void isNamedAfterThePlatformInTheDeliveryAccountAndRegion() {
            assertThat(stack.getStackName()).isEqualTo("shop-delivery");
            assertThat(stack.getAccount()).isEqualTo("999999999999");
            assertThat(stack.getRegion()).isEqualTo("eu-west-1");
        }

        @Test
        void isAV2PipelineNamedLikeItsStack() {
            template.hasResourceProperties("AWS::CodePipeline::Pipeline", Map.of(
                    "Name", "shop-delivery", "PipelineType", "V2"));
        }

        @Test
        void takesTheSourceFromGitHubThroughTheConnection() {
            template.hasResourceProperties("AWS::CodePipeline::Pipeline", Map.of("Stages", Match.arrayWith(List.of(
                    Match.objectLike(Map.of("Name", "Source", "Actions", List.of(Match.objectLike(Map.of(
                            "ActionTypeId", Match.objectLike(Map.of("Provider", "CodeStarSourceConnection")),
                            "Configuration", Match.objectLike(Map.of(
                                    "ConnectionArn", CONNECTION,
                                    "FullRepositoryId", "example-shop/platform",
                                    "BranchName", "main")))))))))));
        }

        @Test
        void synthesizesWithTheReadmeCommandOnAJava17AndNodeImage() {
            Object phases = Match.objectLike(Map.of(
                    "install", Map.of(
                            "runtime-versions", Map.of("java", "corretto17", "nodejs", "20"),
                            "commands", List.of("npm ci")),
                    "build", Map.of(
                            "commands", List.of("npx cdk synth -c platform=examples/delivery/platform.yaml"))));
            template.hasResourceProperties("AWS::CodeBuild::Project", Map.of(
                    "Environment", Match.objectLike(Map.of(
                            "Image", "aws/codebuild/standard:7.0",
                            "ComputeType", "BUILD_GENERAL1_MEDIUM")),
                    "Source", Match.objectLike(Map.of(
                            "BuildSpec", Match.serializedJson(Match.objectLike(Map.of("phases", phases)))))));
        }

        @Test
        void everyCodeBuildProjectIsEncryptedWithTheArtifactKey() {
            // Synth and self-mutation; the stand-in stacks have no assets, so there is no publishing project.
            assertThat(template.findResources("AWS::CodeBuild::Project")).hasSize(2);
            template.allResourcesProperties("AWS::CodeBuild::Project", Match.objectLike(Map.of(
                    "EncryptionKey", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^PipelineArtifactsBucketEncryptionKey.*"), "Arn")))));
        }

        @Test
        void updatesItselfWithThePinnedCdkCli() {
            Object phases = Match.objectLike(Map.of(
                    "install", Map.of("commands", List.of("npm install -g aws-cdk@" + DeliveryPipelineStack.CDK_CLI_VERSION))));
            template.hasResourceProperties("AWS::CodeBuild::Project", Map.of(
                    "Source", Match.objectLike(Map.of(
                            "BuildSpec", Match.serializedJson(Match.objectLike(Map.of("phases", phases)))))));
        }
    }

    @Nested
    class Promotion {

        @Test
        void deploysDevThenStagingThenProdAfterSourceBuildAndSelfUpdate() {
            assertThat(pipelineStages()).extracting(s -> s.get("Name"))
                    .containsExactly("Source", "Build", "UpdatePipeline", "dev", "staging", "prod");
        }

        @Test
        void prodPreparesItsChangeSetThenWaitsForTheApprovalThenExecutesIt() {
            assertThat(actions("prod")).extracting(a -> a.get("RunOrder"), a -> a.get("Name"), DeliveryPipelineStackTest::category,
                            a -> ((Map<?, ?>) a.getOrDefault("Configuration", Map.of())).get("ActionMode"))
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(1, "Prepare", "Deploy", "CHANGE_SET_REPLACE"),
                            org.assertj.core.groups.Tuple.tuple(2, "Approve", "Approval", null),
                            org.assertj.core.groups.Tuple.tuple(3, "Deploy", "Deploy", "CHANGE_SET_EXECUTE"));
        }

        @Test
        void theApprovalSaysWhereItPromotesToWhichChangeSetsToReviewAndNotifiesTheApprovalTopic() {
            String topic = stack.resolve(stack.approvalTopic().getTopicArn()).toString();
            assertThat(actions("prod").stream().filter(a -> category(a).equals("Approval")).toList()).singleElement()
                    .extracting(a -> a.get("Configuration"))
                    .isEqualTo(Map.of("CustomData", "Promote shop to prod (account 222222222222, eu-central-1): review the"
                                    + " prepared change sets of shop-prod",
                            "NotificationArn", stack.resolve(stack.approvalTopic().getTopicArn())));
            assertThat(topic).contains("Ref");
        }

        @Test
        void theApprovalTopicIsEncryptedAndTakesTlsOnly() {
            template.hasResourceProperties("AWS::SNS::Topic", Map.of(
                    "KmsMasterKeyId", Match.anyValue(),
                    "DisplayName", "shop-delivery approvals"));
            template.hasResourceProperties("AWS::SNS::TopicPolicy", Match.objectLike(Map.of("PolicyDocument",
                    Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                            "Effect", "Deny",
                            "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
        }

        @Test
        void devAndStagingDeployWithoutApproval() {
            assertThat(actions("dev")).extracting(DeliveryPipelineStackTest::category).containsOnly("Deploy");
            assertThat(actions("staging")).extracting(DeliveryPipelineStackTest::category).containsOnly("Deploy");
        }

        @Test
        void theStagesAreReturnedInPromotionOrder() {
            assertThat(stack.stages()).extracting(s -> s.environment().name()).containsExactly("dev", "staging", "prod");
        }
    }

    @Nested
    class CrossAccount {

        @Test
        void artifactsAreEncryptedWithARotatedCustomerManagedKeyInEveryRegion() {
            template.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
            template.hasResourceProperties("AWS::CodePipeline::Pipeline", Map.of("ArtifactStores", Match.arrayWith(List.of(
                    Map.of("Region", "eu-central-1", "ArtifactStore", Match.objectLike(Map.of(
                            "Type", "S3",
                            "EncryptionKey", Match.objectLike(Map.of("Type", "KMS"))))),
                    Map.of("Region", "eu-west-1", "ArtifactStore", Match.objectLike(Map.of(
                            "Type", "S3",
                            "EncryptionKey", Map.of("Type", "KMS", "Id", Map.of("Fn::GetAtt", List.of(
                                    Match.stringLikeRegexp("^PipelineArtifactsBucketEncryptionKey.*"), "Arn"))))))))));
        }

        @Test
        void prodDeploysThroughTheCdkDeployRoleOfTheProdAccount() {
            assertThat(actions("prod")).filteredOn(a -> category(a).equals("Deploy")).hasSize(2).allSatisfy(action ->
                    assertThat(action.get("RoleArn").toString())
                            .contains(":iam::222222222222:role/cdk-hnb659fds-deploy-role-222222222222-eu-central-1"));
        }

        @Test
        void theDevAccountsDeployRoleMayDecryptTheArtifacts() {
            Object deployRole = Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                    ":iam::111111111111:role/cdk-hnb659fds-deploy-role-111111111111-eu-west-1")));
            template.hasResourceProperties("AWS::KMS::Key", Map.of("KeyPolicy", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(
                    Match.objectLike(Map.of(
                            "Action", List.of("kms:Decrypt", "kms:DescribeKey"),
                            "Principal", Map.of("AWS", deployRole)))))))));
        }

        @Test
        void prodsOtherRegionGetsOneSupportStackWithAReplicationBucketThatLogsAccess() {
            assertThat(stack.supportStacks()).extracting(Stack::getStackName).containsExactly("shop-delivery-support-eu-central-1");
            Stack support = stack.supportStacks().get(0);
            assertThat(support.getRegion()).isEqualTo("eu-central-1");
            Template.fromStack(support).hasResourceProperties("AWS::S3::Bucket", Map.of(
                    "LoggingConfiguration", Map.of(
                            "DestinationBucketName", Map.of("Ref", Match.stringLikeRegexp("^ArtifactAccessLogs.*")),
                            "LogFilePrefix", "artifacts/")));
        }
    }

    @Nested
    class Stages {

        @Test
        void eachStageCarriesItsEnvironmentsAccountAndRegion() {
            assertThat(stack.stages()).allSatisfy(stage -> {
                assertThat(stage.getAccount()).isEqualTo(stage.environment().account());
                assertThat(stage.getRegion()).isEqualTo(stage.environment().region());
            });
        }

        @Test
        void eachStagesStacksDeployToItsEnvironment() {
            assertThat(stack.stages()).allSatisfy(stage -> {
                assertThat(stage.stacks()).extracting(Stack::getStackName).containsExactly("shop-" + stage.environment().name());
                assertThat(stage.stacks()).allSatisfy(s -> {
                    assertThat(s.getAccount()).isEqualTo(stage.environment().account());
                    assertThat(s.getRegion()).isEqualTo(stage.environment().region());
                });
            });
        }

        @Test
        void noEnvironmentStackExistsOutsideTheStages() {
            CloudAssembly assembly = app.synth();
            assertThat(assembly.getStacks()).extracting(s -> s.getStackName())
                    .containsExactlyInAnyOrder("shop-delivery", "shop-delivery-support-eu-central-1");
            List<String> stacksOutsideStages = app.getNode().findAll().stream()
                    .filter(Stack::isStack)
                    .map(Stack.class::cast)
                    .filter(s -> !(Stage.of(s) instanceof EnvironmentStage))
                    .map(Stack::getStackName)
                    .toList();
            assertThat(stacksOutsideStages).containsExactlyInAnyOrder("shop-delivery", "shop-delivery-support-eu-central-1");
            assertThat(assembly.getNestedAssemblies()).hasSize(3);
        }

        @Test
        void thePerStageHookRanOnceForEveryStageInOrder() {
            assertThat(hookedStages).containsExactly("dev", "staging", "prod");
        }
    }

    @Nested
    class CdkNag {

        @Test
        void thePipelineStackHasNoUnsuppressedAwsSolutionsErrors() {
            assertThat(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                    .extracting(m -> m.getId() + " " + m.getEntry().getData()).isEmpty();
        }

        @Test
        void theSupportStackHasNoUnsuppressedAwsSolutionsErrors() {
            assertThat(Annotations.fromStack(stack.supportStacks().get(0)).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
        }

        @Test
        void thePipelineStackHasNoAwsSolutionsWarnings() {
            assertThat(Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
        }

        @Test
        void thePerStageHookReachesTheStacksInsideTheStages() {
            // The stand-in topic enforces no SSL: AwsSolutions reports it, proving the checks run inside the stage.
            Stack prod = stack.stages().get(2).stacks().get(0);
            assertThat(Annotations.fromStack(prod).findError("*", Match.stringLikeRegexp("AwsSolutions-SNS3.*")))
                    .extracting(m -> m.getId()).containsExactly("/shop-delivery/prod/shop-prod/Topic/Resource");
        }

        @Test
        void theArtifactBucketLogsAccessToTheLogBucket() {
            Object kms = Match.objectLike(Map.of("ServerSideEncryptionConfiguration", List.of(Match.objectLike(Map.of(
                    "ServerSideEncryptionByDefault", Match.objectLike(Map.of("SSEAlgorithm", "aws:kms")))))));
            template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                    "LoggingConfiguration", Map.of(
                            "DestinationBucketName", Map.of("Ref", Match.stringLikeRegexp("^ArtifactAccessLogs.*")),
                            "LogFilePrefix", "artifacts/"),
                    "BucketEncryption", kms));
        }

        @Test
        void onlyTheArtifactBucketMayWriteAccessLogs() {
            Object artifactBucketArn = Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^PipelineArtifactsBucket.*"), "Arn"));
            Object statement = Match.objectLike(Map.of(
                    "Sid", "S3ServerAccessLogsFromArtifactBucket",
                    "Effect", "Allow",
                    "Principal", Map.of("Service", "logging.s3.amazonaws.com"),
                    "Action", "s3:PutObject",
                    "Condition", Map.of(
                            "ArnLike", Map.of("aws:SourceArn", artifactBucketArn),
                            "StringEquals", Map.of("aws:SourceAccount", "999999999999"))));
            template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of(
                    "Bucket", Map.of("Ref", Match.stringLikeRegexp("^ArtifactAccessLogs.*")),
                    "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(statement))))));
        }

        @Test
        void theLogBucketIsSseS3AndRetained() {
            Object sseS3 = Map.of("ServerSideEncryptionConfiguration", List.of(
                    Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256"))));
            template.hasResource("AWS::S3::Bucket", Map.of(
                    "DeletionPolicy", "Retain",
                    "Properties", Match.objectLike(Map.of("BucketEncryption", sseS3))));
        }
    }
}
