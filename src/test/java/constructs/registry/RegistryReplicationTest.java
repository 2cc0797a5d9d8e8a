package constructs.registry;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryReplicationTest {

    private static final ReplicationDestination FRANKFURT = ReplicationDestination.of("eu-central-1", "222222222222");

    @Nested
    class Rendering {
        @Test
        void crossRegionRuleWithPrefixFilter() {
            Stack stack = RegistryTestSupport.stack();
            new RegistryReplication(stack, "Replication", RegistryReplicationProps.builder()
                    .rule(ReplicationRule.of(List.of(FRANKFURT), "shop/prod/")).build());
            Template.fromStack(stack).hasResourceProperties("AWS::ECR::ReplicationConfiguration", Map.of(
                    "ReplicationConfiguration", Map.of("Rules", List.of(Map.of(
                            "Destinations", List.of(Map.of("Region", "eu-central-1", "RegistryId", "222222222222")),
                            "RepositoryFilters", List.of(Map.of("Filter", "shop/prod/", "FilterType", "PREFIX_MATCH")))))));
        }

        @Test
        void ruleWithoutFiltersReplicatesEverything() {
            Stack stack = RegistryTestSupport.stack();
            new RegistryReplication(stack, "Replication", RegistryReplicationProps.builder()
                    .rule(ReplicationRule.of(List.of(ReplicationDestination.of("eu-west-1", "333333333333")))).build());
            Template.fromStack(stack).hasResourceProperties("AWS::ECR::ReplicationConfiguration", Map.of(
                    "ReplicationConfiguration", Map.of("Rules", List.of(Map.of(
                            "Destinations", List.of(Map.of("Region", "eu-west-1", "RegistryId", "333333333333")),
                            "RepositoryFilters", Match.absent())))));
        }

        @Test
        void crossAccountDestinationsNeedAPolicyInTheDestination() {
            RegistryReplicationProps props = RegistryReplicationProps.builder()
                    .rule(ReplicationRule.of(List.of(FRANKFURT, ReplicationDestination.of("eu-west-1", "333333333333"))))
                    .rule(ReplicationRule.of(List.of(FRANKFURT), "shop/"))
                    .build();
            assertThat(props.destinations()).hasSize(2);
            assertThat(props.crossAccountDestinations("222222222222"))
                    .containsExactly(ReplicationDestination.of("eu-west-1", "333333333333"));
        }
    }

    @Nested
    class Rejections {
        @Test
        void failsWithoutRules() {
            assertThatThrownBy(() -> new RegistryReplication(RegistryTestSupport.stack(), "Replication",
                    RegistryReplicationProps.builder().build()))
                    .hasMessage("rules is empty: a replication configuration needs at least one rule. Hint: leave"
                            + " replication out instead");
        }

        @Test
        void failsWithElevenRulesButAcceptsTen() {
            List<ReplicationRule> ten = IntStream.range(0, 10)
                    .mapToObj(i -> ReplicationRule.of(List.of(FRANKFURT), "team" + i + "/")).toList();
            new RegistryReplication(RegistryTestSupport.stack(), "Replication", new RegistryReplicationProps(ten));
            List<ReplicationRule> eleven = new java.util.ArrayList<>(ten);
            eleven.add(ReplicationRule.of(List.of(FRANKFURT), "team10/"));
            assertThatThrownBy(() -> new RegistryReplication(RegistryTestSupport.stack(), "Replication",
                    new RegistryReplicationProps(eleven)))
                    .hasMessage("rules has 11 rules: ECR accepts at most 10 replication rules a registry. Hint: merge"
                            + " rules that share destinations");
        }

        @Test
        void failsWith26UniqueDestinationsButAccepts25() {
            List<ReplicationDestination> many = IntStream.range(0, 26)
                    .mapToObj(i -> ReplicationDestination.of("eu-central-1", String.format("%012d", 100000000000L + i)))
                    .toList();
            new RegistryReplication(RegistryTestSupport.stack(), "Replication", RegistryReplicationProps.builder()
                    .rule(ReplicationRule.of(many.subList(0, 13))).rule(ReplicationRule.of(many.subList(13, 25)))
                    .rule(ReplicationRule.of(many.subList(0, 25))).build());
            assertThatThrownBy(() -> new RegistryReplication(RegistryTestSupport.stack(), "Replication",
                    RegistryReplicationProps.builder()
                            .rule(ReplicationRule.of(many.subList(0, 13))).rule(ReplicationRule.of(many.subList(13, 26)))
                            .build()))
                    .hasMessage("rules name 26 unique destinations: ECR accepts at most 25 across all rules. Hint:"
                            + " replicate to fewer account/region pairs");
        }

        @Test
        void failsWith101FiltersInARule() {
            List<String> filters = IntStream.range(0, 101).mapToObj(i -> "team" + i + "/").toList();
            assertThatThrownBy(() -> new RegistryReplication(RegistryTestSupport.stack(), "Replication",
                    RegistryReplicationProps.builder().rule(new ReplicationRule(List.of(FRANKFURT), filters)).build()))
                    .hasMessage("rules[0].prefixFilters has 101 filters: ECR accepts at most 100 filters a rule. Hint:"
                            + " use a shorter common prefix, e.g. \"shop/prod\"");
        }

        @Test
        void failsOnSelfDestinationBadIdsAndFilters() {
            assertThatThrownBy(() -> new RegistryReplication(RegistryTestSupport.stack(), "Replication",
                    RegistryReplicationProps.builder()
                            .rule(ReplicationRule.of(List.of(ReplicationDestination.of("eu-west-1", "222222222222"),
                                    ReplicationDestination.of("Frankfurt", "2222")), "Shop/", "s"))
                            .rule(new ReplicationRule(Collections.emptyList(), null))
                            .build()))
                    .hasMessage("rules[0].destinations[0] 222222222222/eu-west-1 is the source registry itself: ECR"
                            + " cannot replicate a registry into itself. Hint: choose another region or account\n"
                            + "rules[0].destinations[1].region \"Frankfurt\" is invalid: must be an AWS region code. Hint:"
                            + " e.g. \"eu-central-1\"\n"
                            + "rules[0].destinations[1].registryId \"2222\" is invalid: must be a 12-digit AWS account id."
                            + " Hint: e.g. \"222222222222\"\n"
                            + "rules[0].prefixFilters[0] \"Shop/\" is invalid: must be a repository-name prefix of 2 to 256"
                            + " lowercase letters, digits, . _ - and / (ECR PREFIX_MATCH filter). Hint: e.g. \"shop/prod/\"\n"
                            + "rules[0].prefixFilters[1] \"s\" is invalid: must be a repository-name prefix of 2 to 256"
                            + " lowercase letters, digits, . _ - and / (ECR PREFIX_MATCH filter). Hint: e.g. \"shop/prod/\"\n"
                            + "rules[1].destinations is empty: a rule needs at least one destination. Hint: e.g."
                            + " ReplicationDestination.of(\"eu-central-1\", \"222222222222\")");
        }
    }
}
