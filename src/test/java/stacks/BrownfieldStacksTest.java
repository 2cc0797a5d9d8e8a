package stacks;

import com.fasterxml.jackson.databind.JsonNode;
import compliance.Compliance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import platform.Platform;
import platform.PlatformLoader;
import snapshots.SnapshotApp;
import snapshots.Synthesis;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.ecr.CfnRepository;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Deploying into accounts that already hold things (issue 21), read from synthesized templates with schema
 * validation and cdk-nag on: what is declared existing is neither created nor changed, and what is created
 * covers other teams' repositories too.
 */
@Tag("validated")
class BrownfieldStacksTest {

    /** Registry- and account-wide singletons: one per account and region (IAM: per account), last writer wins. */
    static final Set<String> SINGLETON_TYPES = Set.of("AWS::ECR::RegistryScanningConfiguration",
            "AWS::ECR::ReplicationConfiguration", "AWS::ECR::RegistryPolicy", "AWS::ECR::SigningConfiguration",
            "AWS::IAM::OIDCProvider");

    static List<JsonNode> resources(Synthesis synthesis, String stack, String type) {
        List<JsonNode> found = new ArrayList<>();
        EcommerceStacksTest.literal(synthesis.template(stack)).get("Resources").forEach(r -> {
            if (r.get("Type").asText().equals(type)) {
                found.add(r.get("Properties"));
            }
        });
        return found;
    }

    static Synthesis synthesize(Platform platform) {
        App app = SnapshotApp.create();
        PlatformStacks.create(app, platform);
        return Synthesis.of(app);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class TheBrownfieldExample {
        App app;
        Synthesis synthesis;

        @BeforeAll
        void synthesize() {
            app = SnapshotApp.create();
            PlatformStacks.create(app, PlatformLoader.load(Path.of("examples/brownfield/platform.yaml")));
            synthesis = Synthesis.of(app);
        }

        @Test
        void warnsThatProdsContinuousScanningIsTheRegistryOwnersToGive() {
            Annotations.fromStack((Stack) app.getNode().findChild("billing-prod")).hasWarning("/billing-prod",
                    Match.stringLikeRegexp("environment \"prod\" asks for CONTINUOUS_SCAN, but the scanning configuration of"
                            + " 222222222222/eu-west-1 is left to its owner .*\"billing/prod/\\*\".*"));
            Annotations.fromStack((Stack) app.getNode().findChild("billing-dev")).hasNoWarning("/billing-dev",
                    Match.stringLikeRegexp(".*CONTINUOUS_SCAN.*"));
        }

        @Test
        void hasNoAccountStackAndNoRegistryStack() {
            assertThat(synthesis.templates().keySet()).containsExactly("billing-dev", "billing-prod");
        }

        @Test
        void writesNoSingletonAndNoVpcEndpoint() {
            synthesis.templates().forEach((stack, template) -> template.get("Resources").forEach(resource ->
                    assertThat(resource.get("Type").asText()).as(stack)
                            .isNotIn(SINGLETON_TYPES).isNotEqualTo("AWS::EC2::VPCEndpoint")));
        }

        @Test
        void publishersTrustTheExistingProviderByItsDeterministicArn() {
            JsonNode role = resources(synthesis, "billing-dev", "AWS::IAM::Role").stream()
                    .filter(r -> r.path("RoleName").asText().contains("invoice-service")).findFirst().orElseThrow();

            assertThat(role.at("/AssumeRolePolicyDocument/Statement/0/Principal/Federated").asText())
                    .isEqualTo("arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ReplicationAndScanning {
        Synthesis synthesis;

        @BeforeAll
        void synthesize() {
            // Cross-account replication of one service of prod: today's code fails this synthesis (the
            // destination's registry policy got the prefix "shop/prod/", which a registry policy rejects).
            synthesis = BrownfieldStacksTest.synthesize(PlatformLoader.parse("platform.yaml", """
                    platform: shop
                    environments:
                      - {name: dev, account: "111111111111", region: eu-west-1, profile: dev}
                      - {name: prod, account: "222222222222", region: eu-west-1, profile: prod}
                    services:
                      - name: user-service
                      - name: payment-service
                    registry:
                      replication:
                        - environments: [prod]
                          destinations: [{region: eu-central-1, account: "333333333333"}]
                          repositoryPrefixes: [shop/prod/payment-service]
                    """));
        }

        @Test
        void theCrossAccountDestinationLetsTheSourceAccountReplicateIntoTheEnvironmentsNamespace() {
            JsonNode policy = resources(synthesis, "shop-registry-333333333333-eu-central-1", "AWS::ECR::RegistryPolicy").get(0);

            assertThat(policy.at("/PolicyText/Statement/0/Principal/AWS").asText()).isEqualTo("arn:aws:iam::222222222222:root");
            assertThat(policy.at("/PolicyText/Statement/0/Resource").toString())
                    .isEqualTo("[\"arn:aws:ecr:eu-central-1:333333333333:repository/shop/prod/*\"]");
        }

        @Test
        void replicatesOnlyTheRepositoriesTheRulesPrefixesSelect() {
            JsonNode replication = resources(synthesis, "shop-registry-222222222222-eu-west-1", "AWS::ECR::ReplicationConfiguration").get(0);

            assertThat(replication.at("/ReplicationConfiguration/Rules").toString()).isEqualTo("[{\"Destinations\":[{\"Region\":"
                    + "\"eu-central-1\",\"RegistryId\":\"333333333333\"}],\"RepositoryFilters\":[{\"Filter\":"
                    + "\"shop/prod/payment-service\",\"FilterType\":\"PREFIX_MATCH\"}]}]");
        }

        @Test
        void everyScanningConfigurationIsEnhancedAndScansTheRestOfTheRegistryOnPush() {
            for (String registry : List.of("shop-registry-111111111111-eu-west-1", "shop-registry-222222222222-eu-west-1",
                    "shop-registry-333333333333-eu-central-1")) {
                JsonNode scanning = resources(synthesis, registry, "AWS::ECR::RegistryScanningConfiguration").get(0);

                assertThat(scanning.get("ScanType").asText()).as(registry).isEqualTo("ENHANCED");
                List<String> onPush = new ArrayList<>();
                scanning.get("Rules").forEach(rule -> {
                    if (rule.get("ScanFrequency").asText().equals("SCAN_ON_PUSH")) {
                        rule.get("RepositoryFilters").forEach(f -> onPush.add(f.get("Filter").asText()));
                    }
                });
                assertThat(onPush).as(registry).contains("*");
            }
        }

        @Test
        void prodKeepsContinuousScanningOfItsOwnRepositories() {
            JsonNode scanning = resources(synthesis, "shop-registry-222222222222-eu-west-1", "AWS::ECR::RegistryScanningConfiguration").get(0);

            assertThat(scanning.get("Rules").toString()).contains("{\"RepositoryFilters\":[{\"Filter\":\"shop/prod/*\","
                    + "\"FilterType\":\"WILDCARD\"}],\"ScanFrequency\":\"CONTINUOUS_SCAN\"}");
        }
    }

    @Nested
    class DeployOrder {

        static Stack stack(App app, String name) {
            return (Stack) app.getNode().findChild(name);
        }

        @Test
        void everyEnvironmentOfAnAccountDependsOnTheStacksOwningItsProviderAndRegistry() {
            App app = SnapshotApp.create();
            PlatformStacks.create(app, PlatformLoader.load(Path.of("examples/ecommerce/platform.yaml")));

            // shop-dev owns both shared stacks of account 111111111111; shop-staging must wait for them too.
            for (String env : List.of("shop-dev", "shop-staging")) {
                assertThat(stack(app, env).getDependencies()).extracting(Stack::getStackName).as(env)
                        .contains("shop-account-111111111111", "shop-registry-111111111111-eu-west-1");
            }
        }

        @Test
        void anExistingProviderGetsNoAccountStack() {
            App app = SnapshotApp.create();
            PlatformStacks.create(app, PlatformLoader.load(Path.of("examples/brownfield/platform.yaml")));

            assertThat(app.getNode().getChildren()).extracting(c -> c.getNode().getId())
                    .containsExactly("billing-dev", "billing-prod");
            assertThat(stack(app, "billing-dev").getDependencies()).isEmpty();
        }
    }

    @Nested
    class DeclaredTagExclusions {

        @Test
        void aDevServiceWithTagMutabilityExclusionsSynthesizes() {
            Platform platform = PlatformLoader.parse("platform.yaml", """
                    platform: hello
                    environments:
                      - {name: dev, account: "111111111111", region: eu-west-1, profile: dev}
                    services:
                      - name: web
                        tagMutabilityExclusions: [latest]
                    """);

            assertThatCode(() -> BrownfieldStacksTest.synthesize(platform)).doesNotThrowAnyException();
        }

        @Test
        void aFindingThatFailsSynthesisIsReportedOnce() throws Exception {
            App app = SnapshotApp.create();
            Stack stack = new Stack(app, "Mutable");
            CfnRepository.Builder.create(stack, "Repository").imageTagMutability("MUTABLE").build();
            Compliance.applyTo(app, Set.of());

            RuntimeException e = catchThrowableOfType(RuntimeException.class, app::synth);

            String reported = BlueprintApp.firstLine(e);
            assertThat(reported).contains("Validation failed").doesNotContain("@jsii").doesNotContain("\n    at ");
            // The CDK prints the validation report (and writes it); the finding is in it once.
            String report = java.nio.file.Files.readString(java.nio.file.Path.of(app.getOutdir(), "validation-report.json"));
            assertThat(report.split("\"ruleName\": \"EcrBlueprint-ImmutableTags\"", -1)).hasSize(2);
        }
    }
}
