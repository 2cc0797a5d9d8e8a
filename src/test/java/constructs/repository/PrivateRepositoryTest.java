package constructs.repository;

import constructs.access.Persona;

import lifecycle.Action;
import lifecycle.CountType;
import lifecycle.CountUnit;
import lifecycle.LifecyclePolicy;
import lifecycle.LifecyclePolicyException;
import lifecycle.LifecyclePolicyRule;
import lifecycle.Selection;
import lifecycle.ImageTagStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.IUser;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iam.User;
import constructs.access.PullerRole;
import constructs.access.PullerRoleKind;
import constructs.access.PullerRoleProps;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivateRepositoryTest {

    static final LifecyclePolicy EXPIRE_UNTAGGED = LifecyclePolicy.of(new LifecyclePolicyRule(1, "expire untagged",
            new Selection(ImageTagStatus.UNTAGGED, null, null, null, CountType.SINCE_IMAGE_PUSHED, CountUnit.DAYS, 14),
            Action.expire()));

    static Stack newStack(String id) {
        App app = new App(AppProps.builder()
                .context(Map.of("@aws-cdk/core:enablePartitionLiterals", true))
                .analyticsReporting(false)
                .build());
        return new Stack(app, id, StackProps.builder()
                .env(Environment.builder().account("111111111111").region("eu-west-1").build())
                .build());
    }

    static PrivateRepositoryProps.Builder minimal(String name) {
        return PrivateRepositoryProps.builder()
                .repositoryName(name)
                .lifecyclePolicy(EXPIRE_UNTAGGED)
                .removalPolicy(RemovalPolicy.DESTROY);
    }

    static Stack devStack;
    static Template dev;
    static PrivateRepository devRepository;
    static Stack prodStack;
    static Template prod;
    static PrivateRepository checkout;
    static PrivateRepository orders;

    @BeforeAll
    static void synth() {
        devStack = newStack("shop-dev");
        devRepository = new PrivateRepository(devStack, "UserService", minimal("shop/dev/user-service").build());
        dev = Template.fromStack(devStack);

        prodStack = newStack("shop-prod");
        RepositoryKey key = new RepositoryKey(prodStack, "RepositoryKey",
                RepositoryKeyProps.builder().removalPolicy(RemovalPolicy.RETAIN).build());
        Role ecsExecution = Role.Builder.create(prodStack, "EcsExecution")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com")).build();
        Role ci = Role.Builder.create(prodStack, "Ci").assumedBy(new AccountRootPrincipal()).build();
        checkout = new PrivateRepository(prodStack, "Checkout", PrivateRepositoryProps.builder()
                .repositoryName("shop/prod/checkout")
                .lifecyclePolicy(EXPIRE_UNTAGGED)
                .removalPolicy(RemovalPolicy.RETAIN)
                .encryptionKey(key.key())
                .tagMutability(TagMutability.IMMUTABLE_WITH_EXCLUSION)
                .mutableTagExclusions(List.of("latest", "dev-*"))
                .requireImmutableTags(true)
                .mutableTagOverrideReason("the partner's deploy tool only follows latest")
                .repositoryPolicy(RepositoryPolicy.builder()
                        .pull(RepositoryPrincipal.account("222233334444"))
                        .pull(RepositoryPrincipal.lambdaFunctions("222233334444", "eu-west-1"))
                        .build())
                .tags(Map.of("team", "payments", "cost-center", "42"))
                .exportOutputs(true)
                .build());
        orders = new PrivateRepository(prodStack, "Orders", PrivateRepositoryProps.builder()
                .repositoryName("shop/prod/orders")
                .lifecyclePolicy(EXPIRE_UNTAGGED)
                .removalPolicy(RemovalPolicy.RETAIN)
                .encryptionKey(key.key())
                .build());
        checkout.grantPull(ecsExecution);
        orders.grantPull(ecsExecution);
        checkout.grantPush(ci);
        prod = Template.fromStack(prodStack);
    }

    @Nested
    class Defaults {

        @Test
        void tagsAreImmutable() {
            dev.hasResourceProperties("AWS::ECR::Repository", Map.of(
                    "RepositoryName", "shop/dev/user-service",
                    "ImageTagMutability", "IMMUTABLE",
                    "ImageTagMutabilityExclusionFilters", Match.absent()));
        }

        @Test
        void scanOnPushIsOn() {
            dev.hasResourceProperties("AWS::ECR::Repository",
                    Map.of("ImageScanningConfiguration", Map.of("ScanOnPush", true)));
        }

        @Test
        void encryptionIsKmsWithAKeyCreatedForTheRepository() {
            dev.resourceCountIs("AWS::KMS::Key", 1);
            dev.hasResourceProperties("AWS::ECR::Repository", Map.of("EncryptionConfiguration", Match.objectEquals(
                    Map.of("EncryptionType", "KMS",
                            "KmsKey", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^UserServiceKey.*"), "Arn"))))));
            dev.hasResource("AWS::KMS::Key", Map.of("DeletionPolicy", "Delete"));
        }

        @Test
        void theLifecyclePolicyIsTheRenderedModel() {
            dev.hasResourceProperties("AWS::ECR::Repository", Map.of("LifecyclePolicy", Match.objectEquals(Map.of(
                    "LifecyclePolicyText", EXPIRE_UNTAGGED.toJson()))));
            assertThat(EXPIRE_UNTAGGED.toJson()).isEqualTo("{\"rules\":[{\"rulePriority\":1,"
                    + "\"description\":\"expire untagged\",\"selection\":{\"tagStatus\":\"untagged\","
                    + "\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":14},"
                    + "\"action\":{\"type\":\"expire\"}}]}");
        }

        @Test
        void destroyEmptiesTheRepositoryOnDeleteWithoutACustomResource() {
            dev.hasResource("AWS::ECR::Repository", Map.of(
                    "DeletionPolicy", "Delete",
                    "UpdateReplacePolicy", "Delete",
                    "Properties", Map.of("EmptyOnDelete", true)));
            assertThat(dev.findResources("Custom::ECRAutoDeleteImages")).isEmpty();
            assertThat(dev.findResources("AWS::Lambda::Function")).isEmpty();
        }

        @Test
        void noRepositoryPolicyAndNoTags() {
            dev.hasResourceProperties("AWS::ECR::Repository", Map.of(
                    "RepositoryPolicyText", Match.absent(), "Tags", Match.absent()));
        }

        @Test
        void theL1ChildIsCalledResource() {
            assertThat(devRepository.getResource().getNode().getId()).isEqualTo("Resource");
            assertThat(devStack.resolve(devRepository.getResource().getLogicalId())).asString()
                    .startsWith("UserService");
        }

        @Test
        void noOutputsAreExportedByDefault() {
            assertThat(dev.findOutputs("*")).isEmpty();
        }

        @Test
        void nameArnAndUriAreExportedWhenAsked() {
            Stack stack = newStack("shop-dev-exports");
            new PrivateRepository(stack, "UserService", minimal("shop/dev/user-service").exportOutputs(true).build());
            Template template = Template.fromStack(stack);
            template.hasOutput("*", Map.of(
                    "Value", "shop/dev/user-service",
                    "Export", Map.of("Name", "shop-dev-user-service-RepositoryName")));
            template.hasOutput("*", Map.of(
                    "Value", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^UserService.*"), "Arn")),
                    "Export", Map.of("Name", "shop-dev-user-service-RepositoryArn")));
            template.hasOutput("*", Map.of(
                    "Value", Map.of("Fn::Join", List.of("", List.of(
                            "111111111111.dkr.ecr.eu-west-1.", Map.of("Ref", "AWS::URLSuffix"),
                            "/shop/dev/user-service"))),
                    "Export", Map.of("Name", "shop-dev-user-service-RepositoryUri")));
        }

        @Test
        void gettersReturnTheSameValues() {
            assertThat(devRepository.getRepositoryName()).isEqualTo("shop/dev/user-service");
            assertThat(devStack.resolve(devRepository.getRepositoryArn())).isEqualTo(Map.of("Fn::GetAtt",
                    List.of(devStack.resolve(devRepository.getResource().getLogicalId()), "Arn")));
            assertThat(devStack.resolve(devRepository.getRepositoryUri()).toString())
                    .contains("111111111111.dkr.ecr.eu-west-1.", "AWS::URLSuffix", "/shop/dev/user-service");
        }

        @Test
        void theTemplateIsDeterministicAndHasNoAssetsOrCustomResources() {
            Stack again = newStack("shop-dev");
            new PrivateRepository(again, "UserService", minimal("shop/dev/user-service").build());
            assertThat(Template.fromStack(again).toJSON()).isEqualTo(dev.toJSON());
            assertThat(dev.toJSON().toString()).doesNotContain("Custom::", "AssetParameters", "cdk-hnb659fds-assets");
        }

        @Test
        void noWarningWhenTagsAreImmutable() {
            Annotations.fromStack(devStack).hasNoWarning("*", Match.anyValue());
        }
    }

    @Nested
    class Options {

        @Test
        void theSharedKeyEncryptsEveryRepositoryAndNoOtherKeyIsCreated() {
            prod.resourceCountIs("AWS::KMS::Key", 1);
            Map<String, Object> keyArn = Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^RepositoryKey.*"), "Arn"));
            prod.hasResourceProperties("AWS::ECR::Repository", Map.of("RepositoryName", "shop/prod/checkout",
                    "EncryptionConfiguration", Map.of("EncryptionType", "KMS", "KmsKey", keyArn)));
            prod.hasResourceProperties("AWS::ECR::Repository", Map.of("RepositoryName", "shop/prod/orders",
                    "EncryptionConfiguration", Map.of("EncryptionType", "KMS", "KmsKey", keyArn)));
        }

        @Test
        void retainKeepsTheRepositoryAndNeverEmptiesIt() {
            prod.hasResource("AWS::ECR::Repository", Map.of(
                    "DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain",
                    "Properties", Map.of("RepositoryName", "shop/prod/orders", "EmptyOnDelete", Match.absent())));
        }

        @Test
        void exclusionFiltersAreWrittenAsWildcards() {
            prod.hasResourceProperties("AWS::ECR::Repository", Map.of(
                    "RepositoryName", "shop/prod/checkout",
                    "ImageTagMutability", "IMMUTABLE_WITH_EXCLUSION",
                    "ImageTagMutabilityExclusionFilters", List.of(
                            Map.of("ImageTagMutabilityExclusionFilterType", "WILDCARD",
                                    "ImageTagMutabilityExclusionFilterValue", "latest"),
                            Map.of("ImageTagMutabilityExclusionFilterType", "WILDCARD",
                                    "ImageTagMutabilityExclusionFilterValue", "dev-*"))));
        }

        @Test
        void exclusionWarnsWithItsStableIdAndTheControlsItFails() {
            Annotations.fromStack(prodStack).hasWarning("/shop-prod/Checkout", "repository \"shop/prod/checkout\" "
                    + "uses IMMUTABLE_WITH_EXCLUSION: tags matching [latest, dev-*] can be moved to another image. "
                    + "This fails Security Hub ECR.2, Control Tower CT.ECR.PR.3 (blocked at deploy time where "
                    + "proactive controls run) and Checkov CKV_AWS_51; override reason: the partner's deploy tool "
                    + "only follows latest [ack: ecr-blueprint:mutableTagExclusion]");
        }

        @Test
        void theRepositoryPolicyIsRenderedOnceWithoutResourceElement() {
            prod.hasResourceProperties("AWS::ECR::Repository", Map.of(
                    "RepositoryName", "shop/prod/checkout",
                    "RepositoryPolicyText", Match.objectEquals(Map.of(
                            "Version", "2012-10-17",
                            "Statement", List.of(
                                    Map.of("Sid", "PullAccount222233334444", "Effect", "Allow",
                                            "Principal", Map.of("AWS", "arn:aws:iam::222233334444:root"),
                                            "Action", Persona.PULLER.actions()),
                                    Map.of("Sid", "LambdaPullAccount222233334444", "Effect", "Allow",
                                            "Principal", Map.of("AWS", "arn:aws:iam::222233334444:root"),
                                            "Action", List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer")),
                                    Map.of("Sid", "LambdaServicePull222233334444", "Effect", "Allow",
                                            "Principal", Map.of("Service", "lambda.amazonaws.com"),
                                            "Action", List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
                                            "Condition", Map.of("ArnLike", Map.of("aws:sourceArn",
                                                    "arn:aws:lambda:eu-west-1:222233334444:function:*"))))))));
        }

        @Test
        void tagsAreWrittenInKeyOrder() {
            prod.hasResourceProperties("AWS::ECR::Repository", Map.of(
                    "RepositoryName", "shop/prod/checkout",
                    "Tags", List.of(Map.of("Key", "cost-center", "Value", "42"), Map.of("Key", "team", "Value", "payments"))));
        }

        @Test
        void outputsAreExportedOnlyWhereAsked() {
            assertThat(prod.findOutputs("*", Map.of("Export", Map.of("Name", Match.stringLikeRegexp("^shop-prod-orders-.*")))))
                    .isEmpty();
            assertThat(prod.findOutputs("*", Map.of("Export", Map.of("Name", Match.stringLikeRegexp("^shop-prod-checkout-.*")))))
                    .hasSize(3);
        }
    }

    @Nested
    class Grants {

        @Test
        void pullGoesToOneCustomerManagedPolicyOfTheRoleListingEveryGrantedRepository() {
            prod.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                    "Description", "ecr-blueprint puller: Amazon ECR access granted to this role",
                    "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("^EcsExecution.*"))),
                    "PolicyDocument", Match.objectEquals(Map.of("Version", "2012-10-17", "Statement", List.of(
                            Map.of("Sid", "RepositoryActions", "Effect", "Allow",
                                    "Action", Persona.PULLER.actions(),
                                    "Resource", List.of(
                                            Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^Checkout.*"), "Arn")),
                                            Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^Orders.*"), "Arn")))),
                            Map.of("Sid", "GetAuthorizationToken", "Effect", "Allow",
                                    "Action", "ecr:GetAuthorizationToken", "Resource", "*"))))));
        }

        @Test
        void pushUsesThePublisherActionsOnlyOnTheGrantedRepository() {
            prod.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                    "Description", "ecr-blueprint publisher: Amazon ECR access granted to this role",
                    "Roles", List.of(Map.of("Ref", Match.stringLikeRegexp("^Ci.*"))),
                    "PolicyDocument", Map.of("Statement", List.of(
                            Map.of("Sid", "RepositoryActions", "Action", Persona.PUBLISHER.actions(),
                                    "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^Checkout.*"), "Arn"))),
                            Map.of("Sid", "GetAuthorizationToken", "Resource", "*")))));
        }

        @Test
        void noInlinePolicyAndNoKeyPermission() {
            assertThat(prod.findResources("AWS::IAM::Policy")).isEmpty();
            prod.allResourcesProperties("AWS::IAM::ManagedPolicy", Map.of("PolicyDocument", Map.of(
                    "Statement", Match.not(Match.arrayWith(List.of(Match.objectLike(Map.of(
                            "Action", Match.arrayWith(List.of("kms:Decrypt"))))))))));
        }

        @Test
        void theStarResourceCarriesAGranularIam5Suppression() {
            prod.hasResource("AWS::IAM::ManagedPolicy", Map.of("Metadata", Map.of("cdk_nag", Map.of(
                    "rules_to_suppress", List.of(Map.of(
                            "id", "AwsSolutions-IAM5",
                            "applies_to", List.of("Resource::*"),
                            "reason", "ecr:GetAuthorizationToken has no resource-level permissions, so it can only "
                                    + "be granted on *; every repository action is scoped to repository ARNs."))))));
        }

        @Test
        void aGrantToARoleReturnsTheCdkGrantWithThePersonaStatement() {
            Stack stack = newStack("grant-result");
            PrivateRepository repository = new PrivateRepository(stack, "Repo", minimal("shop/dev/api").build());
            Role role = Role.Builder.create(stack, "Ci").assumedBy(new ServicePrincipal("codebuild.amazonaws.com")).build();

            Grant grant = repository.grantPush(role);

            assertThat(grant.getSuccess()).isTrue();
            assertThat(grant.getPrincipalStatement().getActions()).isEqualTo(Persona.PUBLISHER.actions());
            assertThat(grant.getResourceStatement()).isNull();
            assertThat(Template.fromStack(stack).findResources("AWS::IAM::Policy")).isEmpty();
        }

        @Test
        void anAccountPrincipalIsAdmittedByTheRepositoryPolicy() {
            Stack stack = newStack("grant-account");
            PrivateRepository repository = new PrivateRepository(stack, "Repo", minimal("shop/dev/api")
                    .repositoryPolicy(RepositoryPolicy.builder().pull(RepositoryPrincipal.account("222233334444")).build())
                    .build());

            Grant grant = repository.grantPull(new AccountPrincipal("333344445555"));

            assertThat(grant.getResourceStatement()).isNotNull();
            Template.fromStack(stack).hasResourceProperties("AWS::ECR::Repository", Map.of(
                    "RepositoryPolicyText", Map.of("Version", "2012-10-17", "Statement", List.of(
                            Map.of("Sid", "PullAccount222233334444", "Effect", "Allow",
                                    "Principal", Map.of("AWS", "arn:aws:iam::222233334444:root"),
                                    "Action", Persona.PULLER.actions()),
                            Map.of("Effect", "Allow",
                                    "Principal", Map.of("AWS", "arn:aws:iam::333344445555:root"),
                                    "Action", Persona.PULLER.actions())))));
        }

        @Test
        void aServicePrincipalIsAdmittedByTheRepositoryPolicyWithTheExactPullActions() {
            Stack stack = newStack("grant-service");
            PrivateRepository repository = new PrivateRepository(stack, "Repo", minimal("shop/dev/api").build());

            repository.grantPull(new ServicePrincipal("lambda.amazonaws.com"));

            Template.fromStack(stack).hasResourceProperties("AWS::ECR::Repository", Map.of(
                    "RepositoryPolicyText", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                            "Effect", "Allow",
                            "Principal", Map.of("Service", "lambda.amazonaws.com"),
                            "Action", Persona.PULLER.actions())))));
        }

        @Test
        void aRoleOfAnotherAccountGetsAManagedPolicyThereAndIsNamedThroughItsAccountRoot() {
            App app = new App(AppProps.builder().analyticsReporting(false).build());
            Stack registry = new Stack(app, "registry", StackProps.builder()
                    .env(Environment.builder().account("111111111111").region("eu-west-1").build()).build());
            Stack workload = new Stack(app, "workload", StackProps.builder()
                    .env(Environment.builder().account("222222222222").region("eu-west-1").build()).build());
            PrivateRepository repository = new PrivateRepository(registry, "Repo", minimal("shop/prod/api").build());
            Role role = Role.Builder.create(workload, "TaskExecution").roleName("api-task-execution")
                    .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com")).build();

            repository.grantPull(role);

            Template.fromStack(registry).hasResourceProperties("AWS::ECR::Repository", Map.of(
                    "RepositoryPolicyText", Map.of("Statement", List.of(Map.of(
                            "Effect", "Allow",
                            "Principal", Map.of("AWS", Map.of("Fn::Join", List.of("", List.of(
                                    "arn:", Map.of("Ref", "AWS::Partition"), ":iam::222222222222:root")))),
                            "Condition", Map.of("ArnEquals", Map.of("aws:PrincipalArn", Map.of("Fn::Join",
                                    List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                            ":iam::222222222222:role/api-task-execution"))))),
                            "Action", Persona.PULLER.actions())))));
            Template workloadTemplate = Template.fromStack(workload);
            workloadTemplate.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                    "PolicyDocument", Map.of("Statement", List.of(
                            Map.of("Sid", "RepositoryActions", "Action", Persona.PULLER.actions(),
                                    "Resource", Map.of("Fn::Join", List.of("", List.of("arn:",
                                            Map.of("Ref", "AWS::Partition"),
                                            ":ecr:eu-west-1:111111111111:repository/shop/prod/api")))),
                            Map.of("Sid", "GetAuthorizationToken", "Resource", "*")))));
            assertThat(workloadTemplate.findResources("AWS::IAM::Policy")).isEmpty();
        }

        @Test
        void aRoleOfAnotherAccountKnownByItsArnIsOnlyAdmittedByTheRepositoryPolicy() {
            Stack stack = newStack("grant-imported");
            PrivateRepository repository = new PrivateRepository(stack, "Repo", minimal("shop/prod/api").build());
            IRole imported = Role.fromRoleArn(stack, "Partner", "arn:aws:iam::222233334444:role/partner-deploy");

            repository.grantPull(imported);

            Template template = Template.fromStack(stack);
            assertThat(template.findResources("AWS::IAM::ManagedPolicy")).isEmpty();
            assertThat(template.findResources("AWS::IAM::Policy")).isEmpty();
            template.hasResourceProperties("AWS::ECR::Repository", Map.of(
                    "RepositoryPolicyText", Map.of("Statement", List.of(Map.of(
                            "Effect", "Allow",
                            "Principal", Map.of("AWS", "arn:aws:iam::222233334444:root"),
                            "Condition", Map.of("ArnEquals", Map.of(
                                    "aws:PrincipalArn", "arn:aws:iam::222233334444:role/partner-deploy")),
                            "Action", Persona.PULLER.actions())))));
        }
        @Test
        void anIamUserGetsTheExactActionsThroughACustomerManagedPolicyNeverAnInlineOne() {
            Stack stack = newStack("grant-user");
            PrivateRepository repository = new PrivateRepository(stack, "Repo", minimal("shop/dev/api").build());
            User user = User.Builder.create(stack, "Operator").userName("operator").build();

            Grant grant = repository.grantPullPush(user);

            assertThat(grant.getSuccess()).isTrue();
            assertThat(grant.getPrincipalStatement().getActions()).isEqualTo(Persona.PROMOTER.actions());
            assertThat(grant.getResourceStatement()).isNull();
            Template template = Template.fromStack(stack);
            template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                    "Description", "ecr-blueprint promoter: Amazon ECR access granted to this user",
                    "Users", List.of(Map.of("Ref", Match.stringLikeRegexp("^Operator.*"))),
                    "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(
                            Map.of("Sid", "RepositoryActions", "Effect", "Allow", "Action", Persona.PROMOTER.actions(),
                                    "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^Repo.*"), "Arn"))),
                            Map.of("Sid", "GetAuthorizationToken", "Effect", "Allow",
                                    "Action", Persona.AUTHORIZATION_TOKEN_ACTION, "Resource", "*")))));
            assertThat(template.findResources("AWS::IAM::Policy")).isEmpty();
            assertThat(template.findResources("AWS::ECR::Repository").toString()).doesNotContain("RepositoryPolicyText");
        }

        @Test
        void anIamUserOfAnotherAccountIsAdmittedByTheRepositoryPolicyThroughItsAccountRoot() {
            Stack stack = newStack("grant-user-imported");
            PrivateRepository repository = new PrivateRepository(stack, "Repo", minimal("shop/prod/api").build());
            IUser partner = User.fromUserArn(stack, "Partner", "arn:aws:iam::222233334444:user/partner-ci");

            Grant grant = repository.grantPush(partner);

            assertThat(grant.getSuccess()).isTrue();
            Template template = Template.fromStack(stack);
            assertThat(template.findResources("AWS::IAM::ManagedPolicy")).isEmpty();
            assertThat(template.findResources("AWS::IAM::Policy")).isEmpty();
            template.hasResourceProperties("AWS::ECR::Repository", Map.of(
                    "RepositoryPolicyText", Map.of("Statement", List.of(Map.of(
                            "Effect", "Allow",
                            "Principal", Map.of("AWS", "arn:aws:iam::222233334444:root"),
                            "Condition", Map.of("ArnEquals", Map.of(
                                    "aws:PrincipalArn", "arn:aws:iam::222233334444:user/partner-ci")),
                            "Action", Persona.PUBLISHER.actions())))));
        }

        @Test
        void aPersonaRoleConstructHandsItsRoleToTheGrant() {
            Stack stack = newStack("grant-persona-role");
            PrivateRepository repository = new PrivateRepository(stack, "Repo", minimal("shop/dev/api").build());
            PullerRole puller = new PullerRole(stack, "Puller", PullerRoleProps.builder()
                    .kind(PullerRoleKind.ECS_TASK_EXECUTION)
                    .roleName("shop-dev-ecs-task-execution")
                    .repositoryArns(List.of("arn:aws:ecr:eu-west-1:111111111111:repository/shop/dev/web"))
                    .build());

            IRole role = puller.getRole();
            repository.grantPull(role);

            assertThat(stack.resolve(role.getRoleArn())).isEqualTo(stack.resolve(puller.getRoleArn()));
            Template template = Template.fromStack(stack);
            template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of(
                    "Description", "ecr-blueprint puller: Amazon ECR access granted to this role",
                    "Roles", List.of(Match.anyValue()),
                    "PolicyDocument", Match.objectLike(Map.of("Statement", List.of(
                            Map.of("Sid", "RepositoryActions", "Effect", "Allow", "Action", Persona.PULLER.actions(),
                                    "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^Repo.*"), "Arn"))),
                            Match.objectLike(Map.of("Sid", "GetAuthorizationToken")))))));
            assertThat(template.findResources("AWS::IAM::ManagedPolicy", Map.of("Properties", Map.of(
                    "Description", "ecr-blueprint puller: Amazon ECR access granted to this role"))).toString())
                    .containsPattern("Puller[0-9A-F]{8}"); // the Roles entry: the persona role's name, read from its ARN
            assertThat(template.findResources("AWS::IAM::Policy")).isEmpty();
        }
    }

    @Nested
    class Validation {

        @Test
        void failsWithEveryMissingRequiredPropAtOnce() {
            Stack stack = newStack("v1");
            assertThatThrownBy(() -> new PrivateRepository(stack, "Repo", PrivateRepositoryProps.builder().build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("repositoryName is required: name the repository after the service it holds. "
                            + "Hint: use \"<platform>/<env>/<service>\", e.g. \"shop/dev/user-service\"\n"
                            + "lifecyclePolicy is required: without one, images pile up forever (cost, and old "
                            + "vulnerable images stay pullable). Hint: add at least one rule, e.g. expire untagged "
                            + "images after 14 days\n"
                            + "removalPolicy is required: RETAIN keeps the repository and its images when it leaves "
                            + "the stack, DESTROY deletes them. Hint: RETAIN for prod, DESTROY for dev");
        }

        @Test
        void failsOnAGenericName() {
            Stack stack = newStack("v2");
            assertThatThrownBy(() -> new PrivateRepository(stack, "Repo", minimal("shop/dev/app").build()))
                    .hasMessage("repositoryName \"shop/dev/app\" is too generic: its last segment \"app\" does not "
                            + "say which service the repository holds. Hint: name the service, e.g. "
                            + "\"shop/dev/user-service\"");
        }

        @Test
        void neverGetsALifecyclePolicyWithoutRules() {
            // The policy refuses to exist without a rule, so the construct needs no check of its own.
            assertThatThrownBy(LifecyclePolicy::of).isInstanceOf(LifecyclePolicyException.class)
                    .hasMessageContaining("rules is empty: a lifecycle policy needs at least one rule");
        }

        @Test
        void failsOnSnapshotRemoval() {
            assertThatThrownBy(() -> new PrivateRepository(newStack("v3"), "Repo", minimal("shop/dev/orders")
                    .removalPolicy(RemovalPolicy.SNAPSHOT).build()))
                    .hasMessage("removalPolicy SNAPSHOT is not supported for a repository: use RETAIN_ON_UPDATE_OR_DELETE (a rolled-back first create leaves nothing behind), RETAIN or DESTROY");
        }

        @Test
        void failsOnMutableTags() {
            assertThatThrownBy(() -> new PrivateRepository(newStack("v4"), "Repo", minimal("shop/dev/orders")
                    .tagMutability(TagMutability.MUTABLE).build()))
                    .hasMessage("tagMutability MUTABLE is not allowed: a tag that can be moved breaks rollbacks and "
                            + "audits (Security Hub ECR.2, Control Tower CT.ECR.PR.3, Checkov CKV_AWS_51). Hint: keep "
                            + "IMMUTABLE, or use IMMUTABLE_WITH_EXCLUSION with mutableTagExclusions([\"latest\"])");
        }

        @Test
        void failsOnAnExclusionWithoutFilters() {
            assertThatThrownBy(() -> new PrivateRepository(newStack("v5"), "Repo", minimal("shop/dev/orders")
                    .tagMutability(TagMutability.IMMUTABLE_WITH_EXCLUSION).build()))
                    .hasMessage("mutableTagExclusions [] is invalid: IMMUTABLE_WITH_EXCLUSION needs 1 to 5 filters "
                            + "(got 0). Hint: use [\"latest\"]");
        }

        @Test
        void failsWhenSixFiltersAreGiven() {
            assertThatThrownBy(() -> new PrivateRepository(newStack("v6"), "Repo", minimal("shop/dev/orders")
                    .tagMutability(TagMutability.IMMUTABLE_WITH_EXCLUSION)
                    .mutableTagExclusions(List.of("a", "b", "c", "d", "e", "f")).build()))
                    .hasMessage("mutableTagExclusions [a, b, c, d, e, f] is invalid: IMMUTABLE_WITH_EXCLUSION needs "
                            + "1 to 5 filters (got 6). Hint: use [\"latest\"]");
        }

        @Test
        void failsOnBadStarOnlyAndDuplicateFilters() {
            assertThatThrownBy(() -> new PrivateRepository(newStack("v7"), "Repo", minimal("shop/dev/orders")
                    .tagMutability(TagMutability.IMMUTABLE_WITH_EXCLUSION)
                    .mutableTagExclusions(List.of("v1/x", "**", "latest", "latest", "x".repeat(129))).build()))
                    .hasMessage("mutableTagExclusions filter \"v1/x\" is invalid: must be 1 to 128 characters of "
                            + "[0-9a-zA-Z._*-] (\"*\" is the wildcard). Hint: use \"latest\" or \"dev-*\"\n"
                            + "mutableTagExclusions filter \"**\" is invalid: it matches every tag, which makes the "
                            + "repository MUTABLE. Hint: name the movable tags, e.g. \"latest\"\n"
                            + "mutableTagExclusions filter \"latest\" is listed twice: remove the duplicate\n"
                            + "mutableTagExclusions filter \"" + "x".repeat(129) + "\" is invalid: must be 1 to 128 "
                            + "characters of [0-9a-zA-Z._*-] (\"*\" is the wildcard). Hint: use \"latest\" or \"dev-*\"");
        }

        @Test
        void failsOnFiltersWithoutTheExclusionMode() {
            assertThatThrownBy(() -> new PrivateRepository(newStack("v8"), "Repo", minimal("shop/dev/orders")
                    .mutableTagExclusions(List.of("latest")).build()))
                    .hasMessage("mutableTagExclusions [latest] apply only with IMMUTABLE_WITH_EXCLUSION (tagMutability "
                            + "is IMMUTABLE). Hint: drop mutableTagExclusions, or set "
                            + "tagMutability(IMMUTABLE_WITH_EXCLUSION)");
        }

        @Test
        void refusesTheExclusionWhereImmutableTagsAreRequiredWithoutAReason() {
            assertThatThrownBy(() -> new PrivateRepository(newStack("v9"), "Repo", minimal("shop/prod/orders")
                    .tagMutability(TagMutability.IMMUTABLE_WITH_EXCLUSION)
                    .mutableTagExclusions(List.of("latest"))
                    .requireImmutableTags(true)
                    .mutableTagOverrideReason("  ").build()))
                    .hasMessage("tagMutability IMMUTABLE_WITH_EXCLUSION is refused where requireImmutableTags is set "
                            + "(the prod profile): tags [latest] could be moved. Hint: keep IMMUTABLE, or give "
                            + "mutableTagOverrideReason(\"...why...\") to accept the Security Hub ECR.2 finding");
        }

        @Test
        void failsWhenLambdaFunctionsAreInAnotherRegion() {
            assertThatThrownBy(() -> new PrivateRepository(newStack("v10"), "Repo", minimal("shop/dev/orders")
                    .repositoryPolicy(RepositoryPolicy.builder()
                            .pull(RepositoryPrincipal.lambdaFunctions("222233334444", "us-east-1")).build()).build()))
                    .hasMessage("repositoryPolicy grants Lambda functions of account 222233334444 in us-east-1, but "
                            + "the repository is in eu-west-1: Lambda only pulls images from its own region. Hint: "
                            + "replicate the repository to us-east-1 and grant it there");
        }

        @Test
        void failsWhenThePolicyExceedsTenThousandTwoHundredFortyCharacters() {
            RepositoryPolicy.Builder policy = RepositoryPolicy.builder();
            for (int i = 0; i < 40; i++) {
                policy.pull(RepositoryPrincipal.role("arn:aws:iam::222233334444:role/consumer-" + i));
            }
            RepositoryPolicy built = policy.build();
            int length = built.toJson("aws", "eu-west-1").length();
            assertThat(length).isGreaterThan(RepositoryPolicy.MAX_LENGTH);
            assertThatThrownBy(() -> new PrivateRepository(newStack("v11"), "Repo", minimal("shop/dev/orders")
                    .repositoryPolicy(built).build()))
                    .hasMessage("repositoryPolicy is " + length + " characters, over ECR's limit of 10240: ECR would "
                            + "reject it at deploy time. Hint: grant whole accounts or the organisation instead of "
                            + "many single roles");
        }

        @Test
        void failsWhenAddedStatementsPushTheWholePolicyOverTheLimit() throws Exception {
            Stack stack = newStack("v13");
            PrivateRepository repository = new PrivateRepository(stack, "Repo", minimal("shop/dev/orders")
                    .repositoryPolicy(RepositoryPolicy.builder().pull(RepositoryPrincipal.account("222233334444")).build())
                    .build());
            // The length as ECR counts it, computed here without the CDK: the generated statements, then the added ones.
            List<Object> statements = new ArrayList<>((List<?>) RepositoryPolicy.builder()
                    .pull(RepositoryPrincipal.account("222233334444")).build().toDocument("aws", "eu-west-1").get("Statement"));
            for (int i = 0; i < 60; i++) {
                Map<String, Object> statement = new LinkedHashMap<>();
                statement.put("Sid", "Partner" + i);
                statement.put("Effect", "Allow");
                statement.put("Principal", Map.of("AWS", "arn:aws:iam::2222333344" + (10 + i) + ":role/partner-task-execution"));
                statement.put("Action", List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"));
                statements.add(statement);
                repository.addToResourcePolicy(PolicyStatement.fromJson(statement));
            }
            int expected = new ObjectMapper().writeValueAsString(Map.of("Version", "2012-10-17", "Statement", statements)).length();
            assertThat(expected).isGreaterThan(RepositoryPolicy.MAX_LENGTH);
            assertThatThrownBy(() -> Template.fromStack(stack))
                    .hasMessageContaining("repository policy of \"shop/dev/orders\" is " + expected
                            + " characters with the 60 statements added to it, over ECR's limit of 10240");
        }

        @Test
        void keepsAddedStatementsAsWrittenWhereTheAppMinimizesPolicies() {
            App app = new App(AppProps.builder().analyticsReporting(false)
                    .context(Map.of("@aws-cdk/aws-iam:minimizePolicies", true)).build());
            Stack stack = new Stack(app, "v14", StackProps.builder()
                    .env(Environment.builder().account("111111111111").region("eu-west-1").build()).build());
            PrivateRepository repository = new PrivateRepository(stack, "Repo", minimal("shop/dev/orders").build());
            // Minimized, these two would become one statement: the size validate measured would not be the size written.
            repository.addToResourcePolicy(PolicyStatement.fromJson(Map.of("Effect", "Allow",
                    "Principal", Map.of("AWS", "arn:aws:iam::222233334444:root"), "Action", "ecr:DescribeImages")));
            repository.addToResourcePolicy(PolicyStatement.fromJson(Map.of("Effect", "Allow",
                    "Principal", Map.of("AWS", "arn:aws:iam::222233334444:root"), "Action", "ecr:ListImages")));
            Map<String, Map<String, Object>> repositories = Template.fromStack(stack).findResources("AWS::ECR::Repository");
            @SuppressWarnings("unchecked")
            Map<String, Object> policy = (Map<String, Object>) ((Map<String, Object>) repositories.values().iterator().next()
                    .get("Properties")).get("RepositoryPolicyText");
            assertThat((List<?>) policy.get("Statement")).hasSize(2);
        }

        @Test
        void failsOnReservedTagKeys() {
            assertThatThrownBy(() -> new PrivateRepository(newStack("v12"), "Repo", minimal("shop/dev/orders")
                    .tags(Map.of("aws:owner", "x")).build()))
                    .hasMessage("tag key \"aws:owner\" is invalid: must be 1 to 128 characters and not start with "
                            + "\"aws:\". Hint: use \"team\"");
        }
    }

    @Nested
    class Compliance {

        @Test
        void awsSolutionsFindsNothingInARepositoryWithEveryOption() {
            Stack stack = newStack("nag");
            Aspects.of(stack).add(AwsSolutionsChecks.Builder.create().build());
            RepositoryKey key = new RepositoryKey(stack, "Key",
                    RepositoryKeyProps.builder().removalPolicy(RemovalPolicy.RETAIN).build());
            Role role = Role.Builder.create(stack, "Puller")
                    .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com")).build();
            PrivateRepository repository = new PrivateRepository(stack, "Repo", minimal("shop/prod/payments")
                    .encryptionKey(key.key())
                    .repositoryPolicy(RepositoryPolicy.builder()
                            .pull(RepositoryPrincipal.organization("o-a1b2c3d4e5"))
                            .pull(RepositoryPrincipal.account("222233334444"))
                            .push(RepositoryPrincipal.role("arn:aws:iam::222233334444:role/ci-*"))
                            .pull(RepositoryPrincipal.lambdaFunctions("222233334444")).build())
                    .build());
            repository.grantPull(role);
            repository.grantPush(role);
            new PrivateRepository(stack, "Dev", minimal("shop/dev/payments").build());
            Template template = Template.fromStack(stack);

            assertThat(Annotations.fromStack(stack).findError("*", Match.anyValue())).isEmpty();
            template.hasResource("AWS::ECR::Repository", Map.of("Metadata", Map.of("cdk_nag", Map.of(
                    "rules_to_suppress", List.of(Map.of("id", "AwsSolutions-ECR1",
                            "reason", "The only * principal is bound by StringEquals aws:PrincipalOrgID to "
                                    + "organisation o-a1b2c3d4e5, so no principal outside it has access."))))));
        }

        @Test
        void theOpenAccessRuleIsNotSuppressedWithoutAnOrganisationGrant() {
            assertThat(prod.findResources("AWS::ECR::Repository", Map.of("Metadata", Map.of("cdk_nag", Map.of(
                    "rules_to_suppress", Match.arrayWith(List.of(Match.objectLike(Map.of("id", "AwsSolutions-ECR1")))))))))
                    .isEmpty();
        }
    }
}
