package lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a lifecycle policy would do to a repository's images, computed offline from describe-images output,
 * following the "Lifecycle policy evaluation rules" of the ECR user guide
 * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html):
 * <ul>
 *   <li>rules apply in rulePriority order, lowest first; an image is acted on by one rule or none;</li>
 *   <li>an image that matches the tag selection of a rule cannot be expired or archived by a lower-priority
 *       rule, yet a lower-priority count rule still counts it ("can still identify them");</li>
 *   <li>{@code imageCountMoreThan} orders images newest first by push time ({@code lastActivatedAt} for an
 *       image restored from archive) and acts on those beyond the count;</li>
 *   <li>{@code sinceImagePushed} ages by push time (restore time for a restored image, which "behaves like a
 *       newly pushed image"); {@code sinceImagePulled} by the later of the last pull (else the push) and the
 *       restore; {@code sinceImageTransitioned} by the archive time;</li>
 *   <li>{@code tagPatternList} and {@code tagPrefixList}: every entry must match one of the image's tags;</li>
 *   <li>a rule selects only images of its storage class (standard unless it says archive);</li>
 *   <li>reference artifacts (signatures, SBOMs: images with a {@code subjectManifestDigest}) are not selected
 *       by rules: they follow their subject image, as ECR expires or archives them with it.</li>
 * </ul>
 * An age is "older than N days" when strictly more than N × 24 hours lie between it and {@code now}.
 *
 * <p>Not modelled: describe-images does not say which image index references which child manifest, so
 * untagged child manifests of a multi-architecture image appear as ordinary untagged images here, while ECR
 * keeps them until their index goes.
 */
public final class LifecyclePreview {

    private static final long DAY_MILLIS = 86_400_000L;

    private final ImageInventory images;
    private final PreviewAction[] actions;
    private final int[] priorities;
    private final Totals totals;

    private LifecyclePreview(ImageInventory images, PreviewAction[] actions, int[] priorities) {
        this.images = images;
        this.actions = actions;
        this.priorities = priorities;
        this.totals = Totals.of(images, actions);
    }

    /**
     * Evaluates {@code policy} against {@code images} as ECR would at {@code now}.
     *
     * <p>The policy is one ECR accepts: {@link LifecyclePolicy} checks its rules when it is built.
     */
    public static LifecyclePreview run(LifecyclePolicy policy, ImageInventory images, Instant now) {
        int n = images.size;
        PreviewAction[] actions = new PreviewAction[n];
        Arrays.fill(actions, PreviewAction.KEEP);
        int[] priorities = new int[n];
        boolean[] seen = new boolean[n];
        List<LifecyclePolicyRule> rules = new ArrayList<>(policy.rules());
        rules.sort(Comparator.comparingInt(LifecyclePolicyRule::rulePriority));
        RuleSelection[] selections = rules.stream().map(r -> new RuleSelection(r.selection())).toArray(RuleSelection[]::new);
        long[] matches = matchMasks(selections, images);
        int[] newestFirst = null;
        long nowMillis = now.toEpochMilli();
        for (int r = 0; r < rules.size(); r++) {
            LifecyclePolicyRule rule = rules.get(r);
            RuleSelection selection = selections[r];
            PreviewAction action = rule.action().type() == ActionType.TRANSITION ? PreviewAction.TRANSITION : PreviewAction.EXPIRE;
            int priority = rule.rulePriority();
            long bit = 1L << r;
            if (selection.countType == CountType.IMAGE_COUNT_MORE_THAN) {
                if (newestFirst == null) {
                    newestFirst = newestFirst(images);
                }
                int keep = selection.countNumber;
                int counted = 0;
                for (int i : newestFirst) {
                    if ((matches[i] & bit) == 0) {
                        continue;
                    }
                    counted++;
                    if (counted > keep && !seen[i]) {
                        actions[i] = action;
                        priorities[i] = priority;
                    }
                    seen[i] = true;
                }
            } else {
                long olderThan = nowMillis - selection.countNumber * DAY_MILLIS;
                for (int i = 0; i < n; i++) {
                    if ((matches[i] & bit) == 0) {
                        continue;
                    }
                    if (!seen[i]) {
                        long since = since(selection.countType, images, i);
                        if (since != ImageInventory.ABSENT && since < olderThan) {
                            actions[i] = action;
                            priorities[i] = priority;
                        }
                    }
                    seen[i] = true;
                }
            }
        }
        followSubjects(images, actions, priorities);
        return new LifecyclePreview(images, actions, priorities);
    }

    /**
     * Bit r of an image's mask is set when rule r (in priority order) selects it: its storage class and tag
     * selection. Computed in one pass so each image's tags are read once, not once per rule.
     */
    private static long[] matchMasks(RuleSelection[] selections, ImageInventory images) {
        long[] masks = new long[images.size];
        int half = images.size / 2;
        if (half < PARALLEL_MASKS) {
            matchMasks(selections, images, masks, 0, images.size);
            return masks;
        }
        // Each image's mask depends on that image only: the two halves are independent.
        Throwable[] failure = new Throwable[1];
        Thread second = new Thread(() -> {
            try {
                matchMasks(selections, images, masks, half, images.size);
            } catch (RuntimeException | Error e) {
                failure[0] = e;
            }
        }, "rule-masks");
        second.start();
        matchMasks(selections, images, masks, 0, half);
        try {
            second.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while matching rules", e);
        }
        if (failure[0] != null) {
            throw new IllegalStateException("matching rules failed", failure[0]);
        }
        return masks;
    }

    private static final int PARALLEL_MASKS = 50_000;

    private static void matchMasks(RuleSelection[] selections, ImageInventory images, long[] masks, int from, int to) {
        for (int i = from; i < to; i++) {
            if (images.subjects[i] != null) {
                continue;
            }
            ImageInventory.Status status = images.statuses[i];
            String[] tags = images.tags[i];
            long mask = 0;
            for (int r = 0; r < selections.length; r++) {
                RuleSelection selection = selections[r];
                if (status == selection.status && selection.matches(tags)) {
                    mask |= 1L << r;
                }
            }
            masks[i] = mask;
        }
    }

    private static long since(CountType type, ImageInventory images, int i) {
        return switch (type) {
            case SINCE_IMAGE_PUSHED -> images.lastActivatedAt[i] != ImageInventory.ABSENT
                    ? images.lastActivatedAt[i] : images.pushedAt[i];
            case SINCE_IMAGE_PULLED -> {
                long reference = images.lastPulledAt[i] != ImageInventory.ABSENT ? images.lastPulledAt[i] : images.pushedAt[i];
                yield Math.max(reference, images.lastActivatedAt[i]);
            }
            case SINCE_IMAGE_TRANSITIONED -> images.lastArchivedAt[i];
            case IMAGE_COUNT_MORE_THAN -> throw new IllegalStateException("counts are not ages");
        };
    }

    /** Image indexes, newest first by push time (restore time for restored images); ties keep listing order. */
    private static int[] newestFirst(ImageInventory images) {
        int n = images.size;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long activated = images.lastActivatedAt[i];
            keys[i] = activated != ImageInventory.ABSENT ? activated : images.pushedAt[i];
        }
        int[] order = new int[n];
        if (n < (1 << INDEX_BITS) && packable(keys)) {
            // (time, reversed index) packed in one long: a primitive sort instead of a comparator over boxes
            long[] packed = new long[n];
            for (int i = 0; i < n; i++) {
                packed[i] = keys[i] << INDEX_BITS | (INDEX_MASK - i);
            }
            Arrays.sort(packed);
            for (int k = 0; k < n; k++) {
                order[k] = (int) (INDEX_MASK - (packed[n - 1 - k] & INDEX_MASK));
            }
            return order;
        }
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        mergeSortDescending(order, new int[n], keys, 0, n);
        return order;
    }

    private static final int INDEX_BITS = 21;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    /** Times from 1970 to 2109 fit the 42 bits left beside a 21-bit index. */
    private static boolean packable(long[] keys) {
        for (long key : keys) {
            if (key < 0 || key >= 1L << (63 - INDEX_BITS)) {
                return false;
            }
        }
        return true;
    }

    private static void mergeSortDescending(int[] a, int[] buffer, long[] keys, int from, int to) {
        if (to - from < 2) {
            return;
        }
        if (to - from <= 24) {
            for (int i = from + 1; i < to; i++) {
                int value = a[i];
                int j = i - 1;
                while (j >= from && keys[a[j]] < keys[value]) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = value;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSortDescending(a, buffer, keys, from, mid);
        mergeSortDescending(a, buffer, keys, mid, to);
        if (keys[a[mid - 1]] >= keys[a[mid]]) {
            return;
        }
        System.arraycopy(a, from, buffer, from, to - from);
        int left = from;
        int right = mid;
        for (int k = from; k < to; k++) {
            if (right >= to || (left < mid && keys[buffer[left]] >= keys[buffer[right]])) {
                a[k] = buffer[left++];
            } else {
                a[k] = buffer[right++];
            }
        }
    }

    private static void followSubjects(ImageInventory images, PreviewAction[] actions, int[] priorities) {
        Map<String, Integer> byDigest = null;
        for (int i = 0; i < images.size; i++) {
            if (images.subjects[i] == null) {
                continue;
            }
            if (byDigest == null) {
                byDigest = new HashMap<>();
                for (int j = 0; j < images.size; j++) {
                    byDigest.put(images.digest(j), j);
                }
            }
            Integer subject = byDigest.get(images.subjects[i]);
            if (subject != null) {
                int root = subject;
                for (int depth = 0; images.subjects[root] != null && depth < 8; depth++) {
                    Integer next = byDigest.get(images.subjects[root]);
                    if (next == null) {
                        break;
                    }
                    root = next;
                }
                actions[i] = actions[root];
                priorities[i] = priorities[root];
            }
        }
    }

    public int size() {
        return images.size;
    }

    public String digest(int image) {
        return images.digest(image);
    }

    /** Writes the image's digest into {@code target} without creating a String; see {@link ImageInventory#appendDigest}. */
    public boolean appendDigest(int image, StringBuilder target) {
        return images.appendDigest(image, target);
    }

    /** See {@link ImageInventory#writeSha256Digest}. */
    public boolean writeSha256Digest(int image, char[] target, int at) {
        return images.writeSha256Digest(image, target, at);
    }

    /** The priority of the rule that decided the image's action, 0 when no rule acts on it (no boxing). */
    public int rulePriorityOrZero(int image) {
        return priorities[image];
    }

    public List<String> tags(int image) {
        return images.tags(image);
    }

    /** How many tags the image has (see {@link ImageInventory#tagCount}). */
    public int tagCount(int image) {
        return images.tagCount(image);
    }

    /** The image's tag number {@code k}, without copying the tags into a list. */
    public String tag(int image, int k) {
        return images.tag(image, k);
    }

    public long sizeInBytes(int image) {
        return images.sizes[image];
    }

    public PreviewAction action(int image) {
        return actions[image];
    }

    /** The priority of the rule that decided the image's action, or null when no rule acts on it. */
    public Integer rulePriority(int image) {
        return priorities[image] == 0 ? null : priorities[image];
    }

    public Totals totals() {
        return totals;
    }

    /**
     * Images and bytes per outcome, and bytes per storage class before and after the policy acts.
     * Byte sums over-count layers shared between images (see {@link StoragePricing#UPPER_BOUND_NOTE}).
     */
    public record Totals(long images, long bytes, long expiredImages, long expiredBytes, long transitionedImages,
                         long transitionedBytes, long keptImages, long keptBytes, long standardBytesBefore,
                         long archiveBytesBefore, long standardBytesAfter, long archiveBytesAfter) {

        static Totals of(ImageInventory images, PreviewAction[] actions) {
            long bytes = 0, expired = 0, expiredBytes = 0, transitioned = 0, transitionedBytes = 0;
            long standardBefore = 0, archiveBefore = 0, standardAfter = 0, archiveAfter = 0;
            for (int i = 0; i < images.size; i++) {
                long size = images.sizes[i];
                boolean archived = images.statuses[i] == ImageInventory.Status.ARCHIVED;
                bytes += size;
                if (archived) {
                    archiveBefore += size;
                } else {
                    standardBefore += size;
                }
                switch (actions[i]) {
                    case EXPIRE -> {
                        expired++;
                        expiredBytes += size;
                    }
                    case TRANSITION -> {
                        transitioned++;
                        transitionedBytes += size;
                        archiveAfter += size;
                    }
                    case KEEP -> {
                        if (archived) {
                            archiveAfter += size;
                        } else {
                            standardAfter += size;
                        }
                    }
                }
            }
            long kept = images.size - expired - transitioned;
            return new Totals(images.size, bytes, expired, expiredBytes, transitioned, transitionedBytes, kept,
                    bytes - expiredBytes - transitionedBytes, standardBefore, archiveBefore, standardAfter, archiveAfter);
        }

        public double monthlyCostBefore(StoragePricing pricing) {
            return pricing.monthlyCost(standardBytesBefore, archiveBytesBefore);
        }

        public double monthlyCostAfter(StoragePricing pricing) {
            return pricing.monthlyCost(standardBytesAfter, archiveBytesAfter);
        }
    }

    /** A rule's selection compiled once: patterns split at their wildcards, the storage class resolved. */
    private static final class RuleSelection {
        final ImageTagStatus tagStatus;
        final String[][] patterns;
        final String[] prefixes;
        final StorageClass storageClass;
        final ImageInventory.Status status;
        final CountType countType;
        final int countNumber;

        RuleSelection(Selection selection) {
            tagStatus = selection.tagStatus();
            patterns = selection.tagPatternList() == null ? null
                    : selection.tagPatternList().stream().map(p -> p.split("\\*", -1)).toArray(String[][]::new);
            prefixes = selection.tagPrefixList() == null ? null : selection.tagPrefixList().toArray(String[]::new);
            storageClass = selection.storageClass() == null ? StorageClass.STANDARD : selection.storageClass();
            status = storageClass == StorageClass.ARCHIVE ? ImageInventory.Status.ARCHIVED : ImageInventory.Status.ACTIVE;
            countType = selection.countType();
            countNumber = selection.countNumber();
        }

        boolean matches(String[] tags) {
            switch (tagStatus) {
                case ANY:
                    return true;
                case UNTAGGED:
                    return tags.length == 0;
                default:
                    if (tags.length == 0) {
                        return false;
                    }
                    if (patterns != null) {
                        for (String[] pattern : patterns) {
                            if (!anyTag(tags, pattern)) {
                                return false;
                            }
                        }
                    } else {
                        for (String prefix : prefixes) {
                            if (!anyTagStartsWith(tags, prefix)) {
                                return false;
                            }
                        }
                    }
                    return true;
            }
        }

        private static boolean anyTagStartsWith(String[] tags, String prefix) {
            for (String tag : tags) {
                if (tag.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean anyTag(String[] tags, String[] pattern) {
            for (String tag : tags) {
                if (glob(pattern, tag)) {
                    return true;
                }
            }
            return false;
        }

        /** A '*'-only wildcard match: the literal parts between wildcards must appear in order. */
        static boolean glob(String[] parts, String tag) {
            if (parts.length == 1) {
                return tag.equals(parts[0]);
            }
            String first = parts[0];
            String last = parts[parts.length - 1];
            if (tag.length() < first.length() + last.length() || !tag.startsWith(first) || !tag.endsWith(last)) {
                return false;
            }
            int position = first.length();
            int end = tag.length() - last.length();
            for (int k = 1; k < parts.length - 1; k++) {
                String part = parts[k];
                if (part.isEmpty()) {
                    continue;
                }
                int found = tag.indexOf(part, position);
                if (found < 0 || found + part.length() > end) {
                    return false;
                }
                position = found + part.length();
            }
            return true;
        }
    }
}
