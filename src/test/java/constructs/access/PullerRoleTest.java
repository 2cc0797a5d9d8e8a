package constructs.access;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PullerRoleTest {

    static final String API = "arn:aws:ecr:eu-west-1:111111111111:repository/shop/dev/api";
    static final String WEB = "arn:aws:ecr:eu-west-1:111111111111:repository/shop/dev/web";
    static final List<String> PULL = List.of(
            "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer");

    static Stack stack;
    static Template template;

    static Stack newStack(App app, String id) {
        return new Stack(app, id, StackProps.builder()
                .env(Environment.builder().account("111111111111").region("eu-west-1").build()).build());
    }

    static void puller(Stack stack, PullerRoleKind kind, List<String> clusters) {
        new PullerRole(stack, kind.name(), PullerRoleProps.builder()
                .kind(kind)
                .roleName(PullerRole.defaultRoleName("shop", "dev", kind))
                .repositoryArns(List.of(API, WEB))
                .fargateClusterNames(clusters)
                .build());
    }

    @BeforeAll
    static void synth() {
        stack = newStack(new App(), "Pullers");
        puller(stack, PullerRoleKind.ECS_TASK_EXECUTION, List.of());
        puller(stack, PullerRoleKind.EKS_NODE, List.of());
        puller(stack, PullerRoleKind.EKS_FARGATE_POD_EXECUTION, List.of("shop-dev"));
        puller(stack, PullerRoleKind.APP_RUNNER_ACCESS, List.of());
        puller(stack, PullerRoleKind.EC2_INSTANCE, List.of());
        Aspects.of(stack).add(new AwsSolutionsChecks());
        template = Template.fromStack(stack);
    }

    static void hasTrust(String roleName, Map<String, Object> statement) {
        template.hasResourceProperties("AWS::IAM::Role", Map.of(
                "RoleName", roleName,
                "MaxSessionDuration", 3600,
                "AssumeRolePolicyDocument", Match.objectEquals(Map.of(
                        "Version", "2012-10-17", "Statement", List.of(statement)))));
    }

    static void hasPolicy(String roleName, String persona, List<String> actions) {
        String logicalId = template.findResources("AWS::IAM::Role", Match.objectLike(Map.of("Properties",
                Match.objectLike(Map.of("RoleName", roleName))))).keySet().iterator().next();
        template.hasResourceProperties("AWS::IAM::Role", Map.of(
                "RoleName", roleName,
                "Tags", List.of(Map.of("Key", "ecr-blueprint:persona", "Value", persona))));
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                "Roles", List.of(Map.of("Ref", logicalId)),
                "PolicyDocument", Match.objectEquals(Map.of(
                        "Version", "2012-10-17",
                        "Statement", List.of(
                                Map.of("Sid", "PullImages", "Effect", "Allow", "Action", actions,
                                        "Resource", List.of(API, WEB)),
                                Map.of("Sid", "GetAuthorizationToken", "Effect", "Allow",
                                        "Action", List.of("ecr:GetAuthorizationToken"),
                                        "Resource", List.of("*")))))));
    }

    @Nested
    class EcsTaskExecution {

        @Test
        void trustsEcsTasksOfThisAccountOnly() {
            hasTrust("shop-dev-ecs-task-execution", Map.of(
                    "Effect", "Allow",
                    "Principal", Map.of("Service", "ecs-tasks.amazonaws.com"),
                    "Action", "sts:AssumeRole",
                    "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", "111111111111"))));
        }

        @Test
        void mayOnlyPullItsRepositories() {
            hasPolicy("shop-dev-ecs-task-execution", "puller", PULL);
        }
    }

    @Nested
    class Ec2Instance {

        @Test
        void trustsEc2() {
            hasTrust("shop-dev-ec2-instance", Map.of(
                    "Effect", "Allow",
                    "Principal", Map.of("Service", "ec2.amazonaws.com"),
                    "Action", "sts:AssumeRole"));
        }

        @Test
        void mayOnlyPullItsRepositories() {
            hasPolicy("shop-dev-ec2-instance", "puller", PULL);
        }

        @Test
        void hasAnInstanceProfileOfItsNameHoldingOnlyItsRole() {
            String logicalId = template.findResources("AWS::IAM::Role", Match.objectLike(Map.of("Properties",
                    Match.objectLike(Map.of("RoleName", "shop-dev-ec2-instance"))))).keySet().iterator().next();
            template.resourceCountIs("AWS::IAM::InstanceProfile", 1);
            template.hasResourceProperties("AWS::IAM::InstanceProfile", Match.objectEquals(Map.of(
                    "InstanceProfileName", "shop-dev-ec2-instance",
                    "Roles", List.of(Map.of("Ref", logicalId)))));
        }
    }

    @Nested
    class EksNode {

        @Test
        void trustsEc2() {
            hasTrust("shop-dev-eks-node", Map.of(
                    "Effect", "Allow",
                    "Principal", Map.of("Service", "ec2.amazonaws.com"),
                    "Action", "sts:AssumeRole"));
        }

        @Test
        void mayOnlyPullItsRepositories() {
            hasPolicy("shop-dev-eks-node", "puller", PULL);
        }
    }

    @Nested
    class EksFargatePodExecution {

        @Test
        void trustsOnlyTheNamedClustersFargateProfiles() {
            hasTrust("shop-dev-eks-fargate-pod-execution", Map.of(
                    "Effect", "Allow",
                    "Principal", Map.of("Service", "eks-fargate-pods.amazonaws.com"),
                    "Action", "sts:AssumeRole",
                    "Condition", Map.of("ArnLike", Map.of("aws:SourceArn", List.of(Map.of("Fn::Join", List.of("",
                            List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                    ":eks:eu-west-1:111111111111:fargateprofile/shop-dev/*"))))))));
        }

        @Test
        void mayOnlyPullItsRepositories() {
            hasPolicy("shop-dev-eks-fargate-pod-execution", "puller", PULL);
        }
    }

    @Nested
    class AppRunnerAccess {

        @Test
        void trustsAppRunnerBuild() {
            hasTrust("shop-dev-apprunner-access", Map.of(
                    "Effect", "Allow",
                    "Principal", Map.of("Service", "build.apprunner.amazonaws.com"),
                    "Action", "sts:AssumeRole"));
        }

        @Test
        void mayPullAndDescribeImagesOnly() {
            hasPolicy("shop-dev-apprunner-access", "apprunner-puller", List.of(
                    "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:DescribeImages",
                    "ecr:GetDownloadUrlForLayer"));
        }
    }

    @Nested
    class Rules {

        @Test
        void noPullerHoldsAKmsOrInlinePermission() {
            assertThat(template.findResources("AWS::IAM::ManagedPolicy").toString()).doesNotContain("kms:");
            template.resourceCountIs("AWS::IAM::Policy", 0);
        }

        @Test
        void passesAwsSolutionsIamRules() {
            assertThat(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-IAM.*")))
                    .isEmpty();
        }

        @Test
        void everyAccountsFargateProfilesWhenNoClusterIsNamed() {
            Stack s = newStack(new App(), "AnyCluster");
            puller(s, PullerRoleKind.EKS_FARGATE_POD_EXECUTION, List.of());
            Template.fromStack(s).hasResourceProperties("AWS::IAM::Role", Map.of(
                    "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of(
                            "Condition", Map.of("ArnLike", Map.of("aws:SourceArn", List.of(Map.of("Fn::Join",
                                    List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                            ":eks:eu-west-1:111111111111:fargateprofile/*")))))))))))));
        }

        @Test
        void failsOnClusterNamesForAnotherKindAndOnWildcardClusters() {
            Stack s = newStack(new App(), "Invalid");
            assertThatThrownBy(() -> new PullerRole(s, "P", PullerRoleProps.builder()
                    .kind(PullerRoleKind.ECS_TASK_EXECUTION)
                    .roleName("shop-dev-ecs-task-execution")
                    .repositoryArns(List.of(API))
                    .fargateClusterNames(List.of("*"))
                    .build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("PullerRole Invalid/P: fargateClusterNames [*] is only valid with kind "
                            + "EKS_FARGATE_POD_EXECUTION (got ECS_TASK_EXECUTION). Hint: drop fargateClusterNames; "
                            + "fargateClusterNames[0] \"*\" is invalid: must be an EKS cluster name (letters, digits, "
                            + "- and _, at most 100 characters, no wildcard). Hint: \"shop-dev\"");
        }

        @Test
        void failsWithoutAKind() {
            Stack s = newStack(new App(), "NoKind");
            assertThatThrownBy(() -> new PullerRole(s, "P", PullerRoleProps.builder()
                    .roleName("shop-dev-pull").repositoryArns(List.of(API)).build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("PullerRole NoKind/P: kind is required. Hint: PullerRoleKind.ECS_TASK_EXECUTION");
        }
    }
}
