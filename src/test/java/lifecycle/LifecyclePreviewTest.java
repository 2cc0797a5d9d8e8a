package lifecycle;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static lifecycle.ImageInventory.ABSENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The worked examples of the ECR user guide's "Examples of lifecycle policies" page, each with the outcome the
 * guide states, plus the pull-age, archive and reference-artifact rules of "Lifecycle policy evaluation rules".
 */
class LifecyclePreviewTest {

    static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    static final long MB = 1024 * 1024;

    static long daysAgo(double days) {
        return NOW.minus(Duration.ofMinutes(Math.round(days * 24 * 60))).toEpochMilli();
    }

    static ImageInventory.Builder repo() {
        return ImageInventory.builder();
    }

    static ImageInventory.Builder image(ImageInventory.Builder repo, String name, List<String> tags, double pushedDaysAgo) {
        return repo.add(name, tags, daysAgo(pushedDaysAgo), 100 * MB, ABSENT, null, ABSENT, ABSENT, null);
    }

    /** image name -> "expire@1", "transition@2" or "keep". */
    static Map<String, String> outcome(String example, ImageInventory images) throws IOException {
        return outcome(LifecyclePolicy.parse(LifecyclePolicyExamplesTest.example(example)), images);
    }

    static Map<String, String> outcome(LifecyclePolicy policy, ImageInventory images) {
        LifecyclePreview preview = LifecyclePreview.run(policy, images, NOW);
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = 0; i < preview.size(); i++) {
            result.put(preview.digest(i), preview.action(i) == PreviewAction.KEEP ? "keep"
                    : preview.action(i).json() + "@" + preview.rulePriority(i));
        }
        return result;
    }

    @Nested
    class GuideWorkedExamples {
        ImageInventory.Builder abc() {
            ImageInventory.Builder repo = repo();
            image(repo, "A", List.of("beta-1", "prod-1"), 10);
            image(repo, "B", List.of("beta-2", "prod-2"), 9);
            return image(repo, "C", List.of("beta-3"), 8);
        }

        @Test
        void multipleRulesExampleAExpiresOnlyImageA() throws IOException {
            // Rule 2 would mark B, but B matched rule 1's tags, so rule 2 cannot expire it.
            assertThat(outcome("multiple-rules-example-a", abc().build()))
                    .containsExactly(Map.entry("A", "expire@1"), Map.entry("B", "keep"), Map.entry("C", "keep"));
        }

        @Test
        void multipleRulesExampleBExpiresImagesAAndB() throws IOException {
            assertThat(outcome("multiple-rules-example-b", abc().build()))
                    .containsExactly(Map.entry("A", "expire@1"), Map.entry("B", "expire@1"), Map.entry("C", "keep"));
        }

        @Test
        void multipleTagsExampleAExpiresOnlyImageC() throws IOException {
            ImageInventory.Builder repo = repo();
            image(repo, "A", List.of("alpha-1"), 12);
            image(repo, "B", List.of("beta-1"), 11);
            image(repo, "C", List.of("alpha-2", "beta-2"), 10);
            image(repo, "D", List.of("alpha-3"), 4);
            image(repo, "E", List.of("beta-3"), 3);
            image(repo, "F", List.of("alpha-4", "beta-4"), 2);

            assertThat(outcome("multiple-tags-example-a", repo.build())).containsExactly(
                    Map.entry("A", "keep"), Map.entry("B", "keep"), Map.entry("C", "expire@1"),
                    Map.entry("D", "keep"), Map.entry("E", "keep"), Map.entry("F", "keep"));
        }

        @Test
        void multipleTagsExampleBExpiresImagesAAndB() throws IOException {
            ImageInventory.Builder repo = repo();
            image(repo, "A", List.of("alpha-1", "beta-1", "gamma-1"), 10);
            image(repo, "B", List.of("alpha-2", "beta-2"), 9);
            image(repo, "C", List.of("alpha-3", "beta-3", "gamma-2"), 8);

            assertThat(outcome("multiple-tags-example-b", repo.build()))
                    .containsExactly(Map.entry("A", "expire@1"), Map.entry("B", "expire@1"), Map.entry("C", "keep"));
        }

        @Test
        void allImagesExampleAKeepsOnlyTheNewest() throws IOException {
            ImageInventory.Builder repo = repo();
            image(repo, "A", List.of("alpha-1"), 4);
            image(repo, "B", List.of("beta-1"), 3);
            image(repo, "C", List.of(), 2);
            image(repo, "D", List.of("alpha-2"), 1);

            assertThat(outcome("all-images-example-a", repo.build())).containsExactly(
                    Map.entry("A", "expire@1"), Map.entry("B", "expire@1"), Map.entry("C", "expire@1"), Map.entry("D", "keep"));
        }

        @Test
        void allImagesExampleBExpiresImagesABAndD() throws IOException {
            ImageInventory.Builder repo = repo();
            image(repo, "A", List.of("alpha-1", "beta-1"), 4);
            image(repo, "B", List.of(), 3);
            image(repo, "C", List.of("alpha-2"), 2);
            image(repo, "D", List.of("git hash"), 1);
            // The guide pushes D and E "1 day ago" and keeps E as the newest: E is the later push of that day.
            image(repo, "E", List.of(), 1 - 1.0 / 24);

            assertThat(outcome("all-images-example-b", repo.build())).containsExactly(
                    Map.entry("A", "expire@1"), Map.entry("B", "expire@2"), Map.entry("C", "keep"),
                    Map.entry("D", "expire@3"), Map.entry("E", "keep"));
        }

        @Test
        void filteringOnImageAgeExpiresOldProdImagesOnly() throws IOException {
            ImageInventory.Builder repo = repo();
            image(repo, "old-prod", List.of("prod-1"), 20);
            image(repo, "new-prod", List.of("prod-2"), 10);
            image(repo, "old-dev", List.of("dev-1"), 20);
            image(repo, "exactly-14-days", List.of("prod-3"), 14);

            assertThat(outcome("filtering-on-image-age", repo.build())).containsExactly(
                    Map.entry("old-prod", "expire@1"), Map.entry("new-prod", "keep"), Map.entry("old-dev", "keep"),
                    Map.entry("exactly-14-days", "keep"));
        }

        @Test
        void filteringOnImageCountKeepsOneUntaggedImage() throws IOException {
            ImageInventory.Builder repo = repo();
            image(repo, "untagged-old", List.of(), 3);
            image(repo, "untagged-new", List.of(), 1);
            image(repo, "tagged-old", List.of("v1"), 5);

            assertThat(outcome("filtering-on-image-count", repo.build())).containsExactly(
                    Map.entry("untagged-old", "expire@1"), Map.entry("untagged-new", "keep"), Map.entry("tagged-old", "keep"));
        }
    }

    @Nested
    class PullAgeAndArchive {
        @Test
        void archivesByLastPullThenPushThenRestoreTime() throws IOException {
            ImageInventory images = repo()
                    .add("pulled-long-ago", List.of("v1"), daysAgo(300), 10, daysAgo(100), null, ABSENT, ABSENT, null)
                    .add("pulled-recently", List.of("v2"), daysAgo(300), 10, daysAgo(10), null, ABSENT, ABSENT, null)
                    .add("never-pulled-old", List.of(), daysAgo(120), 10, ABSENT, null, ABSENT, ABSENT, null)
                    .add("never-pulled-new", List.of(), daysAgo(30), 10, ABSENT, null, ABSENT, ABSENT, null)
                    .add("restored-recently", List.of("v0"), daysAgo(400), 10, daysAgo(200),
                            ImageInventory.Status.ACTIVE, daysAgo(150), daysAgo(5), null)
                    .add("already-archived", List.of("v-1"), daysAgo(500), 10, daysAgo(400),
                            ImageInventory.Status.ARCHIVED, daysAgo(300), ABSENT, null)
                    .build();

            assertThat(outcome("filtering-on-last-pulled-time", images)).containsExactly(
                    Map.entry("pulled-long-ago", "transition@1"), Map.entry("pulled-recently", "keep"),
                    Map.entry("never-pulled-old", "transition@1"), Map.entry("never-pulled-new", "keep"),
                    Map.entry("restored-recently", "keep"), Map.entry("already-archived", "keep"));
        }

        @Test
        void expiresOnlyArchivedImagesByTimeInArchive() throws IOException {
            ImageInventory images = repo()
                    .add("archived-400-days", List.of("v1"), daysAgo(800), 10, ABSENT, ImageInventory.Status.ARCHIVED,
                            daysAgo(400), ABSENT, null)
                    .add("archived-100-days", List.of("v2"), daysAgo(800), 10, ABSENT, ImageInventory.Status.ARCHIVED,
                            daysAgo(100), ABSENT, null)
                    .add("active-old", List.of("v3"), daysAgo(800), 10, ABSENT, null, ABSENT, ABSENT, null)
                    .build();

            assertThat(outcome("filtering-on-archive-transition-time", images)).containsExactly(
                    Map.entry("archived-400-days", "expire@1"), Map.entry("archived-100-days", "keep"),
                    Map.entry("active-old", "keep"));
        }

        @Test
        void combinedArchiveAndExpireActOnTheirOwnStorageClass() throws IOException {
            ImageInventory images = repo()
                    .add("active-40-days", List.of("v1"), daysAgo(40), 10, ABSENT, null, ABSENT, ABSENT, null)
                    .add("active-10-days", List.of("v2"), daysAgo(10), 10, ABSENT, null, ABSENT, ABSENT, null)
                    .add("archived-400-days", List.of(), daysAgo(800), 10, ABSENT, ImageInventory.Status.ARCHIVED,
                            daysAgo(400), ABSENT, null)
                    .build();

            assertThat(outcome("combining-archive-and-expire", images)).containsExactly(
                    Map.entry("active-40-days", "transition@1"), Map.entry("active-10-days", "keep"),
                    Map.entry("archived-400-days", "expire@2"));
        }

        @Test
        void archivingProdImagesOlderThanThirtyDaysLeavesOtherTagsAlone() throws IOException {
            ImageInventory.Builder repo = repo();
            image(repo, "prod-old", List.of("prod-7"), 31);
            image(repo, "prod-new", List.of("prod-8"), 29);
            image(repo, "staging-old", List.of("staging-1"), 31);

            assertThat(outcome("archive-images-older-than-days", repo.build())).containsExactly(
                    Map.entry("prod-old", "transition@1"), Map.entry("prod-new", "keep"), Map.entry("staging-old", "keep"));
        }
    }

    @Nested
    class Semantics {
        @Test
        void referenceArtifactsFollowTheirSubjectAndAreNotCounted() {
            LifecyclePolicy policy = LifecyclePolicy.of(LifecyclePresets.keepLastImages(1, 1));
            ImageInventory images = repo()
                    .add("old", List.of("v1"), daysAgo(10), 10, ABSENT, null, ABSENT, ABSENT, null)
                    .add("old-signature", List.of(), daysAgo(1), 1, ABSENT, null, ABSENT, ABSENT, "old")
                    .add("new", List.of("v2"), daysAgo(5), 10, ABSENT, null, ABSENT, ABSENT, null)
                    .add("new-sbom", List.of(), daysAgo(5), 1, ABSENT, null, ABSENT, ABSENT, "new")
                    .build();

            assertThat(outcome(policy, images)).containsExactly(
                    Map.entry("old", "expire@1"), Map.entry("old-signature", "expire@1"),
                    Map.entry("new", "keep"), Map.entry("new-sbom", "keep"));
        }

        @Test
        void tagPatternWildcardsMatchAnywhereAndPrefixListsMatchStarts() {
            LifecyclePolicy policy = LifecyclePolicy.of(
                    new LifecyclePolicyRule(1, "Expire images tagged with prod anywhere after a day", new Selection(
                            ImageTagStatus.TAGGED, null, List.of("*prod*"), null, CountType.SINCE_IMAGE_PUSHED,
                            CountUnit.DAYS, 1), Action.expire()),
                    new LifecyclePolicyRule(2, "Expire images tagged rc after a day", new Selection(
                            ImageTagStatus.TAGGED, List.of("rc"), null, null, CountType.SINCE_IMAGE_PUSHED,
                            CountUnit.DAYS, 1), Action.expire()));
            ImageInventory.Builder repo = repo();
            image(repo, "repo-production", List.of("repo-production"), 2);
            image(repo, "prod-team", List.of("prod-team"), 2);
            image(repo, "rc1", List.of("rc1"), 2);
            image(repo, "pre-rc", List.of("pre-rc"), 2);

            assertThat(outcome(policy, repo.build())).containsExactly(
                    Map.entry("repo-production", "expire@1"), Map.entry("prod-team", "expire@1"),
                    Map.entry("rc1", "expire@2"), Map.entry("pre-rc", "keep"));
        }

        @Test
        void aPullRuleThatDoesNotActStillShieldsItsImagesFromALaterCountRule() {
            // User guide, "Lifecycle policy evaluation rules": "An image that matches the tagging requirements of a
            // rule cannot be expired or archived by a rule with a lower priority", and "Rules can never mark images
            // that are marked by higher priority rules, but can still identify them".
            LifecyclePolicy policy = LifecyclePolicy.of(LifecyclePresets.archiveTaggedNotPulledForDays(1, "v", 30),
                    LifecyclePresets.keepLastImages(2, 1));
            ImageInventory.Builder repo = repo();
            repo.add("running-release", List.of("v1"), daysAgo(400), 100 * MB, daysAgo(1), null, ABSENT, ABSENT, null);
            repo.add("old-release", List.of("v0"), daysAgo(500), 100 * MB, daysAgo(31), null, ABSENT, ABSENT, null);
            image(repo, "build", List.of("commit-a"), 2);
            image(repo, "older-build", List.of("commit-b"), 3);

            // rule 1 keeps the release pulled yesterday and archives the one unpulled for 31 days; the count rule
            // counts every image, newest first (build, older-build, ...) and may expire only the builds
            assertThat(outcome(policy, repo.build())).containsExactly(
                    Map.entry("running-release", "keep"), Map.entry("old-release", "transition@1"),
                    Map.entry("build", "keep"), Map.entry("older-build", "expire@2"));
        }

        @Test
        void rulesApplyInPriorityOrderWhateverTheirOrderInTheDocument() {
            LifecyclePolicy policy = LifecyclePolicy.of(LifecyclePresets.keepLastImages(9, 1),
                    LifecyclePresets.expireTaggedAfterDays(2, "v", 1000));
            ImageInventory.Builder repo = repo();
            image(repo, "release", List.of("v1"), 10);
            image(repo, "latest", List.of("latest"), 5);
            image(repo, "newest", List.of("v2"), 1);

            // the release rule matches v1 and v2 first, so the count rule may only expire "latest",
            // which is second newest once the v images are counted
            assertThat(outcome(policy, repo.build())).containsExactly(
                    Map.entry("release", "keep"), Map.entry("latest", "expire@9"), Map.entry("newest", "keep"));
        }

        @Test
        void getsNoPolicyEcrWouldReject() {
            // A policy is checked when it is built, so the preview never sees one ECR would reject.
            assertThatThrownBy(() -> LifecyclePolicy.of(LifecyclePresets.expireArchivedAfterDays(1, 10)))
                    .isInstanceOf(LifecyclePolicyException.class)
                    .hasMessageContaining("selection.countNumber 10 is too small");
        }
    }

    @Test
    void totalsAndCostCountBytesPerOutcomeAndStorageClass() {
        long gb = 1024L * 1024 * 1024;
        LifecyclePolicy policy = LifecyclePolicy.of(LifecyclePresets.expireUntaggedAfterDays(1, 7),
                LifecyclePresets.archiveNotPulledForDays(2, 90));
        ImageInventory images = repo()
                .add("untagged-old", List.of(), daysAgo(30), 2 * gb, ABSENT, null, ABSENT, ABSENT, null)
                .add("unpulled", List.of("v1"), daysAgo(200), 4 * gb, daysAgo(120), null, ABSENT, ABSENT, null)
                .add("busy", List.of("v2"), daysAgo(200), 8 * gb, daysAgo(1), null, ABSENT, ABSENT, null)
                .add("archived", List.of("v0"), daysAgo(900), 16 * gb, ABSENT, ImageInventory.Status.ARCHIVED,
                        daysAgo(500), ABSENT, null)
                .build();

        LifecyclePreview.Totals totals = LifecyclePreview.run(policy, images, NOW).totals();

        assertThat(totals).isEqualTo(new LifecyclePreview.Totals(4, 30 * gb, 1, 2 * gb, 1, 4 * gb, 2, 24 * gb,
                14 * gb, 16 * gb, 8 * gb, 20 * gb));
        StoragePricing pricing = new StoragePricing(0.10, 0.05);
        assertThat(totals.monthlyCostBefore(pricing)).isCloseTo(1.4 + 0.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(totals.monthlyCostAfter(pricing)).isCloseTo(0.8 + 1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
