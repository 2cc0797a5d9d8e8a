package stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import constructs.observability.EventSamples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static constructs.observability.EventSamples.matches;
import static constructs.observability.EventSamples.putImage;
import static constructs.observability.EventSamples.sample;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event alerts of the default example (examples/ecommerce: prod replicates to eu-central-1 and is promoted into)
 * and of examples/anchors (dev holds the caches), as synthesized: every rule of every stack is matched, with
 * EventBridge's Event Ruler, against AWS's sample events placed where AWS would send them (issue 26, events).
 */
class EventAlertsExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Stack name → region and rule name (or logical id) → event pattern. */
    private static final Map<String, String> REGIONS = new LinkedHashMap<>();
    private static final Map<String, Map<String, JsonNode>> RULES = new LinkedHashMap<>();

    @BeforeAll
    static void synth() throws Exception {
        for (String example : List.of("ecommerce", "anchors")) {
            CloudAssembly assembly = ExampleAssemblies.of(example);
            for (CloudFormationStackArtifact stack : assembly.getStacksRecursively()) {
                JsonNode template = JSON.readTree(Path.of(stack.getTemplateFullPath()).toFile());
                Map<String, JsonNode> rules = new LinkedHashMap<>();
                template.path("Resources").fields().forEachRemaining(r -> {
                    // Scheduled rules (the usage metrics' function) match no event.
                    if (r.getValue().path("Type").asText().equals("AWS::Events::Rule")
                            && r.getValue().path("Properties").has("EventPattern")) {
                        JsonNode properties = r.getValue().path("Properties");
                        rules.put(properties.has("Name") ? properties.path("Name").asText() : r.getKey(),
                                literal(properties.path("EventPattern")));
                    }
                });
                RULES.put(stack.getStackName(), rules);
                REGIONS.put(stack.getStackName(), stack.getEnvironment().getRegion());
            }
        }
    }

    /**
     * The pattern with each CloudFormation reference (the key-changes rules name their keys by Ref and GetAtt) as a
     * string no sample event holds, so that Event Ruler can read it.
     */
    private static JsonNode literal(JsonNode node) {
        if (node.isObject() && (node.has("Ref") || node.has("Fn::GetAtt"))) {
            return JSON.getNodeFactory().textNode("unresolved " + node);
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(f -> copy.set(f.getKey(), literal(f.getValue())));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(e -> copy.add(literal(e)));
            return copy;
        }
        return node;
    }

    /** The rules that EventBridge in {@code region} would deliver {@code event} to, as stack/rule. */
    private static List<String> rulesMatching(String region, JsonNode event) {
        List<String> matched = new ArrayList<>();
        RULES.forEach((stack, rules) -> {
            if (REGIONS.get(stack).equals(region)) {
                rules.forEach((name, pattern) -> {
                    if (matches(JSON.convertValue(pattern, Object.class), event)) {
                        matched.add(stack + "/" + name);
                    }
                });
            }
        });
        return matched;
    }

    private static ObjectNode replication(String file, String repository, String region, String sourceRegion) {
        ObjectNode event = sample(file);
        event.put("account", "222222222222").put("region", region);
        ((ObjectNode) event.get("detail")).put("repository-name", repository).put("source-account", "222222222222")
                .put("source-region", sourceRegion);
        return event;
    }

    @Test
    void aFailedReplicationOfProdIsForwardedFromTheReplicaRegionAndAlertsInProd() {
        ObjectNode failed = replication("ecr-replication-failed.json", "shop/prod/order-service", "eu-central-1", "eu-west-1");
        assertThat(rulesMatching("eu-central-1", failed)).singleElement().asString()
                .startsWith("shop-registry-222222222222-eu-central-1/ReplicationFailuresTo");
        // The forwarded event reaches eu-west-1's default bus as it is.
        assertThat(rulesMatching("eu-west-1", failed)).containsExactly("shop-prod/shop-prod-replication-failures");
    }

    @Test
    void aCompletedReplicationRaisesNothingAnywhere() {
        ObjectNode completed = replication("ecr-replication-completed.json", "shop/prod/order-service", "eu-central-1", "eu-west-1");
        assertThat(rulesMatching("eu-central-1", completed)).isEmpty();
        assertThat(rulesMatching("eu-west-1", completed)).isEmpty();
    }

    @Test
    void aReplicaWrittenInTheReplicaRegionIsNoPush() {
        // Made up (AWS documents no CloudTrail record of it): ECR writes the replica with ReplicateImage, as a service.
        ObjectNode replica = putImage("shop/prod/order-service", null);
        replica.put("region", "eu-central-1");
        ObjectNode detail = (ObjectNode) replica.get("detail");
        detail.put("eventName", "ReplicateImage").put("awsRegion", "eu-central-1");
        detail.putObject("userIdentity").put("type", "AWSService").put("invokedBy", "replication.ecr.amazonaws.com");
        assertThat(rulesMatching("eu-central-1", replica)).isEmpty();
        assertThat(rulesMatching("eu-west-1", replica)).isEmpty();
        // Nor does the guard live in the replica region: a push there is no promotion into prod.
        assertThat(RULES.get("shop-registry-222222222222-eu-central-1")).doesNotContainKey("shop-prod-image-push-guard");
    }

    @Test
    void theProdGuardAcceptsEachPromoterAndReportsEveryoneElse() {
        for (String service : List.of("user-service", "product-service", "order-service", "payment-service")) {
            String promoter = RoleNames.arn("222222222222", RoleNames.promoter("shop", "prod", service));
            assertThat(rulesMatching("eu-west-1", putImage("shop/prod/" + service, promoter))).as(service).isEmpty();
        }
        String publisher = RoleNames.arn("222222222222", RoleNames.githubPublisher("shop", "dev", "user-service"));
        assertThat(rulesMatching("eu-west-1", putImage("shop/prod/user-service", publisher)))
                .containsExactly("shop-prod/shop-prod-image-push-guard");
        assertThat(rulesMatching("eu-west-1", putImage("shop/prod/user-service", null)))
                .containsExactly("shop-prod/shop-prod-image-push-guard");
    }

    @Test
    void pushesIntoDevAndStagingAreNotGuarded() {
        String publisher = RoleNames.arn("111111111111", RoleNames.githubPublisher("shop", "dev", "user-service"));
        assertThat(rulesMatching("eu-west-1", putImage("shop/dev/user-service", publisher))).isEmpty();
        assertThat(rulesMatching("eu-west-1", putImage("shop/staging/user-service", null))).isEmpty();
    }

    @Test
    void aPullThroughTheCacheRaisesNothingAndAFailedCacheActionAlertsOnceInAnchorsDev() {
        ObjectNode pulled = sample("ecr-pull-through-cache-action.json");
        pulled.put("region", "eu-central-1").put("account", "888800000001");
        ((ObjectNode) pulled.get("detail")).put("ecr-repository-prefix", "shared-base")
                .put("repository-name", "shared-base/base-images/java");
        assertThat(rulesMatching("eu-central-1", pulled)).isEmpty();
        // Made-up status: AWS documents only SUCCESS.
        ((ObjectNode) pulled.get("detail")).put("sync-status", "FAILED");
        assertThat(rulesMatching("eu-central-1", pulled)).containsExactly("anchors-dev/anchors-dev-pull-through-cache-failures");
        // The cache's own import is no push into prod.
        assertThat(rulesMatching("eu-central-1", putImage("shared-base/base-images/java", null))).isEmpty();
    }

    @Test
    void anchorsProdAcceptsTheApiPromoterAndTheDeclaredReleaseRole() {
        String promoter = RoleNames.arn("888800000002", RoleNames.promoter("anchors", "prod", "api"));
        assertThat(rulesMatching("eu-central-1", putImage("anchors/prod/api", promoter))).isEmpty();
        assertThat(rulesMatching("eu-central-1", putImage("anchors/prod/batch",
                "arn:aws:iam::888800000002:role/anchors-batch-release"))).isEmpty();
        assertThat(rulesMatching("eu-central-1", putImage("anchors/prod/batch",
                "arn:aws:iam::888800000002:role/Admin"))).containsExactly("anchors-prod/anchors-prod-image-push-guard");
    }

    @Test
    void warnsWhenTheGuardWouldReportEveryPushOfAServiceWithoutPromoter() {
        software.amazon.awscdk.App app = snapshots.SnapshotApp.create();
        PlatformStacks.create(app, platform.PlatformLoader.parse("platform.yaml", """
                platform: shop
                environments:
                  - name: dev
                    account: "111111111111"
                    region: eu-west-1
                    profile: dev
                  - name: prod
                    account: "222222222222"
                    region: eu-west-1
                    profile: prod
                services:
                  - name: user-service
                    publishers:
                      - type: github
                        repository: example-shop/user-service
                        branches: [main]
                  - name: batch
                """));
        software.amazon.awscdk.assertions.Annotations.fromStack((software.amazon.awscdk.Stack) app.getNode().findChild("shop-prod"))
                .hasWarning("/shop-prod", software.amazon.awscdk.assertions.Match.stringLikeRegexp(
                        "the push guard accepts only promoter roles, and \\[batch\\] have none.*pushGuardAllowedRoles.*"));
    }
}
