package constructs.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PersonaTest {

    @Test
    void publisherHoldsExactlyTheEcrUserGuidePushActions() {
        assertThat(Persona.PUBLISHER.actions()).containsExactly(
                "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload",
                "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart");
        // plus the scan-gate reads of the publishing workflow (Amazon Inspector's under ENHANCED scanning), base
        // images through the pull-through cache, the token and managed signing
        assertThat(Persona.PUBLISHER.allowedActions()).containsExactly(
                "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:BatchImportUpstreamImage",
                "ecr:CompleteLayerUpload", "ecr:CreateRepository", "ecr:DescribeImageScanFindings", "ecr:DescribeImages",
                "ecr:GetAuthorizationToken", "ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload", "ecr:PutImage",
                "ecr:TagResource", "ecr:UploadLayerPart", "inspector2:ListFindings", "signer:SignPayload");
    }

    @Test
    void pullerHoldsExactlyTheNodeAndPodExecutionPullActions() {
        assertThat(Persona.PULLER.actions()).containsExactly(
                "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer");
        // plus base images through the pull-through cache
        assertThat(Persona.PULLER.allowedActions()).containsExactly(
                "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:BatchImportUpstreamImage",
                "ecr:CreateRepository", "ecr:GetAuthorizationToken", "ecr:GetDownloadUrlForLayer", "ecr:TagResource");
    }

    @Test
    void appRunnerPullerAlsoDescribesImages() {
        assertThat(Persona.APP_RUNNER_PULLER.actions()).containsExactly(
                "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:DescribeImages",
                "ecr:GetDownloadUrlForLayer");
    }

    @Test
    void promoterPullsFromTheSourceAndPushesToTheTarget() {
        assertThat(Persona.PROMOTER_SOURCE_ACTIONS).isEqualTo(Persona.PULLER.actions());
        assertThat(Persona.PROMOTER_TARGET_ACTIONS).isEqualTo(Persona.PUBLISHER.actions());
        assertThat(Persona.PROMOTER.actions()).containsExactly(
                "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload",
                "ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart");
    }

    @Test
    void scanGateReadsFindingsAndNothingElse() {
        assertThat(Persona.SCAN_GATE.actions()).containsExactly(
                "ecr:DescribeImageScanFindings", "ecr:DescribeImages", "inspector2:ListCoverage",
                "inspector2:ListFindings");
        assertThat(Persona.SCAN_GATE.allowedActions()).doesNotContain("signer:SignPayload");
    }

    @Test
    void creationTemplateRoleHoldsExactlyTheUserGuidePolicyAndNoToken() {
        assertThat(Persona.CREATION_TEMPLATE.allowedActions()).containsExactly(
                "ecr:CreateRepository", "ecr:ReplicateImage", "ecr:TagResource",
                "kms:CreateGrant", "kms:DescribeKey", "kms:RetireGrant");
    }

    @Test
    void cachePullerMayImportAndCreateTheCachedRepository() {
        assertThat(Persona.CACHE_PULLER.actions()).containsExactly(
                "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:BatchImportUpstreamImage",
                "ecr:CreateRepository", "ecr:GetDownloadUrlForLayer", "ecr:TagResource");
    }

    @ParameterizedTest
    @EnumSource(Persona.class)
    void noPersonaHoldsAWildcardOrDeleteAction(Persona persona) {
        assertThat(persona.allowedActions())
                .allSatisfy(action -> assertThat(action).doesNotContain("*").doesNotContain("?")
                        .doesNotContainIgnoringCase("delete"));
        assertThat(persona.actions()).isSorted().doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(Persona.class)
    void everyTagValueFindsItsPersona(Persona persona) {
        assertThat(Persona.fromTag(persona.tagValue())).contains(persona);
    }

    @Test
    void thePublicPublisherLogsInToEcrPublicNotToThePrivateRegistry() {
        assertThat(Persona.PUBLIC_PUBLISHER.allowedActions())
                .contains("ecr-public:GetAuthorizationToken", "sts:GetServiceBearerToken", "ecr-public:PutImage")
                .doesNotContain("ecr:GetAuthorizationToken")
                .noneMatch(action -> action.endsWith("*"));
    }

    @Test
    void tagValuesAreTheDocumentedOnes() {
        assertThat(List.of(Persona.values()).stream().map(Persona::tagValue)).containsExactly(
                "publisher", "puller", "apprunner-puller", "public-publisher", "promoter", "scan-gate",
                "creation-template", "cache-puller");
        assertThat(Persona.TAG_KEY).isEqualTo("ecr-blueprint:persona");
    }
}
