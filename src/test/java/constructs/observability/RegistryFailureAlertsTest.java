package constructs.observability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

import java.util.List;

import static constructs.observability.EventSamples.matches;
import static constructs.observability.EventSamples.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The failure rules' synthesized patterns against AWS's sample events, matched by EventBridge's Event Ruler. */
class RegistryFailureAlertsTest {

    private static Template template;
    private static Object replication;
    private static Object cache;

    @BeforeAll
    static void synth() {
        Stack stack = AlertTopicTest.stack("Failures");
        AlertTopic topic = new AlertTopic(stack, "Alerts", AlertTopicProps.builder().build());
        new RegistryFailureAlerts(stack, "Failures", RegistryFailureAlertsProps.builder()
                .alertTopic(topic).repositoryNamePrefix("shop/prod/").ruleNamePrefix("shop-prod")
                .pullThroughCachePrefixes(List.of("docker-hub", "ecr-public")).build());
        template = Template.fromStack(stack);
        replication = EventSamples.pattern(template, "shop-prod-replication-failures");
        cache = EventSamples.pattern(template, "shop-prod-pull-through-cache-failures");
    }

    private static ObjectNode replicationEvent(String file, String repository) {
        ObjectNode event = sample(file);
        ((ObjectNode) event.get("detail")).put("repository-name", repository);
        return event;
    }

    @Test
    void aFailedReplicationOfTheEnvironmentsRepositoriesAlerts() {
        assertThat(matches(replication, replicationEvent("ecr-replication-failed.json", "shop/prod/user-service"))).isTrue();
    }

    @Test
    void aCompletedReplicationDoesNotAlert() {
        assertThat(matches(replication, replicationEvent("ecr-replication-completed.json", "shop/prod/user-service"))).isFalse();
    }

    @Test
    void aFailedReplicationOfAnotherPrefixDoesNotAlert() {
        // AWS's failed sample as it is: repository my-app.
        assertThat(matches(replication, sample("ecr-replication-failed.json"))).isFalse();
    }

    @Test
    void aSuccessfulCacheActionDoesNotAlert() {
        assertThat(matches(cache, sample("ecr-pull-through-cache-action.json"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FAILED", "ERROR"})
    void aCacheActionWithAnyOtherStatusAlerts(String status) {
        // Made-up status values: AWS documents only SUCCESS.
        ObjectNode event = sample("ecr-pull-through-cache-action.json");
        ((ObjectNode) event.get("detail")).put("sync-status", status);
        assertThat(matches(cache, event)).isTrue();
    }

    @Test
    void aFailedActionOfAnotherCacheRuleDoesNotAlert() {
        ObjectNode event = sample("ecr-pull-through-cache-action.json");
        ((ObjectNode) event.get("detail")).put("sync-status", "FAILED").put("ecr-repository-prefix", "quay");
        assertThat(matches(cache, event)).isFalse();
    }

    @Test
    void neitherRuleMatchesTheOthersEventsNorPushes() {
        ObjectNode failedCache = sample("ecr-pull-through-cache-action.json");
        ((ObjectNode) failedCache.get("detail")).put("sync-status", "FAILED");
        assertThat(matches(replication, failedCache)).isFalse();
        assertThat(matches(cache, replicationEvent("ecr-replication-failed.json", "docker-hub/alpine"))).isFalse();
        assertThat(matches(replication, sample("ecr-image-push.json"))).isFalse();
    }

    @Test
    void eachRuleCanBeLeftOut() {
        Stack stack = AlertTopicTest.stack("CacheOnly");
        AlertTopic topic = new AlertTopic(stack, "Alerts", AlertTopicProps.builder().build());
        var alerts = new RegistryFailureAlerts(stack, "Failures", RegistryFailureAlertsProps.builder()
                .alertTopic(topic).ruleNamePrefix("shop-dev").replicationFailures(false).build());
        assertThat(alerts.ruleNames()).containsExactly("shop-dev-pull-through-cache-failures");
        Template.fromStack(stack).resourceCountIs("AWS::Events::Rule", 1);
    }

    @Test
    void failsWhenNothingIsAskedFor() {
        Stack stack = AlertTopicTest.stack("Nothing");
        AlertTopic topic = new AlertTopic(stack, "Alerts", AlertTopicProps.builder().build());
        assertThatThrownBy(() -> new RegistryFailureAlerts(stack, "Failures", RegistryFailureAlertsProps.builder()
                .alertTopic(topic).replicationFailures(false).pullThroughCacheFailures(false).build()))
                .hasMessageContaining("replicationFailures and pullThroughCacheFailures are both false");
    }
}
