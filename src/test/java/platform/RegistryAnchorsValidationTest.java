package platform;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** registry.accountSettings, registry.inspector, environments[].encryption and the services' escape hatches (issue 26). */
class RegistryAnchorsValidationTest {

    private static final String SERVICE_PATH = "services[0]";

    @Test
    void theAnchorsExampleIsValidAndBindsEverySetting() {
        Platform platform = PlatformLoader.load(Path.of("examples/anchors/platform.yaml"));
        assertThat(platform.registry().accountSettings()).isEqualTo(new AccountSettings(
                AccountSettings.BasicScanTypeVersion.AWS_NATIVE, AccountSettings.RegistryPolicyScope.V2,
                AccountSettings.BlobMounting.ENABLED));
        assertThat(platform.registry().inspector()).isEqualTo(new InspectorRescan(InspectorRescan.RescanDuration.DAYS_180,
                InspectorRescan.PullDateRescanDuration.DAYS_90, InspectorRescan.PullDateRescanMode.LAST_IN_USE_AT));
        assertThat(platform.environments()).extracting(EnvironmentSpec::encryption)
                .containsExactly(EncryptionType.KMS, EncryptionType.KMS_DSSE);
        assertThat(platform.services().get(1).lifecyclePolicy()).contains("nightly-");
    }

    @Nested
    class AccountSettingsAndInspector {

        @Test
        void rejectsAValueEcrDoesNotDocument() {
            assertThat(PlatformFileProblems.of(PlatformFileProblems.ONE_DEV_ENVIRONMENT + """
                    registry:
                      accountSettings:
                        blobMounting: ON
                    """)).singleElement().asString()
                    .startsWith("registry.accountSettings.blobMounting (line 11): ")
                    .contains("ENABLED, DISABLED");
        }

        @Test
        void rejectsInspectorRescanUnderBasicScanning() {
            assertThat(PlatformFileProblems.of(PlatformFileProblems.ONE_DEV_ENVIRONMENT + """
                    registry:
                      scanning:
                        type: BASIC
                      inspector:
                        rescanDuration: DAYS_30
                    """)).containsExactly("registry.inspector (line 12): Amazon Inspector re-scans images only under"
                    + " ENHANCED scanning, and registry.scanning.type is BASIC. Hint: set registry.scanning.type: ENHANCED"
                    + " (the default) or drop registry.inspector.");
        }

        @Test
        void rejectsSettingsNoRegistryWouldWrite() {
            assertThat(PlatformFileProblems.of(PlatformFileProblems.ONE_DEV_ENVIRONMENT + """
                    registry:
                      accountSettings:
                        registryPolicyScope: V2
                      ownership:
                        - account: "111111111111"
                          region: eu-west-1
                          accountSettings: existing
                    """)).containsExactly("registry.accountSettings (line 10): account settings are set, but"
                    + " registry.ownership says accountSettings: existing for every registry where environments live, so"
                    + " no stack would write them. Hint: drop registry.accountSettings, or set accountSettings: managed for"
                    + " the registry that should own them.");
        }

        @Test
        void requiresThePushDateDurationInspectorRequires() {
            assertThat(PlatformFileProblems.of(PlatformFileProblems.ONE_DEV_ENVIRONMENT + """
                    registry:
                      inspector:
                        pullDateRescanDuration: DAYS_14
                    """)).singleElement().asString().startsWith("registry.inspector.rescanDuration");
        }
    }

    @Nested
    class EscapeHatches {

        private static String service(String keys) {
            return PlatformFileProblems.ONE_DEV_ENVIRONMENT + keys;
        }

        @Test
        void rejectsALifecyclePolicyEcrWouldReject() {
            assertThat(PlatformFileProblems.of(service("""
                        lifecyclePolicy: |
                          {"rules": [{"rulePriority": 1, "description": "keep some",
                            "selection": {"tagStatus": "tagged", "countType": "imageCountMoreThan", "countNumber": 5},
                            "action": {"type": "expire"}}]}
                    """))).singleElement().asString()
                    .startsWith(SERVICE_PATH + ".lifecyclePolicy (line 9): the lifecycle policy is not one ECR accepts: ")
                    .contains("needs a tagPatternList or a tagPrefixList");
        }

        @Test
        void rejectsAStatementWithAResourceOrANonEcrAction() {
            assertThat(PlatformFileProblems.of(service("""
                        repositoryPolicyStatements: |
                          [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
                            "Action": ["s3:GetObject"], "Resource": "*"}]
                    """))).containsExactly(
                    SERVICE_PATH + ".repositoryPolicyStatements[0] (line 9): statement element Resource is not accepted in a"
                            + " repository policy (it applies to its own repository). Hint: keep only [Action, Condition,"
                            + " Effect, NotAction, NotPrincipal, Principal, Sid].",
                    SERVICE_PATH + ".repositoryPolicyStatements[0] (line 9): Action \"s3:GetObject\" is not an ECR action."
                            + " Hint: a repository policy grants ECR actions only, e.g. \"ecr:BatchGetImage\".");
        }

        @Test
        void rejectsAStatementThatMakesTheRepositoryPublic() {
            assertThat(PlatformFileProblems.of(service("""
                        repositoryPolicyStatements: '[{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"}]'
                    """))).singleElement().asString().contains("public to every AWS account");
        }

        @Test
        void rejectsTextThatIsNotJson() {
            assertThat(PlatformFileProblems.of(service("""
                        repositoryPolicyStatements: "[{Effect: Allow}"
                    """))).singleElement().asString().contains("repositoryPolicyStatements is not JSON");
        }
    }

    @Nested
    class PullThroughCacheUpstreams {

        @Test
        void azureNeedsItsRegistryName() {
            assertThat(PlatformFileProblems.of(PlatformFileProblems.ONE_DEV_ENVIRONMENT + """
                    registry:
                      pullThroughCache:
                        - upstream: azure
                          credentialArn: arn:aws:secretsmanager:eu-west-1:111111111111:secret:ecr-pullthroughcache/azure-AbCdEf
                    """)).containsExactly("registry.pullThroughCache[0].azureRegistry (line 11): azure needs azureRegistry"
                    + " (ECR caches from <azureRegistry>.azurecr.io). Hint: add azureRegistry: <the registry name before .azurecr.io>.");
        }

        @Test
        void gitlabNeedsACredentialLikeGitHub() {
            assertThat(PlatformFileProblems.of(PlatformFileProblems.ONE_DEV_ENVIRONMENT + """
                    registry:
                      pullThroughCache:
                        - upstream: gitlab
                    """)).singleElement().asString().startsWith("registry.pullThroughCache[0].credentialArn")
                    .contains("gitlab needs credentialArn");
        }

        @Test
        void anotherAccountsEcrNeedsTheRoleEcrAssumes() {
            assertThat(PlatformFileProblems.of(PlatformFileProblems.ONE_DEV_ENVIRONMENT + """
                    registry:
                      pullThroughCache:
                        - upstream: ecr
                          prefix: shared
                          upstreamAccount: "222222222222"
                          upstreamRegion: eu-west-1
                    """)).singleElement().asString().startsWith("registry.pullThroughCache[0].customRoleArn")
                    .contains("the upstream registry 222222222222 is another account than environment dev's (111111111111)");
        }

        @Test
        void theEcrSettingsAreRejectedOnOtherUpstreams() {
            assertThat(PlatformFileProblems.of(PlatformFileProblems.ONE_DEV_ENVIRONMENT + """
                    registry:
                      pullThroughCache:
                        - upstream: quay
                          customRoleArn: arn:aws:iam::111111111111:role/cache
                          azureRegistry: examplecorp
                    """)).hasSize(2).allSatisfy(p -> assertThat(p).containsAnyOf("is for upstream ecr only", "is for upstream azure only"));
        }
    }

    @Test
    void rejectsAnEncryptionEcrDoesNotOfferWithAKey() {
        assertThat(PlatformFileProblems.of(PlatformFileProblems.ONE_DEV_ENVIRONMENT.replace("profile: dev",
                "profile: dev\n    encryption: AES256"))).singleElement().asString()
                .startsWith("environments[0].encryption (line 7): ").contains("KMS, KMS_DSSE");
    }
}
