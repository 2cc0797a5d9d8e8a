package publishing;

import lifecycle.CountType;
import lifecycle.LifecyclePolicy;
import lifecycle.LifecyclePresets;
import lifecycle.ActionType;
import lifecycle.LifecycleRetention;
import lifecycle.TagScheme;
import lifecycle.LifecyclePolicyRule;
import lifecycle.Selection;
import lifecycle.ImageTagStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import platform.EnvironmentProfile;
import platform.Platform;
import platform.PlatformLoader;
import platform.Profile;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tags the pipeline writes are exactly the ones the lifecycle rules keep or expire. No lifecycle preview engine
 * exists on this branch, so {@link #owner} mirrors ECR's evaluation: rules in priority order, an image belongs to the
 * first rule whose selection it matches (a lower-priority rule cannot expire it), and a {@code tagPatternList}
 * selects an image when every entry matches one of its tags ({@link TagPattern}).
 */
class TaggingStrategyTest {

    static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    static final String DIGEST = "sha256:" + "ab".repeat(32);
    static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    static final Platform EXAMPLE = PlatformLoader.load(Path.of("examples/ecommerce/platform.yaml"));
    static final TaggingStrategy TAGGING = TaggingStrategy.of(EXAMPLE, EXAMPLE.services().get(0));

    /** The policy of a profile for the environment named prod (else the only one), as the stacks deploy it. */
    static LifecyclePolicy policy(Platform platform, Profile profile) {
        platform.EnvironmentSpec prod = platform.environment("prod").orElse(platform.environments().get(0));
        return platform.lifecyclePolicy(prod, EnvironmentProfile.defaults(profile));
    }

    /** The rule that decides an image's fate: the first, by priority, whose selection the image's tags match. */
    static Optional<LifecyclePolicyRule> owner(LifecyclePolicy policy, List<String> tags) {
        return policy.rules().stream()
                .sorted((a, b) -> Integer.compare(a.rulePriority(), b.rulePriority()))
                .filter(rule -> selects(rule.selection(), tags))
                .findFirst();
    }

    static boolean selects(Selection selection, List<String> tags) {
        return switch (selection.tagStatus()) {
            case UNTAGGED -> tags.isEmpty();
            case ANY -> true;
            case TAGGED -> !tags.isEmpty() && TagPattern.selects(selection.tagPatternList() != null
                    ? selection.tagPatternList()
                    : selection.tagPrefixList().stream().map(p -> p + "*").toList(), tags);
        };
    }

    /** Every tag set an image can carry in some environment: pushed by each event, or written by promotion. */
    static List<List<String>> writtenTagSets(TaggingStrategy tagging) {
        List<List<String>> sets = new ArrayList<>();
        sets.add(tagging.pushedTags(BuildEvent.branch("main", SHA, 41)));
        sets.add(tagging.pushedTags(BuildEvent.releaseTag("v1.2.3", SHA, 42)));
        sets.add(tagging.pushedTags(BuildEvent.manual(SHA, 43)));
        sets.add(tagging.promotionTags("prod", DAY, DIGEST, SHA, null));
        sets.add(tagging.promotionTags("prod", DAY, DIGEST, SHA, "v1.2.3"));
        return sets;
    }

    static boolean isRelease(List<String> tags) {
        return tags.stream().anyMatch(TAGGING::isRelease);
    }

    @Nested
    class EveryPresetKeepsOrExpiresEveryWrittenTag {

        @ParameterizedTest
        @EnumSource(Profile.class)
        void everyWrittenTagSetIsOwnedByTheRuleOfItsKind(Profile profile) {
            LifecyclePolicy policy = policy(EXAMPLE, profile);
            TagScheme scheme = EXAMPLE.tagScheme();

            for (List<String> tags : writtenTagSets(TAGGING)) {
                LifecyclePolicyRule rule = owner(policy, tags).orElseThrow(() -> new AssertionError(
                        profile + ": no lifecycle rule selects an image tagged " + tags + ": it would never expire"));
                Selection selection = rule.selection();
                if (scheme.runnable(tags, "prod")) {
                    // an image production may run: archived when unpulled, never expired
                    assertThat(selection.tagPatternList()).as(profile + " " + tags)
                            .containsExactly(isRelease(tags) ? "v*" : "prod-*");
                    assertThat(selection.countType()).isEqualTo(CountType.SINCE_IMAGE_PULLED);
                    assertThat(rule.action().type()).isEqualTo(ActionType.TRANSITION);
                } else {
                    // a never-promoted build: no profile sets buildTagRetentionDays, so the count rule decides
                    assertThat(selection.tagStatus()).as(profile + " " + tags).isEqualTo(ImageTagStatus.ANY);
                    assertThat(selection.countType()).isEqualTo(CountType.IMAGE_COUNT_MORE_THAN);
                }
            }
        }

        @Test
        void theReleaseRuleWinsForAnImageTaggedBothReleaseAndCommit() {
            LifecyclePolicy prod = policy(EXAMPLE, Profile.PROD);
            List<String> both = List.of("v1.2.3", "prod-20261123-0123456789ab", TaggingStrategy.COMMIT_PREFIX + SHA);

            LifecyclePolicyRule rule = owner(prod, both).orElseThrow();

            assertThat(rule.selection().tagPatternList()).containsExactly("v*");
            assertThat(rule.selection().countNumber()).isEqualTo(365);
            assertThat(owner(prod, List.of(TaggingStrategy.COMMIT_PREFIX + SHA)).orElseThrow()
                    .selection().countNumber()).isEqualTo(30);
        }

        @Test
        void everyTagRuleOfProdSelectsATagKindTheStrategyDefines() {
            List<String> kinds = List.of(TAGGING.releaseTagTrigger(), TAGGING.environmentTag("prod", DAY, DIGEST)
                    .substring(0, 5) + "*", TaggingStrategy.COMMIT_PREFIX + "*", TaggingStrategy.PULL_REQUEST_PREFIX + "*");

            assertThat(policy(EXAMPLE, Profile.PROD).rules().stream()
                    .filter(r -> r.selection().tagStatus() == ImageTagStatus.TAGGED)
                    .flatMap(r -> r.selection().tagPatternList().stream()))
                    .containsExactly("v*", "prod-*")
                    .isSubsetOf(kinds);
            assertThat(TagPattern.matches(kinds.get(3), TAGGING.pullRequestTag(12))).isTrue();
        }

        @Test
        void aCustomReleasePrefixFlowsIntoBothSides() {
            Platform custom = PlatformLoader.parse("custom.yaml", """
                    platform: shop
                    environments: [{name: prod, account: "222222222222", region: eu-west-1, profile: prod}]
                    services: [{name: api}]
                    tagging: {releasePrefix: release-, buildPrefixes: [commit-, pr-]}
                    """);
            TaggingStrategy tagging = TaggingStrategy.of(custom, custom.services().get(0));
            List<String> released = tagging.pushedTags(BuildEvent.releaseTag("release-2.0.0", SHA, 7));

            assertThat(released).containsExactly("commit-" + SHA, "build-7", "release-2.0.0");
            assertThat(owner(policy(custom, Profile.PROD), released).orElseThrow().selection().tagPatternList())
                    .containsExactly("release-*");
        }
    }

    @Nested
    class TagsPerEvent {

        @Test
        void aBranchPushWritesTheCommitAndBuildNumber() {
            assertThat(TAGGING.pushedTags(BuildEvent.branch("main", SHA, 41))).containsExactly("commit-" + SHA, "build-41");
        }

        @Test
        void aReleaseTagAddsTheVersion() {
            assertThat(TAGGING.pushedTags(BuildEvent.releaseTag("v2.0.0-rc.1", SHA, 42)))
                    .containsExactly("commit-" + SHA, "build-42", "v2.0.0-rc.1");
        }

        @Test
        void aPullRequestPushesNothing() {
            assertThat(TAGGING.pushedTags(BuildEvent.pullRequest(12, SHA, 44))).isEmpty();
            assertThat(TAGGING.pullRequestTag(12)).isEqualTo("pr-12");
        }

        @Test
        void aTagThatIsNotASemanticVersionIsRefused() {
            assertThatThrownBy(() -> TAGGING.pushedTags(BuildEvent.releaseTag("v1.2", SHA, 1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("git tag \"v1.2\" is not a release version: must match "
                            + "^v[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?$, e.g. v1.2.3");
        }

        @Test
        void promotionTagsNameTheEnvironmentDayAndDigest() {
            assertThat(TAGGING.promotionTags("prod", DAY, DIGEST, SHA, "v1.2.3"))
                    .containsExactly("prod-20261123-abababababab", "commit-" + SHA, "v1.2.3");
        }

        @Test
        void latestIsNeverWrittenWithoutAllowLatest() {
            assertThat(TAGGING.writeLatest()).isFalse();
        }

        @Test
        void latestIsWrittenOnBranchPushesWhereAllowedAndMutable() {
            Platform platform = PlatformLoader.parse("latest.yaml", """
                    platform: shop
                    environments: [{name: dev, account: "111111111111", region: eu-west-1, profile: dev}]
                    services:
                      - {name: api, tagMutabilityExclusions: [latest]}
                      - {name: web}
                    tagging: {allowLatest: true}
                    """);
            TaggingStrategy api = TaggingStrategy.of(platform, platform.services().get(0));
            TaggingStrategy web = TaggingStrategy.of(platform, platform.services().get(1));

            assertThat(api.pushedTags(BuildEvent.branch("main", SHA, 1))).containsExactly("commit-" + SHA, "build-1", "latest");
            assertThat(api.pushedTags(BuildEvent.releaseTag("v1.0.0", SHA, 2))).doesNotContain("latest");
            assertThat(web.pushedTags(BuildEvent.branch("main", SHA, 1))).doesNotContain("latest");
        }

        @Test
        void buildPrefixesWithoutCommitAreRefused() {
            assertThatThrownBy(() -> new TaggingStrategy("v", List.of("sha-"), false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("tagging.buildPrefixes [sha-] lacks \"commit-\": CI tags every image commit-<sha>, and an "
                            + "image whose tags no lifecycle rule selects is never expired where the profile has no "
                            + "keepLastImages. Fix: add \"commit-\" to tagging.buildPrefixes");
        }
    }
}
