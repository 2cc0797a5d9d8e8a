package lifecycle;

import java.util.ArrayList;
import java.util.List;

/**
 * Lifecycle rules that encode the practices of the seed notes ("keep only the last 10 versions", untagged images
 * cleaned up) and of the ECR user guide's archive storage class. No preset expires a release image by its age:
 * release and promotion images are only ever moved to archive when unpulled ({@link #environmentPolicy}).
 *
 * <p>Tag prefixes become {@code tagPatternList} entries ({@code "v"} becomes {@code "v*"}), the form the ECR
 * user guide recommends. Each prefix gets its own rule because a rule's list selects only images that match
 * <em>every</em> entry.
 */
public final class LifecyclePresets {

    private LifecyclePresets() {
    }

    /** Keeps the newest {@code count} images; an older image expires unless a higher-priority rule matched it. */
    public static LifecyclePolicyRule keepLastImages(int priority, int count) {
        return new LifecyclePolicyRule(priority, "Keep the newest " + count + " images; expire older images no earlier rule matched",
                new Selection(ImageTagStatus.ANY, null, null, null, CountType.IMAGE_COUNT_MORE_THAN, null, count),
                Action.expire());
    }

    /** Expires untagged images {@code days} days after push. */
    public static LifecyclePolicyRule expireUntaggedAfterDays(int priority, int days) {
        return new LifecyclePolicyRule(priority, "Expire untagged images " + days + " days after push",
                new Selection(ImageTagStatus.UNTAGGED, null, null, null, CountType.SINCE_IMAGE_PUSHED, CountUnit.DAYS, days),
                Action.expire());
    }

    /**
     * Expires images whose tags start with {@code prefix} {@code days} days after push: for build prefixes, behind
     * the release and promotion rules (as {@link #environmentPolicy} orders them), never for the release prefix.
     */
    public static LifecyclePolicyRule expireTaggedAfterDays(int priority, String prefix, int days) {
        return new LifecyclePolicyRule(priority, "Expire images tagged " + prefix + "* " + days + " days after push",
                new Selection(ImageTagStatus.TAGGED, null, List.of(prefix + "*"), null, CountType.SINCE_IMAGE_PUSHED,
                        CountUnit.DAYS, days),
                Action.expire());
    }

    /**
     * Moves images not pulled for {@code days} days (or never pulled and pushed {@code days} days ago) to the
     * archive storage class. Archived images cannot be pulled until they are restored (up to 20 minutes).
     */
    public static LifecyclePolicyRule archiveNotPulledForDays(int priority, int days) {
        return new LifecyclePolicyRule(priority, "Archive images not pulled in " + days + " days",
                new Selection(ImageTagStatus.ANY, null, null, null, CountType.SINCE_IMAGE_PULLED, CountUnit.DAYS, days),
                Action.transitionToArchive());
    }

    /** Deletes images that have been in archive for {@code days} days (at least 90, ECR's minimum). */
    public static LifecyclePolicyRule expireArchivedAfterDays(int priority, int days) {
        return new LifecyclePolicyRule(priority, "Expire images archived for more than " + days + " days",
                new Selection(ImageTagStatus.ANY, null, null, StorageClass.ARCHIVE, CountType.SINCE_IMAGE_TRANSITIONED,
                        CountUnit.DAYS, days),
                Action.expire());
    }

    /** Moves images whose tags start with {@code prefix} to archive after {@code days} days without a pull. */
    public static LifecyclePolicyRule archiveTaggedNotPulledForDays(int priority, String prefix, int days) {
        return new LifecyclePolicyRule(priority, "Archive images tagged " + prefix + "* not pulled in " + days + " days",
                new Selection(ImageTagStatus.TAGGED, null, List.of(prefix + "*"), null, CountType.SINCE_IMAGE_PULLED,
                        CountUnit.DAYS, days),
                Action.transitionToArchive());
    }

    /**
     * A complete, validated policy for one repository, in this priority order (ECR applies to each image the first
     * rule whose tag selection it matches, and a later rule can never act on it; user guide, "Lifecycle policy
     * evaluation rules"):
     * <ol>
     *   <li>untagged images expire {@code untaggedExpiryDays} after push;</li>
     *   <li>release images ({@code v*}) move to archive after {@code releaseArchiveDays} without a pull;</li>
     *   <li>promotion images ({@code prod-*}) move to archive after {@code promotionArchiveDays} without a pull;</li>
     *   <li>build images ({@code commit-*}, {@code pr-*}) that reached neither rule 2 nor 3 expire
     *       {@code buildRetentionDays} after push;</li>
     *   <li>the {@code any} rule: keep the newest {@code keepLastImages} (expire older images no earlier rule
     *       matched), or archive images not pulled for {@code otherArchiveDays};</li>
     *   <li>in the archive storage class: images archived for {@code archivedExpiryDays} expire (every tag: an
     *       archive rule can only expire, so none can spare release images).</li>
     * </ol>
     * Because rules 2 and 3 come first, no later rule can expire an image carrying a release or promotion tag.
     *
     * @param retention the retention values
     * @return the policy
     * @throws LifecyclePolicyException naming every invalid value (a value ECR refuses by the rule it would make),
     *                                  or when no value asks for any rule
     */
    public static LifecyclePolicy environmentPolicy(LifecycleRetention retention) {
        // Only what the policy itself cannot show is checked here; a value ECR refuses (0 days, both "any" rules, a
        // prefix given twice) is reported by the policy's own check, once, when the rules become a policy.
        List<String> problems = new ArrayList<>();
        prefixes("releaseTagPrefixes", retention.releaseTagPrefixes(), problems);
        prefixes("promotionTagPrefixes", retention.promotionTagPrefixes(), problems);
        prefixes("buildTagPrefixes", retention.buildTagPrefixes(), problems);
        boolean laterExpiry = retention.keepLastImages() != null || retention.buildRetentionDays() != null;
        if (retention.releaseArchiveDays() == null && laterExpiry && !retention.releaseTagPrefixes().isEmpty()) {
            problems.add("releaseArchiveDays is not set while keepLastImages or buildRetentionDays is: release images "
                    + "would then be expired by those rules, and a rollback target lost. Fix: set releaseArchiveDays");
        }
        if (retention.promotionArchiveDays() == null && laterExpiry && !retention.promotionTagPrefixes().isEmpty()) {
            problems.add("promotionArchiveDays is not set while keepLastImages or buildRetentionDays is: promoted images "
                    + "(which the environment runs) would then be expired by those rules. Fix: set promotionArchiveDays");
        }
        if (retention.untaggedExpiryDays() == null && retention.releaseArchiveDays() == null
                && retention.promotionArchiveDays() == null && retention.buildRetentionDays() == null
                && retention.keepLastImages() == null && retention.otherArchiveDays() == null) {
            problems.add("no retention value is set: a repository needs at least one lifecycle rule. Fix: set "
                    + "untaggedExpiryDays, keepLastImages, releaseArchiveDays or buildRetentionDays");
        }
        List<LifecyclePolicyRule> rules = new ArrayList<>();
        if (retention.untaggedExpiryDays() != null) {
            rules.add(expireUntaggedAfterDays(rules.size() + 1, retention.untaggedExpiryDays()));
        }
        if (retention.releaseArchiveDays() != null) {
            for (String prefix : retention.releaseTagPrefixes()) {
                rules.add(archiveTaggedNotPulledForDays(rules.size() + 1, prefix, retention.releaseArchiveDays()));
            }
        }
        if (retention.promotionArchiveDays() != null) {
            for (String prefix : retention.promotionTagPrefixes()) {
                rules.add(archiveTaggedNotPulledForDays(rules.size() + 1, prefix, retention.promotionArchiveDays()));
            }
        }
        if (retention.buildRetentionDays() != null) {
            for (String prefix : retention.buildTagPrefixes()) {
                rules.add(expireTaggedAfterDays(rules.size() + 1, prefix, retention.buildRetentionDays()));
            }
        }
        if (retention.keepLastImages() != null) {
            rules.add(keepLastImages(rules.size() + 1, retention.keepLastImages()));
        }
        if (retention.otherArchiveDays() != null) {
            rules.add(archiveNotPulledForDays(rules.size() + 1, retention.otherArchiveDays()));
        }
        if (retention.archivedExpiryDays() != null) {
            rules.add(expireArchivedAfterDays(rules.size() + 1, retention.archivedExpiryDays()));
        }
        if (!problems.isEmpty()) {
            // Every problem at once: what the retention values break here, then what ECR refuses in their rules (an
            // empty list of rules is already reported as "no retention value").
            if (!rules.isEmpty()) {
                problems.addAll(LifecycleValidator.validate(rules));
            }
            throw new LifecyclePolicyException(problems);
        }
        return new LifecyclePolicy(rules);
    }

    private static void prefixes(String field, List<String> prefixes, List<String> problems) {
        for (String prefix : prefixes) {
            if (prefix == null || prefix.isBlank()) {
                problems.add(field + " holds an empty prefix: it would match every tag. Fix: remove it");
            } else if (prefix.contains("*")) {
                problems.add(field + " entry \"" + prefix + "\" contains \"*\": give plain prefixes, the preset adds "
                        + "the trailing wildcard. Fix: use \"" + prefix.replace("*", "") + "\"");
            }
        }
    }
}
