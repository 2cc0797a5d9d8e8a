package constructs.observability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static constructs.observability.EventSamples.matches;
import static constructs.observability.EventSamples.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The forwarder in the replica region (eu-central-1) of images replicated from eu-west-1. */
class ReplicationFailureForwarderTest {

    private static Template template;
    private static Object pattern;

    static Stack replicaStack(String id) {
        return new Stack(new App(), id, StackProps.builder()
                .env(Environment.builder().account("111111111111").region("eu-central-1").build()).build());
    }

    @BeforeAll
    static void synth() {
        Stack stack = replicaStack("Replica");
        new ReplicationFailureForwarder(stack, "Forwarder", ReplicationFailureForwarderProps.builder()
                .sourceRegion("eu-west-1").ruleName("shop-replication-failures-to-eu-west-1").build());
        template = Template.fromStack(stack);
        pattern = EventSamples.pattern(template, "shop-replication-failures-to-eu-west-1");
    }

    private static ObjectNode failed(String sourceRegion) {
        ObjectNode event = sample("ecr-replication-failed.json");
        event.put("region", "eu-central-1");
        ((ObjectNode) event.get("detail")).put("source-region", sourceRegion);
        return event;
    }

    @Test
    void forwardsFailedReplicationsFromTheSourceRegion() {
        assertThat(matches(pattern, failed("eu-west-1"))).isTrue();
    }

    @Test
    void forwardsNeitherOtherSourcesNorCompletedReplications() {
        assertThat(matches(pattern, failed("us-east-1"))).isFalse();
        ObjectNode completed = sample("ecr-replication-completed.json");
        ((ObjectNode) completed.get("detail")).put("source-region", "eu-west-1");
        assertThat(matches(pattern, completed)).isFalse();
    }

    @Test
    void sendsToTheSourceRegionsDefaultBusWithARoleThatMayPutOnlyThere() {
        template.hasResourceProperties("AWS::Events::Rule", Map.of("Targets", List.of(Map.of(
                "Id", "SourceRegionDefaultBus",
                "Arn", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                        ":events:eu-west-1:111111111111:event-bus/default"))),
                "RoleArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ForwarderRole.*"), "Arn"))))));
        template.hasResourceProperties("AWS::IAM::Role", Map.of("AssumeRolePolicyDocument", Map.of("Statement", List.of(
                Map.of("Action", "sts:AssumeRole", "Effect", "Allow",
                        "Principal", Map.of("Service", "events.amazonaws.com"),
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", "111111111111")))))));
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of("PolicyDocument", Map.of("Statement", List.of(Map.of(
                "Sid", "PutOnTheSourceRegionsDefaultBus", "Effect", "Allow", "Action", "events:PutEvents",
                "Resource", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                        ":events:eu-west-1:111111111111:event-bus/default"))))))));
    }

    @Test
    void failsInTheSourceRegionItself() {
        Stack stack = replicaStack("Same");
        assertThatThrownBy(() -> new ReplicationFailureForwarder(stack, "Forwarder",
                ReplicationFailureForwarderProps.builder().sourceRegion("eu-central-1").build()))
                .hasMessageContaining("sourceRegion \"eu-central-1\" is this stack's own region");
    }
}
