package lifecycle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays a synthetic two-year history of one production repository against a lifecycle policy, day by day, with
 * the offline preview standing in for ECR's daily evaluation, and records every breach of the retention promises:
 *
 * <ul>
 *   <li>every day one build ({@code commit-<sha>}, {@code build-<n>}), every tenth day an untagged leftover;</li>
 *   <li>every seventh day the newest build is promoted ({@code prod-<yyyymmdd>-<digest>}) and runs;</li>
 *   <li>every thirtieth day the build is a release ({@code v1.<n>.0}), promoted the same day, and runs;</li>
 *   <li>the running image is pulled every day (task restarts, scale-out);</li>
 *   <li>on {@link #ROLLBACK_DAY} production rolls back for {@link #ROLLBACK_DAYS} days to the release pushed 200 days
 *       earlier.</li>
 * </ul>
 *
 * Actions apply as ECR applies them (user guide, "Archiving an image"): an expired image is gone; an archived image
 * stays listed with status ARCHIVED and cannot be pulled; a pull of an archived image fails until it is restored,
 * which this history does (and counts, {@link #restores()}) the way an operator would.
 */
public final class RepositoryHistory {

    public static final int DAYS = 730;
    public static final int ROLLBACK_DAY = 560;
    public static final int ROLLBACK_AGE_DAYS = 200;
    public static final int ROLLBACK_DAYS = 5;
    public static final int PULLED_RECENTLY_DAYS = 30;
    static final long IMAGE_BYTES = 200L << 20;
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final long DAY = Duration.ofDays(1).toMillis();

    private final LifecyclePolicy policy;
    private final String environment;
    private final TagScheme tags = new TagScheme(null, null);
    private final Map<String, Image> images = new LinkedHashMap<>();
    private final List<String> breaches = new ArrayList<>();
    private final int[] standardImages = new int[DAYS];
    private int pushed;
    private int restores;
    private int expired;
    private int archived;

    private static final class Image {
        final String digest;
        final List<String> tags = new ArrayList<>();
        final long pushedAt;
        long lastPulledAt = ImageInventory.ABSENT;
        long lastArchivedAt = ImageInventory.ABSENT;
        long lastActivatedAt = ImageInventory.ABSENT;
        boolean archived;

        Image(String digest, List<String> tags, long pushedAt) {
            this.digest = digest;
            this.tags.addAll(tags);
            this.pushedAt = pushedAt;
        }

        long lastUse() {
            return Math.max(lastPulledAt, lastActivatedAt);
        }
    }

    private RepositoryHistory(LifecyclePolicy policy, String environment) {
        this.policy = policy;
        this.environment = environment;
    }

    /** Replays the whole history of a repository of {@code environment} (whose promotion tags start with it). */
    public static RepositoryHistory replay(LifecyclePolicy policy, String environment) {
        RepositoryHistory history = new RepositoryHistory(policy, environment);
        history.run();
        return history;
    }

    private void run() {
        Map<Integer, String> releases = new LinkedHashMap<>();
        String running = null;
        String rollbackTarget = null;
        for (int day = 0; day < DAYS; day++) {
            long midnight = START.toEpochMilli() + day * DAY;
            evaluate(day, midnight);
            String build = push("build-" + day, List.of(TagScheme.COMMIT_PREFIX + sha("commit-" + day),
                    TagScheme.BUILD_NUMBER_PREFIX + (day + 1)), midnight + 9 * 3_600_000L);
            if (day % 10 == 5) {
                push("untagged-" + day, List.of(), midnight + 10 * 3_600_000L);
            }
            boolean release = day % 30 == 15;
            if (release) {
                String version = tags.releasePrefix() + "1." + (day / 30) + ".0";
                images.get(build).tags.add(version);
                releases.put(day, build);
            }
            if (release || day % 7 == 0) {
                LocalDate date = LocalDate.ofInstant(Instant.ofEpochMilli(midnight), ZoneOffset.UTC);
                images.get(build).tags.add(TagScheme.promotionPrefix(environment)
                        + date.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + build.substring(7, 19));
                running = build;
            }
            if (day == ROLLBACK_DAY) {
                int newest = day - ROLLBACK_AGE_DAYS;
                rollbackTarget = releases.entrySet().stream()
                        .filter(e -> e.getKey() <= newest)
                        .reduce((a, b) -> b).orElseThrow().getValue();
            }
            boolean rolledBack = day >= ROLLBACK_DAY && day < ROLLBACK_DAY + ROLLBACK_DAYS;
            pull(day, rolledBack ? rollbackTarget : running, midnight + 12 * 3_600_000L);
            standardImages[day] = (int) images.values().stream().filter(i -> !i.archived).count();
        }
    }

    private String push(String name, List<String> imageTags, long at) {
        String digest = "sha256:" + sha(name) + sha(name + "/").substring(0, 24);
        images.put(digest, new Image(digest, imageTags, at));
        pushed++;
        return digest;
    }

    private void pull(int day, String digest, long at) {
        Image image = images.get(digest);
        if (image == null) {
            breaches.add("day " + day + ": the running image " + digest + " is gone: CannotPullContainerError");
            return;
        }
        if (image.archived) {
            // An archived image cannot be pulled; the operator restores it (up to 20 minutes) and pulls again.
            restores++;
            image.archived = false;
            image.lastActivatedAt = at;
        }
        image.lastPulledAt = at;
    }

    /** ECR's daily evaluation, checked before it is applied. */
    private void evaluate(int day, long now) {
        ImageInventory.Builder inventory = ImageInventory.builder();
        List<Image> order = new ArrayList<>(images.values());
        for (Image image : order) {
            inventory.add(image.digest, image.tags, image.pushedAt, IMAGE_BYTES, image.lastPulledAt,
                    image.archived ? ImageInventory.Status.ARCHIVED : ImageInventory.Status.ACTIVE,
                    image.lastArchivedAt, image.lastActivatedAt, null);
        }
        LifecyclePreview preview = LifecyclePreview.run(policy, inventory.build(), Instant.ofEpochMilli(now));
        for (int i = 0; i < preview.size(); i++) {
            PreviewAction action = preview.action(i);
            if (action == PreviewAction.KEEP) {
                continue;
            }
            Image image = order.get(i);
            LifecyclePolicyRule rule = rule(preview.rulePriority(i));
            long lastUse = image.lastUse();
            if (lastUse != ImageInventory.ABSENT && now - lastUse <= PULLED_RECENTLY_DAYS * DAY) {
                breaches.add("day " + day + ": rule " + rule.rulePriority() + " would " + action.name().toLowerCase()
                        + " " + image.tags + ", pulled " + (now - lastUse) / DAY + " days ago");
            }
            if (action == PreviewAction.EXPIRE && tags.runnable(image.tags, environment)) {
                breaches.add("day " + day + ": rule " + rule.rulePriority() + " would expire " + image.tags
                        + ", an image production runs or rolls back to");
            }
            if (action == PreviewAction.EXPIRE && !image.tags.isEmpty()
                    && rule.selection().countType() != CountType.IMAGE_COUNT_MORE_THAN) {
                breaches.add("day " + day + ": rule " + rule.rulePriority() + " would expire the tagged image "
                        + image.tags + " by age alone (" + rule.selection().countType() + ")");
            }
            if (action == PreviewAction.EXPIRE) {
                images.remove(image.digest);
                expired++;
            } else {
                image.archived = true;
                image.lastArchivedAt = now;
                archived++;
            }
        }
    }

    private LifecyclePolicyRule rule(int priority) {
        return policy.rules().stream().filter(r -> r.rulePriority() == priority).findFirst().orElseThrow();
    }

    private static String sha(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every broken promise, one line each, in the order they happened. */
    public List<String> breaches() {
        return List.copyOf(breaches);
    }

    /** Pulls that found their image archived and had to restore it first. */
    public int restores() {
        return restores;
    }

    public int pushed() {
        return pushed;
    }

    public int expired() {
        return expired;
    }

    public int archived() {
        return archived;
    }

    /** The most images in standard storage on any day from {@code fromDay} (inclusive) to {@code toDay} (exclusive). */
    public int mostStandardImages(int fromDay, int toDay) {
        int most = 0;
        for (int day = fromDay; day < toDay; day++) {
            most = Math.max(most, standardImages[day]);
        }
        return most;
    }
}
