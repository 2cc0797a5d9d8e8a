package stacks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import platform.Platform;
import platform.PlatformLoader;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardMapTest {

    @Nested
    class Update {

        final ShardMap three = new ShardMap(3, true, List.of(List.of("a", "b", "c"), List.of("d")));

        @Test
        void existingServicesKeepTheirShardAndNewOnesFillTheLastShard() {
            ShardMap updated = ShardMap.update(three, List.of("new", "a", "b", "c", "d"));

            assertThat(updated.shards()).containsExactly(List.of("a", "b", "c"), List.of("d", "new"));
        }

        @Test
        void aNewServiceOpensANewShardWhenTheLastIsFull() {
            ShardMap updated = ShardMap.update(three, List.of("a", "b", "c", "d", "e", "f", "g"));

            assertThat(updated.shards()).containsExactly(List.of("a", "b", "c"), List.of("d", "e", "f"), List.of("g"));
        }

        @Test
        void aRemovedServiceFreesNoPlaceInAnEarlierShardAndMovesNobody() {
            ShardMap updated = ShardMap.update(three, List.of("a", "c", "d", "e"));

            assertThat(updated.shards()).containsExactly(List.of("a", "c"), List.of("d", "e"));
        }

        @Test
        void withoutAMapServicesFillShardsInPlatformFileOrder() {
            ShardMap first = ShardMap.update(new ShardMap(2, true, List.of()), List.of("x", "y", "z"));

            assertThat(first.shards()).containsExactly(List.of("x", "y"), List.of("z"));
            assertThat(first.shardOf("z")).isEqualTo(2);
        }

        @Test
        void shardOneKeepsTheEnvironmentStackName() {
            assertThat(ShardMap.stackName("shop", "prod", 1)).isEqualTo("shop-prod");
            assertThat(ShardMap.stackName("shop", "prod", 3)).isEqualTo("shop-prod-3");
        }

        @Test
        void rejectsAServiceInTwoShards() {
            assertThatThrownBy(() -> new ShardMap(3, true, List.of(List.of("a"), List.of("a"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("shard map: shards[1] lists service \"a\" again: a service lives in exactly one shard. "
                            + "Hint: keep it where it was first (moving it replaces its repositories)");
        }
    }

    @Nested
    class File {

        @Test
        void theWrittenFileReadsBackAsTheSameMap(@TempDir Path dir) throws IOException {
            ShardMap map = new ShardMap(2, false, List.of(List.of("a", "b"), List.of(), List.of("c")));
            Path file = ShardMap.besidePlatformFile(dir.resolve("platform.yaml"));
            Files.writeString(file, map.toYaml("shop"));

            assertThat(file.getFileName().toString()).isEqualTo("platform.shards.yaml");
            assertThat(ShardMap.forPlatformFile(dir.resolve("platform.yaml"))).isEqualTo(map);
        }

        @Test
        void withoutAFileThereIsNoMap(@TempDir Path dir) {
            assertThat(ShardMap.forPlatformFile(dir.resolve("platform.yaml"))).isEqualTo(ShardMap.none());
        }
    }

    /**
     * An estate of 5 services in shards of 2, then a sixth service: every existing repository stays in
     * the stack it was in, with the same logical id and the same properties.
     */
    @Nested
    class AddingAService {

        static Map<String, Template> before;
        static Map<String, Template> after;
        static App beforeApp;
        static App afterApp;

        @BeforeAll
        static void synthesizeBeforeAndAfter() {
            Platform five = platform(5);
            ShardMap committed = ShardMap.update(new ShardMap(2, true, List.of()), five);
            beforeApp = new App(AppProps.builder().analyticsReporting(false).build());
            before = templates(beforeApp, five, committed);
            afterApp = new App(AppProps.builder().analyticsReporting(false).build());
            after = templates(afterApp, platform(6), committed);
        }

        @Test
        void everyExistingRepositoryStaysInItsStackUnchanged() {
            assertThat(before.keySet()).containsExactly("bench-dev", "bench-dev-2", "bench-dev-3");
            before.forEach((stackName, template) -> {
                Map<String, Map<String, Object>> repositories = template.findResources("AWS::ECR::Repository");
                assertThat(repositories).isNotEmpty();
                assertThat(after.get(stackName).findResources("AWS::ECR::Repository"))
                        .as("repositories of %s", stackName)
                        .containsAllEntriesOf(repositories);
                assertThat(after.get(stackName).findResources("AWS::KMS::Key")).isEqualTo(template.findResources("AWS::KMS::Key"));
            });
        }

        @Test
        void theNewServiceJoinsTheLastShardWithRoom() {
            assertThat(after.keySet()).containsExactly("bench-dev", "bench-dev-2", "bench-dev-3");
            after.get("bench-dev-3").hasResourceProperties("AWS::ECR::Repository",
                    Match.objectLike(Map.of("RepositoryName", "bench/dev/orders-5")));
        }

        @Test
        void eachShardHasItsOwnKeyUnderTheSameConstructId() {
            after.forEach((stackName, template) -> assertThat(template.findResources("AWS::KMS::Key").keySet())
                    .as(stackName).singleElement().asString().startsWith("RepositoryKey"));
        }

        @Test
        void noShardImportsFromAnother() {
            after.forEach((stackName, template) -> assertThat(template.toJSON().toString()).doesNotContain("Fn::ImportValue"));
        }

        @Test
        void warnsThatTheCommittedMapIsOutdated() {
            Stack first = (Stack) afterApp.getNode().findChild("bench-dev");
            Annotations.fromStack(first).hasWarning("/bench-dev", Match.stringLikeRegexp(
                    "^the shard map does not match the platform file's services, so some were assigned here and now "
                            + "\\(shards: 3\\)\\. Hint: run `bin/launch stacks.ShardMap <platform file>` and commit .*"
                            + "\\[ack: ecr-blueprint:shardMapOutdated\\]$"));
        }

        @Test
        void aCommittedMapThatMatchesGivesNoWarning() {
            Stack first = (Stack) beforeApp.getNode().findChild("bench-dev");
            Annotations.fromStack(first).hasNoWarning("*", Match.anyValue());
        }

        static Platform platform(int services) {
            String yaml = "platform: bench\n"
                    + "environments:\n"
                    + "  - {name: dev, account: \"111111111111\", region: eu-west-1, profile: dev}\n"
                    + "services:\n"
                    + String.join("", IntStream.range(0, services).mapToObj(i -> "  - {name: orders-" + i + "}\n").toList());
            return PlatformLoader.parse("platform.yaml", yaml);
        }

        static Map<String, Template> templates(App app, Platform platform, ShardMap shards) {
            PlatformStacks.create(app, platform, "platform.yaml", shards);
            Map<String, Template> templates = new LinkedHashMap<>();
            for (var child : app.getNode().getChildren()) {
                if (child instanceof EnvironmentStack stack) {
                    templates.put(stack.getStackName(), Template.fromStack(stack));
                }
            }
            return templates;
        }
    }
}
