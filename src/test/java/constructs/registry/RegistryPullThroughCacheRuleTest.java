package constructs.registry;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryPullThroughCacheRuleTest {

    static final String DOCKER_SECRET =
            "arn:aws:secretsmanager:eu-west-1:111111111111:secret:ecr-pullthroughcache/docker-hub-AbCdEf";

    @Nested
    class Rendering {
        @Test
        void ecrPublicNeedsNoCredentials() {
            Stack stack = RegistryTestSupport.stack();
            new RegistryPullThroughCacheRule(stack, "EcrPublic", RegistryPullThroughCacheRuleProps.ecrPublic());
            Template.fromStack(stack).hasResourceProperties("AWS::ECR::PullThroughCacheRule", Map.of(
                    "EcrRepositoryPrefix", "ecr-public",
                    "UpstreamRegistryUrl", "public.ecr.aws",
                    "CredentialArn", Match.absent()));
        }

        @Test
        void dockerHubUsesTheSecret() {
            Stack stack = RegistryTestSupport.stack();
            new RegistryPullThroughCacheRule(stack, "DockerHub", RegistryPullThroughCacheRuleProps.dockerHub(DOCKER_SECRET));
            Template.fromStack(stack).hasResourceProperties("AWS::ECR::PullThroughCacheRule", Map.of(
                    "EcrRepositoryPrefix", "docker-hub",
                    "UpstreamRegistryUrl", "registry-1.docker.io",
                    "CredentialArn", DOCKER_SECRET));
        }

        @Test
        void crossAccountEcrUpstreamUsesARoleAndUpstreamPrefix() {
            Stack stack = RegistryTestSupport.stack();
            new RegistryPullThroughCacheRule(stack, "Shared", RegistryPullThroughCacheRuleProps.builder(PullThroughCacheUpstream.ECR)
                    .ecrRepositoryPrefix("shared").upstreamRegistry("333333333333", "us-east-1")
                    .customRoleArn("arn:aws:iam::222222222222:role/ecr-ptc").upstreamRepositoryPrefix("base").build());
            Template.fromStack(stack).hasResourceProperties("AWS::ECR::PullThroughCacheRule", Map.of(
                    "EcrRepositoryPrefix", "shared",
                    "UpstreamRegistryUrl", "333333333333.dkr.ecr.us-east-1.amazonaws.com",
                    "CustomRoleArn", "arn:aws:iam::222222222222:role/ecr-ptc",
                    "UpstreamRepositoryPrefix", "base"));
        }

        @Test
        void upstreamsCarryTheDocumentedUrls() {
            assertThat(List.of(PullThroughCacheUpstream.values()).stream().map(PullThroughCacheUpstream::url).toList())
                    .containsExactly("public.ecr.aws", "registry.k8s.io", "quay.io", "registry-1.docker.io", "ghcr.io",
                            "registry.gitlab.com", null, null);
        }
    }

    @Nested
    class Rejections {
        @Test
        void failsWhenDockerHubHasNoSecretAndEcrPublicHasOne() {
            assertThatThrownBy(() -> new RegistryPullThroughCacheRule(RegistryTestSupport.stack(), "R",
                    RegistryPullThroughCacheRuleProps.builder(PullThroughCacheUpstream.DOCKER_HUB).build()))
                    .hasMessage("credentialArn is missing: DOCKER_HUB requires authentication with a Secrets Manager"
                            + " secret. Hint: store the credentials in a secret named \"ecr-pullthroughcache/docker-hub\""
                            + " and pass its ARN");
            assertThatThrownBy(() -> new RegistryPullThroughCacheRule(RegistryTestSupport.stack(), "R",
                    RegistryPullThroughCacheRuleProps.builder(PullThroughCacheUpstream.ECR_PUBLIC).credentialArn(DOCKER_SECRET).build()))
                    .hasMessage("credentialArn is set but ECR_PUBLIC takes no secret. Hint: remove credentialArn");
        }

        @Test
        void failsWhenTheSecretNameLacksTheRequiredPrefix() {
            String arn = "arn:aws:secretsmanager:eu-west-1:111111111111:secret:dockerhub-credentials-AbCdEf";
            assertThatThrownBy(() -> new RegistryPullThroughCacheRule(RegistryTestSupport.stack(), "R",
                    RegistryPullThroughCacheRuleProps.builder(PullThroughCacheUpstream.GITHUB_CONTAINER_REGISTRY).credentialArn(arn).build()))
                    .hasMessage("credentialArn \"" + arn + "\" is invalid: must be the ARN (50 to 612 characters) of a Secrets"
                            + " Manager secret whose name starts with \"ecr-pullthroughcache/\". Hint: e.g."
                            + " \"arn:aws:secretsmanager:eu-west-1:111111111111:secret:ecr-pullthroughcache/github-AbCdEf\"");
        }

        @Test
        void failsOnInvalidPrefixesAndRootForAPublicUpstream() {
            assertThatThrownBy(() -> new RegistryPullThroughCacheRule(RegistryTestSupport.stack(), "R",
                    RegistryPullThroughCacheRuleProps.builder(PullThroughCacheUpstream.QUAY).ecrRepositoryPrefix("q").build()))
                    .hasMessage("ecrRepositoryPrefix \"q\" is invalid: must be 2 to 30 lowercase letters, digits, . _ -"
                            + " separated by / (or ROOT for an ECR upstream). Hint: e.g. \"quay\"");
            assertThatThrownBy(() -> new RegistryPullThroughCacheRule(RegistryTestSupport.stack(), "R",
                    RegistryPullThroughCacheRuleProps.builder(PullThroughCacheUpstream.QUAY).ecrRepositoryPrefix("a".repeat(31)).build()))
                    .hasMessageStartingWith("ecrRepositoryPrefix \"" + "a".repeat(31) + "\" is invalid");
            assertThatThrownBy(() -> new RegistryPullThroughCacheRule(RegistryTestSupport.stack(), "R",
                    RegistryPullThroughCacheRuleProps.builder(PullThroughCacheUpstream.KUBERNETES).ecrRepositoryPrefix("ROOT").build()))
                    .hasMessage("ecrRepositoryPrefix ROOT is only accepted for an ECR upstream: caching KUBERNETES at the"
                            + " root would claim every repository name. Hint: use \"kubernetes\"");
        }

        @Test
        void failsOnIncompleteEcrUpstream() {
            assertThatThrownBy(() -> new RegistryPullThroughCacheRule(RegistryTestSupport.stack(), "R",
                    RegistryPullThroughCacheRuleProps.builder(PullThroughCacheUpstream.ECR).ecrRepositoryPrefix("ROOT")
                            .upstreamRegistry("333333333333", "us-east-1").upstreamRepositoryPrefix("base").build()))
                    .hasMessage("customRoleArn is missing: the upstream registry 333333333333 is another account, so ECR"
                            + " needs a role to read it. Hint: pass a role trusted by ecr.amazonaws.com\n"
                            + "upstreamRepositoryPrefix is set with ecrRepositoryPrefix ROOT: ECR accepts an upstream prefix"
                            + " only under a named cache namespace. Hint: set ecrRepositoryPrefix or drop upstreamRepositoryPrefix");
        }

        @Test
        void failsOnEcrOnlyFieldsForOtherUpstreams() {
            assertThatThrownBy(() -> new RegistryPullThroughCacheRule(RegistryTestSupport.stack(), "R",
                    RegistryPullThroughCacheRuleProps.builder(PullThroughCacheUpstream.ECR_PUBLIC).upstreamRepositoryPrefix("x").build()))
                    .hasMessage("upstreamRepositoryPrefix is set but applies only to an ECR upstream, not ECR_PUBLIC."
                            + " Hint: remove upstreamRepositoryPrefix");
        }
    }

    @Nested
    class Registry {
        @Test
        void acceptsFiftyRulesAndRejectsFiftyOne() {
            List<RegistryPullThroughCacheRuleProps> fifty = IntStream.range(0, 50).mapToObj(i ->
                    RegistryPullThroughCacheRuleProps.builder(PullThroughCacheUpstream.QUAY).ecrRepositoryPrefix("quay" + i).build())
                    .toList();
            assertThat(RegistryPullThroughCacheRuleProps.registryProblems("cacheRules", fifty, "222222222222")).isEmpty();
            List<RegistryPullThroughCacheRuleProps> more = new ArrayList<>(fifty);
            more.add(RegistryPullThroughCacheRuleProps.builder(PullThroughCacheUpstream.QUAY).ecrRepositoryPrefix("quay50").build());
            assertThat(RegistryPullThroughCacheRuleProps.registryProblems("cacheRules", more, "222222222222")).containsExactly(
                    "cacheRules has 51 pull-through cache rules: ECR accepts at most 50 a registry. Hint: cache fewer"
                            + " upstream registries");
        }

        @Test
        void rejectsTwoRulesForOneNamespace() {
            assertThat(RegistryPullThroughCacheRuleProps.registryProblems("cacheRules", List.of(
                    RegistryPullThroughCacheRuleProps.ecrPublic(),
                    RegistryPullThroughCacheRuleProps.builder(PullThroughCacheUpstream.QUAY).ecrRepositoryPrefix("ecr-public/").build()),
                    "222222222222"))
                    .containsExactly("cacheRules[1].ecrRepositoryPrefix \"ecr-public\" repeats cacheRules[0]: one rule per"
                            + " cache namespace. Hint: choose another prefix");
        }
    }
}
