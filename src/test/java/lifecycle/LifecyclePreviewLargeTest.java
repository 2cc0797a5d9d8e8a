package lifecycle;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static lifecycle.ImageInventory.ABSENT;
import static org.assertj.core.api.Assertions.assertThat;

/** A repository large enough that rules are matched on two threads: every image still gets its own outcome. */
class LifecyclePreviewLargeTest {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final long DAY = 86_400_000L;

    @Test
    void everyImageOfBothHalvesIsDecidedByItsOwnRule() {
        int n = 120_000;
        ImageInventory.Builder repo = ImageInventory.builder();
        for (int i = 0; i < n; i++) {
            // even: untagged, 2 days old; odd: tagged v<i>, pushed i minutes after a fixed start (newest last)
            boolean tagged = i % 2 == 1;
            long pushed = tagged ? NOW.toEpochMilli() - 200 * DAY + i * 60_000L : NOW.toEpochMilli() - 2 * DAY;
            repo.add("sha256:" + String.format("%064x", i), tagged ? List.of("v" + i) : List.of(), pushed, 10,
                    ABSENT, null, ABSENT, ABSENT, null);
        }
        LifecyclePolicy policy = LifecyclePolicy.parse("""
                {"rules": [
                  {"rulePriority": 1, "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed",
                   "countUnit": "days", "countNumber": 1}, "action": {"type": "expire"}},
                  {"rulePriority": 2, "selection": {"tagStatus": "tagged", "tagPrefixList": ["v"],
                   "countType": "imageCountMoreThan", "countNumber": 10}, "action": {"type": "expire"}}
                ]}""");

        LifecyclePreview preview = LifecyclePreview.run(policy, repo.build(), NOW);

        for (int i = 0; i < n; i++) {
            boolean newestTen = i >= n - 20 && i % 2 == 1;
            PreviewAction expected = newestTen ? PreviewAction.KEEP : PreviewAction.EXPIRE;
            Integer priority = newestTen ? null : i % 2 == 0 ? 1 : 2;
            assertThat(preview.action(i)).as("image %d", i).isEqualTo(expected);
            assertThat(preview.rulePriority(i)).as("image %d", i).isEqualTo(priority);
        }
        assertThat(preview.totals().keptImages()).isEqualTo(10);
    }
}
