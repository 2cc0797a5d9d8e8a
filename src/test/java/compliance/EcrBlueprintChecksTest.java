package compliance;

import io.github.cdklabs.cdknag.NagPackProps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnDeletionPolicy;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.cloudwatch.CfnAlarm;
import software.amazon.awscdk.services.ec2.CfnVPCEndpoint;
import software.amazon.awscdk.services.ecr.CfnRegistryPolicy;
import software.amazon.awscdk.services.ecr.CfnRepository;
import software.amazon.awscdk.services.iam.CfnManagedPolicy;
import software.amazon.awscdk.services.iam.CfnRole;
import software.amazon.awscdk.services.kms.CfnKey;
import software.amazon.awscdk.services.sns.CfnTopic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static compliance.Fixtures.key;
import static compliance.Fixtures.repository;
import static compliance.Fixtures.retained;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One compliant and at least one non-compliant fixture per rule of the EcrBlueprint pack. Every
 * fixture is its own stack of L1 resources in one App (synthesized once); a compliant fixture has
 * no finding at all, a non-compliant one exactly the expected rule id.
 */
class EcrBlueprintChecksTest {

    private static final Map<String, Stack> STACKS = new LinkedHashMap<>();

    private static final List<String> PULLER_ACTIONS = List.of(
            "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:GetAuthorizationToken");

    @BeforeAll
    static void synthesizeFixtures() {
        App app = new App(AppProps.builder().analyticsReporting(false).build());

        fixture(app, "RepositoryCompliant", s -> retained(repository(s, "Repo", key(s, "Key").build()).build()));
        fixture(app, "ScanOffNonCompliant", s -> retained(repository(s, "Repo", key(s, "Key").build())
                .imageScanningConfiguration(CfnRepository.ImageScanningConfigurationProperty.builder().scanOnPush(false).build())
                .build()));
        fixture(app, "MutableNonCompliant", s -> retained(repository(s, "Repo", key(s, "Key").build())
                .imageTagMutability("MUTABLE").build()));
        fixture(app, "NoLifecycleNonCompliant", s -> retained(repository(s, "Repo", key(s, "Key").build())
                .lifecyclePolicy((CfnRepository.LifecyclePolicyProperty) null).build()));
        fixture(app, "EmptyLifecycleNonCompliant", s -> retained(repository(s, "Repo", key(s, "Key").build())
                .lifecyclePolicy(CfnRepository.LifecyclePolicyProperty.builder().lifecyclePolicyText("{\"rules\":[]}").build())
                .build()));
        fixture(app, "Aes256NonCompliant", s -> retained(repository(s, "Repo", key(s, "Key").build())
                .encryptionConfiguration(CfnRepository.EncryptionConfigurationProperty.builder().encryptionType("AES256").build())
                .build()));
        fixture(app, "AwsManagedKeyNonCompliant", s -> retained(repository(s, "Repo", key(s, "Key").build())
                .encryptionConfiguration(CfnRepository.EncryptionConfigurationProperty.builder().encryptionType("KMS").build())
                .build()));
        fixture(app, "OrgBoundPolicyCompliant", s -> retained(repository(s, "Repo", key(s, "Key").build())
                .repositoryPolicyText(pullPolicy("StringEquals")).build()));
        fixture(app, "ForAllValuesPolicyNonCompliant", s -> retained(repository(s, "Repo", key(s, "Key").build())
                .repositoryPolicyText(pullPolicy("ForAllValues:StringEquals")).build()));
        fixture(app, "OversizedPolicyNonCompliant", s -> retained(repository(s, "Repo", key(s, "Key").build())
                .repositoryPolicyText(oversizedPolicy()).build()));
        fixture(app, "ProdRetainedCompliant", s -> {
            Tags.of(s).add("environment", "prod");
            retained(repository(s, "Repo", key(s, "Key").build()).build());
        });
        fixture(app, "ProdDeletedNonCompliant", s -> {
            Tags.of(s).add("environment", "prod");
            repository(s, "Repo", key(s, "Key").build()).build().getCfnOptions().setDeletionPolicy(CfnDeletionPolicy.DELETE);
        });
        fixture(app, "ProdProfileDeletedNonCompliant", s -> {
            Tags.of(s).add("environment", "live");
            Tags.of(s).add("ecr-blueprint:profile", "prod");
            repository(s, "Repo", key(s, "Key").build()).build();
        });
        fixture(app, "DevDeletedCompliant", s -> {
            Tags.of(s).add("environment", "dev");
            repository(s, "Repo", key(s, "Key").build()).build();
        });
        fixture(app, "KeyWithoutRotationNonCompliant", s -> key(s, "Key").enableKeyRotation(false).build());
        fixture(app, "AsymmetricKeyCompliant", s -> key(s, "Key").enableKeyRotation(false).keySpec("ECC_NIST_P256")
                .keyUsage("SIGN_VERIFY").build());
        fixture(app, "KeyWithoutGrantRestrictionNonCompliant", s -> key(s, "Key").keyPolicy(Fixtures.keyPolicy(false)).build());
        fixture(app, "PullerCompliant", s -> pullerRole(s, PULLER_ACTIONS));
        fixture(app, "PullerWithDescribeNonCompliant", s -> pullerRole(s, List.of("ecr:BatchGetImage", "ecr:DescribeImages")));
        fixture(app, "UnknownPersonaNonCompliant", s -> role(s, "auditor", List.of("ecr:BatchGetImage")));
        fixture(app, "GitHubRepoSubjectCompliant", s -> oidcRole(s, "repo:octo-org/shop:ref:refs/heads/main"));
        fixture(app, "GitHubWildcardRepoNonCompliant", s -> oidcRole(s, "repo:octo-org/*"));
        fixture(app, "GitHubNoSubjectNonCompliant", s -> oidcRole(s, null));
        fixture(app, "GitLabNamedGroupCompliant", s -> gitlabRole(s, "project_path:acme/backend/api-*:ref_type:branch:ref:main"));
        fixture(app, "GitLabWildcardGroupNonCompliant", s -> gitlabRole(s, "project_path:acme/*/api:ref_type:branch:ref:main"));
        fixture(app, "JenkinsPrincipalArnCompliant", s -> rootTrustRole(s, Map.of("ArnEquals",
                Map.of("aws:PrincipalArn", List.of("arn:aws:iam::777777777777:role/jenkins-agent")))));
        fixture(app, "BareRootTrustNonCompliant", s -> rootTrustRole(s, null));
        fixture(app, "WildcardPrincipalArnNonCompliant", s -> rootTrustRole(s, Map.of("ArnLike",
                Map.of("aws:PrincipalArn", "arn:aws:iam::777777777777:role/*"))));
        fixture(app, "EcrStarPolicyNonCompliant", s -> CfnManagedPolicy.Builder.create(s, "Policy")
                .policyDocument(allow(List.of("ecr:*"))).build());
        fixture(app, "InlineNotActionNonCompliant", s -> CfnRole.Builder.create(s, "Role")
                .assumeRolePolicyDocument(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Effect", "Allow", "Principal", Map.of("Service", "ecs-tasks.amazonaws.com"), "Action", "sts:AssumeRole"))))
                .policies(List.of(CfnRole.PolicyProperty.builder().policyName("Everything").policyDocument(Map.of(
                        "Version", "2012-10-17", "Statement", List.of(Map.of(
                                "Effect", "Allow", "NotAction", "iam:*", "Resource", "*")))).build()))
                .build());
        fixture(app, "RegistryPolicyWildcardNonCompliant", s -> CfnRegistryPolicy.Builder.create(s, "RegistryPolicy")
                .policyText(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Effect", "Allow",
                        "Principal", Map.of("AWS", "arn:aws:iam::222222222222:root"),
                        "Action", List.of("ecr:CreateRepository", "ecr:Replicate*"),
                        "Resource", "arn:aws:ecr:eu-west-1:111111111111:repository/*"))))
                .build());
        fixture(app, "EksServiceAccountSubjectCompliant", s -> CfnRole.Builder.create(s, "Role")
                .assumeRolePolicyDocument(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Effect", "Allow",
                        "Principal", Map.of("Federated",
                                "arn:aws:iam::111111111111:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE"),
                        "Action", "sts:AssumeRoleWithWebIdentity",
                        "Condition", Map.of("StringEquals", Map.of(
                                "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE:sub", "system:serviceaccount:shop:puller"))))))
                .build());
        fixture(app, "EndpointWithPolicyCompliant", s -> endpoint(s).policyDocument(allow(List.of("ecr:BatchGetImage"))).build());
        fixture(app, "EndpointWithoutPolicyNonCompliant", s -> endpoint(s).build());
        fixture(app, "TopicWithCmkCompliant", s -> CfnTopic.Builder.create(s, "Topic")
                .kmsMasterKeyId(key(s, "Key").build().getAttrArn()).build());
        fixture(app, "AlarmTopicKeyAllowsCloudWatchCompliant", s -> alarmTopic(s, true));
        fixture(app, "AlarmTopicKeyWithoutCloudWatchNonCompliant", s -> alarmTopic(s, false));
        fixture(app, "TopicWithAwsManagedKeyNonCompliant", s -> CfnTopic.Builder.create(s, "Topic")
                .kmsMasterKeyId("alias/aws/sns").build());
        fixture(app, "TopicUnencryptedNonCompliant", s -> CfnTopic.Builder.create(s, "Topic").build());

        new EcrBlueprintChecks(NagPackProps.builder().verbose(true).reports(false).build(), EcrBlueprintRules.all())
                .addTo(app);
        app.synth();
    }

    private static void fixture(App app, String name, Consumer<Stack> body) {
        Stack stack = new Stack(app, name);
        body.accept(stack);
        STACKS.put(name, stack);
    }

    private static List<String> findings(String fixture) {
        return Fixtures.findings(STACKS.get(fixture));
    }

    private static Map<String, Object> allow(List<String> actions) {
        return Map.of("Version", "2012-10-17", "Statement", List.of(
                Map.of("Effect", "Allow", "Action", actions, "Resource", "*")));
    }

    private static Map<String, Object> pullPolicy(String operator) {
        return Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                "Sid", "OrganizationPull",
                "Effect", "Allow",
                "Principal", Map.of("AWS", "*"),
                "Action", List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
                "Condition", Map.of(operator, Map.of("aws:PrincipalOrgID", "o-a1b2c3d4e5")))));
    }

    private static Map<String, Object> oversizedPolicy() {
        List<Object> statements = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            statements.add(Map.of(
                    "Sid", "PullFromAccount" + i,
                    "Effect", "Allow",
                    "Principal", Map.of("AWS", "arn:aws:iam::" + (100000000000L + i) + ":root"),
                    "Action", List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer")));
        }
        return Map.of("Version", "2012-10-17", "Statement", statements);
    }

    private static void pullerRole(Stack s, List<String> actions) {
        role(s, "puller", actions);
    }

    private static void role(Stack s, String persona, List<String> actions) {
        CfnRole role = CfnRole.Builder.create(s, "Role")
                .assumeRolePolicyDocument(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "ecs-tasks.amazonaws.com"),
                        "Action", "sts:AssumeRole"))))
                .tags(List.of(CfnTag.builder().key("ecr-blueprint:persona").value(persona).build()))
                .build();
        CfnManagedPolicy.Builder.create(s, "Policy")
                .policyDocument(allow(actions))
                .roles(List.of(role.getRef()))
                .build();
    }

    private static void oidcRole(Stack s, String subject) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("StringEquals", Map.of("token.actions.githubusercontent.com:aud", "sts.amazonaws.com"));
        if (subject != null) {
            condition.put("StringLike", Map.of("token.actions.githubusercontent.com:sub", subject));
        }
        CfnRole.Builder.create(s, "Role")
                .assumeRolePolicyDocument(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Effect", "Allow",
                        "Principal", Map.of("Federated",
                                "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com"),
                        "Action", "sts:AssumeRoleWithWebIdentity",
                        "Condition", condition))))
                .build();
    }

    private static void gitlabRole(Stack s, String subject) {
        CfnRole.Builder.create(s, "Role")
                .assumeRolePolicyDocument(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                        "Effect", "Allow",
                        "Principal", Map.of("Federated", "arn:aws:iam::111111111111:oidc-provider/gitlab.com"),
                        "Action", "sts:AssumeRoleWithWebIdentity",
                        "Condition", Map.of(
                                "StringEquals", Map.of("gitlab.com:aud", "https://gitlab.com"),
                                "StringLike", Map.of("gitlab.com:sub", subject))))))
                .build();
    }

    /** A publisher persona role trusting account 777777777777's root, with {@code condition} (none where null). */
    private static void rootTrustRole(Stack s, Map<String, Object> condition) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("AWS", "arn:aws:iam::777777777777:root"));
        statement.put("Action", "sts:AssumeRole");
        if (condition != null) {
            statement.put("Condition", condition);
        }
        CfnRole.Builder.create(s, "Role")
                .assumeRolePolicyDocument(Map.of("Version", "2012-10-17", "Statement", List.of(statement)))
                .tags(List.of(software.amazon.awscdk.CfnTag.builder().key("ecr-blueprint:persona").value("publisher").build()))
                .build();
    }

    /** A topic that a CloudWatch alarm publishes to, encrypted with a key of the same stack. */
    private static void alarmTopic(Stack s, boolean keyAllowsCloudWatch) {
        List<Object> statements = new ArrayList<>(List.of(Fixtures.grantRestriction(), Map.of(
                "Effect", "Allow", "Principal", Map.of("AWS", "arn:aws:iam::111111111111:root"),
                "Action", "kms:*", "Resource", "*")));
        if (keyAllowsCloudWatch) {
            statements.add(Map.of(
                    "Effect", "Allow", "Principal", Map.of("Service", "cloudwatch.amazonaws.com"),
                    "Action", List.of("kms:Decrypt", "kms:GenerateDataKey*"), "Resource", "*"));
        }
        CfnKey key = key(s, "Key").keyPolicy(Map.of("Version", "2012-10-17", "Statement", statements)).build();
        CfnTopic topic = CfnTopic.Builder.create(s, "Topic").kmsMasterKeyId(key.getAttrArn()).build();
        CfnAlarm.Builder.create(s, "Alarm")
                .namespace("AWS/ECR").metricName("RepositoryPullCount").statistic("Sum")
                .period(300).evaluationPeriods(1).threshold(0).comparisonOperator("GreaterThanThreshold")
                .alarmActions(List.of(topic.getRef()))
                .build();
    }

    private static CfnVPCEndpoint.Builder endpoint(Stack s) {
        return CfnVPCEndpoint.Builder.create(s, "Endpoint")
                .vpcId("vpc-0123456789abcdef0")
                .serviceName("com.amazonaws.eu-west-1.ecr.dkr")
                .vpcEndpointType("Interface");
    }

    @Test
    void aRepositoryWithEveryPracticeHasNoFinding() {
        assertThat(findings("RepositoryCompliant")).isEmpty();
    }

    @Nested
    class ScanOnPush {
        @Test
        void scanOnPushOffIsEcr1() {
            assertThat(findings("ScanOffNonCompliant")).containsExactly("EcrBlueprint-ECR1");
        }
    }

    @Nested
    class ImmutableTags {
        @Test
        void mutableTagsAreEcr2() {
            assertThat(findings("MutableNonCompliant")).containsExactly("EcrBlueprint-ECR2");
        }
    }

    @Nested
    class LifecyclePolicy {
        @Test
        void aMissingLifecyclePolicyIsEcr3() {
            assertThat(findings("NoLifecycleNonCompliant")).containsExactly("EcrBlueprint-ECR3");
        }

        @Test
        void aLifecyclePolicyWithoutRulesIsEcr3WithTheProblem() {
            assertThat(findings("EmptyLifecycleNonCompliant")).containsExactly(
                    "EcrBlueprint-ECR3[Policy::lifecyclePolicyText has no rules: it must hold a \"rules\" array with at least one rule]");
        }
    }

    @Nested
    class CustomerManagedEncryption {
        @Test
        void aes256IsEcr4() {
            assertThat(findings("Aes256NonCompliant")).containsExactly("EcrBlueprint-ECR4");
        }

        @Test
        void kmsWithoutAKeyUsesTheAwsManagedKeyAndIsEcr4() {
            assertThat(findings("AwsManagedKeyNonCompliant")).containsExactly("EcrBlueprint-ECR4");
        }
    }

    @Nested
    class RepositoryPolicyPrincipals {
        @Test
        void starBoundByStringEqualsPrincipalOrgIdIsCompliant() {
            assertThat(findings("OrgBoundPolicyCompliant")).isEmpty();
        }

        @Test
        void starBoundByForAllValuesIsEcr5() {
            assertThat(findings("ForAllValuesPolicyNonCompliant")).containsExactly(
                    "EcrBlueprint-ECR5[Principal::statement \"OrganizationPull\" allows principal \"*\" without StringEquals aws:PrincipalOrgID]");
        }
    }

    @Nested
    class RepositoryPolicySize {
        @Test
        void aPolicyOverTheEcrLimitIsEcr6() {
            assertThat(findings("OversizedPolicyNonCompliant")).containsExactly("EcrBlueprint-ECR6");
        }
    }

    @Nested
    class ProductionRetained {
        @Test
        void aRetainedProdRepositoryIsCompliant() {
            assertThat(findings("ProdRetainedCompliant")).isEmpty();
        }

        @Test
        void aDeletableProdRepositoryIsEcr7() {
            assertThat(findings("ProdDeletedNonCompliant")).containsExactly("EcrBlueprint-ECR7");
        }

        @Test
        void theProdProfileTagMarksProductionWhateverTheEnvironmentName() {
            assertThat(findings("ProdProfileDeletedNonCompliant")).containsExactly("EcrBlueprint-ECR7");
        }

        @Test
        void aDeletableDevRepositoryIsNotChecked() {
            assertThat(findings("DevDeletedCompliant")).isEmpty();
        }
    }

    @Nested
    class KeyRotation {
        @Test
        void aSymmetricKeyWithoutRotationIsKms1() {
            assertThat(findings("KeyWithoutRotationNonCompliant")).containsExactly("EcrBlueprint-KMS1");
        }

        @Test
        void anAsymmetricKeyCannotRotateAndIsNotChecked() {
            assertThat(findings("AsymmetricKeyCompliant")).isEmpty();
        }
    }

    @Nested
    class KeyGrantRestriction {
        @Test
        void aKeyPolicyWithoutTheCreateGrantDenyIsKms2() {
            assertThat(findings("KeyWithoutGrantRestrictionNonCompliant")).containsExactly("EcrBlueprint-KMS2");
        }
    }

    @Nested
    class PersonaActions {
        @Test
        void aPullerWithExactlyThePullerActionsIsCompliant() {
            assertThat(findings("PullerCompliant")).isEmpty();
        }

        @Test
        void aPullerWithDescribeImagesIsIam1NamingTheAction() {
            assertThat(findings("PullerWithDescribeNonCompliant")).containsExactly("EcrBlueprint-IAM1[Action::ecr:DescribeImages]");
        }

        @Test
        void anUnknownPersonaIsIam1() {
            assertThat(findings("UnknownPersonaNonCompliant")).containsExactly("EcrBlueprint-IAM1[Persona::auditor]");
        }
    }

    @Nested
    class GitHubOidcSubject {
        @Test
        void aSubjectNamingOneRepositoryIsCompliant() {
            assertThat(findings("GitHubRepoSubjectCompliant")).isEmpty();
        }

        @Test
        void aNonGitHubProviderOnlyNeedsASubjectCondition() {
            assertThat(findings("EksServiceAccountSubjectCompliant")).isEmpty();
        }

        @Test
        void aWildcardRepositoryIsIam2() {
            assertThat(findings("GitHubWildcardRepoNonCompliant")).containsExactly("EcrBlueprint-IAM2[Subject::repo:octo-org/*]");
        }

        @Test
        void aTrustWithoutSubjectIsIam2() {
            assertThat(findings("GitHubNoSubjectNonCompliant")).containsExactly("EcrBlueprint-IAM2[Subject::missing]");
        }
    }

    @Nested
    class GitLabSubjects {
        @Test
        void aNamedGroupWithAnAllowedProjectWildcardIsCompliant() {
            assertThat(findings("GitLabNamedGroupCompliant")).isEmpty();
        }

        @Test
        void aWildcardInTheGroupIsIam2() {
            assertThat(findings("GitLabWildcardGroupNonCompliant"))
                    .containsExactly("EcrBlueprint-IAM2[Subject::project_path:acme/*/api:ref_type:branch:ref:main]");
        }
    }

    @Nested
    class AccountRootTrust {
        @Test
        void aRootNarrowedToOnePrincipalArnIsCompliant() {
            assertThat(findings("JenkinsPrincipalArnCompliant")).isEmpty();
        }

        @Test
        void aBareRootIsIam4() {
            assertThat(findings("BareRootTrustNonCompliant")).containsExactly("EcrBlueprint-IAM4[Principal::arn:aws:iam::777777777777:root]");
        }

        @Test
        void aPrincipalArnPatternIsIam4() {
            assertThat(findings("WildcardPrincipalArnNonCompliant")).containsExactly("EcrBlueprint-IAM4[Principal::arn:aws:iam::777777777777:root]");
        }
    }

    @Nested
    class NoWildcardActions {
        @Test
        void notActionInAnInlineRolePolicyIsIam3() {
            assertThat(findings("InlineNotActionNonCompliant")).containsExactly("EcrBlueprint-IAM3[NotAction::Allow]");
        }

        @Test
        void aPrefixWildcardInTheRegistryPolicyIsIam3() {
            assertThat(findings("RegistryPolicyWildcardNonCompliant")).containsExactly("EcrBlueprint-IAM3[Action::ecr:Replicate*]");
        }

        @Test
        void ecrStarIsIam3() {
            assertThat(findings("EcrStarPolicyNonCompliant")).containsExactly("EcrBlueprint-IAM3[Action::ecr:*]");
        }
    }

    @Nested
    class EndpointPolicy {
        @Test
        void anEndpointWithAPolicyIsCompliant() {
            assertThat(findings("EndpointWithPolicyCompliant")).isEmpty();
        }

        @Test
        void anEndpointWithoutAPolicyIsVpc1() {
            assertThat(findings("EndpointWithoutPolicyNonCompliant")).containsExactly("EcrBlueprint-VPC1");
        }
    }

    @Nested
    class TopicEncryption {
        @Test
        void aTopicWithACustomerManagedKeyIsCompliant() {
            assertThat(findings("TopicWithCmkCompliant")).isEmpty();
        }

        @Test
        void aTopicKeyThatLetsTheAlarmPublishIsCompliant() {
            assertThat(findings("AlarmTopicKeyAllowsCloudWatchCompliant")).isEmpty();
        }

        @Test
        void aTopicKeyTheAlarmCannotUseIsSns1NamingThePublisher() {
            assertThat(findings("AlarmTopicKeyWithoutCloudWatchNonCompliant"))
                    .containsExactly("EcrBlueprint-SNS1[Publisher::cloudwatch.amazonaws.com]");
        }

        @Test
        void theAwsManagedSnsKeyIsSns1() {
            assertThat(findings("TopicWithAwsManagedKeyNonCompliant")).containsExactly("EcrBlueprint-SNS1");
        }

        @Test
        void anUnencryptedTopicIsSns1() {
            assertThat(findings("TopicUnencryptedNonCompliant")).containsExactly("EcrBlueprint-SNS1");
        }
    }
}
