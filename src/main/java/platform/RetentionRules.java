package platform;

import lifecycle.LifecyclePolicy;
import lifecycle.LifecyclePresets;
import lifecycle.LifecycleRetention;
import lifecycle.TagScheme;

import java.util.List;

/**
 * The one mapping from the retention settings of the platform file to the lifecycle rules of a repository, and the
 * one place those settings are checked. A retention field travels in one pass: the file's value (a profile
 * default, then the environment's and the service's {@link ProfileOverrides}) is checked here, merged by
 * {@link EnvironmentProfile#with}, and read here once more to become its rule ({@link #policy}); the stacks, the
 * creation templates and {@code lifecycle preview --platform} take the finished {@link LifecyclePolicy}.
 *
 * <p>The rules, in priority order (ECR applies to each image the first rule whose tag selection it matches;
 * {@link LifecyclePresets#environmentPolicy}):
 * <table>
 * <caption>Retention settings and their rules</caption>
 * <tr><th>setting</th><th>rule</th><th>allowed</th></tr>
 * <tr><td>{@code untaggedExpiryDays}</td><td>untagged images expire N days after push</td><td>1 or more</td></tr>
 * <tr><td>{@code releaseTagRetentionDays}</td><td>{@code v*} images to archive after N days without a pull</td>
 *     <td>30 or more</td></tr>
 * <tr><td>{@code promotionArchiveDays}</td><td>{@code <env>-*} images to archive after N days without a pull</td>
 *     <td>30 or more</td></tr>
 * <tr><td>{@code buildTagRetentionDays}</td><td>never-promoted build images expire N days after push</td>
 *     <td>0 (off) or 1 or more</td></tr>
 * <tr><td>{@code keepLastImages}</td><td>{@code any}: keep the newest N, expire older images no rule above matched</td>
 *     <td>0 (off) or 1 or more</td></tr>
 * <tr><td>{@code otherArchiveDays}</td><td>{@code any}: images no rule above matched to archive after N days without
 *     a pull</td><td>0 (off) or 30 or more; not together with {@code keepLastImages}</td></tr>
 * <tr><td>{@code archivedExpiryDays}</td><td>archived images expire after N days in archive</td>
 *     <td>0 (off) or 90 or more; dev only</td></tr>
 * </table>
 */
public final class RetentionRules {

    private RetentionRules() {
    }

    /**
     * The lifecycle policy of a repository of {@code environment} with the settings {@code profile}.
     *
     * @param platform    the platform (its tagging gives the release and build prefixes)
     * @param environment the environment whose repository it is (its name makes the promotion tag prefix)
     * @param profile     the settings in force for the repository
     * @return the policy
     * @throws lifecycle.LifecyclePolicyException for settings {@link #check} reports (never for a loaded platform)
     */
    public static LifecyclePolicy policy(Platform platform, EnvironmentSpec environment, EnvironmentProfile profile) {
        TagScheme tags = platform.tagScheme();
        boolean promoted = platform.receivesPromotions(environment);
        return LifecyclePresets.environmentPolicy(LifecycleRetention.builder()
                .untaggedExpiryDays(profile.untaggedExpiryDays())
                .releaseArchiveDays(profile.releaseTagRetentionDays())
                .promotionArchiveDays(promoted ? profile.promotionArchiveDays() : null)
                .buildRetentionDays(profile.buildTagRetentionDays())
                .keepLastImages(profile.keepLastImages())
                .otherArchiveDays(profile.otherArchiveDays())
                .archivedExpiryDays(profile.archivedExpiryDays())
                .releaseTagPrefixes(List.of(tags.releasePrefix()))
                .promotionTagPrefixes(promoted ? List.of(TagScheme.promotionPrefix(environment.name())) : List.of())
                .buildTagPrefixes(tags.buildPrefixes())
                .build());
    }

    /**
     * Cached base images and repositories created on push: untagged leftovers expire after the longest untagged
     * expiry of the environments, and every other image moves to archive once nobody pulled it for
     * {@link #CACHE_ARCHIVE_DAYS} days (or the longest {@code promotionArchiveDays}). No tagged image is expired: a
     * workload may run a cached image directly, and the upstream may no longer hold it.
     *
     * @param platform     the platform
     * @param environments the environments using the registry of the templates
     * @return the policy of PULL_THROUGH_CACHE and user creation templates in that registry
     */
    public static LifecyclePolicy cachePolicy(Platform platform, List<EnvironmentSpec> environments) {
        int untagged = environments.stream().mapToInt(e -> platform.profile(e).untaggedExpiryDays()).max()
                .orElse(EnvironmentProfile.UNTAGGED_EXPIRY_DAYS);
        int archive = Math.max(CACHE_ARCHIVE_DAYS, environments.stream()
                .mapToInt(e -> platform.profile(e).promotionArchiveDays()).max().orElse(0));
        return LifecyclePresets.environmentPolicy(LifecycleRetention.builder()
                .untaggedExpiryDays(untagged).otherArchiveDays(archive).build());
    }

    /** Days without a pull after which cached and created-on-push images move to archive, at the least. */
    public static final int CACHE_ARCHIVE_DAYS = 90;

    /**
     * Reports every retention setting of the file that {@link #policy} could not turn into rules, or that would lose
     * an image an environment may still run: each value at its own path, then the combinations per repository at
     * the overrides that made them.
     */
    static void check(Platform platform, Problems problems) {
        for (int i = 0; i < platform.environments().size(); i++) {
            values(problems, "environments[" + i + "].overrides", platform.environments().get(i).overrides());
        }
        for (int k = 0; k < platform.services().size(); k++) {
            values(problems, "services[" + k + "].overrides", platform.services().get(k).overrides());
        }
        for (int i = 0; i < platform.environments().size(); i++) {
            EnvironmentSpec env = platform.environments().get(i);
            String envPath = "environments[" + i + "].overrides";
            if (env.profile() == null || problems.reportedAtOrBelow(envPath)) {
                continue;
            }
            combination(problems, env, envPath, platform.profile(env), null);
            for (int k = 0; k < platform.services().size(); k++) {
                Service service = platform.services().get(k);
                String path = "services[" + k + "].overrides";
                // A service is checked where its own overrides change the environment's settings; what the
                // environment already got wrong is reported once, at the environment.
                if (!service.overrides().equals(ProfileOverrides.NONE) && !problems.reportedAtOrBelow(envPath)
                        && !problems.reportedAtOrBelow(path)) {
                    combination(problems, env, path, platform.profile(env, service), service);
                }
            }
        }
    }

    private static void values(Problems problems, String path, ProfileOverrides o) {
        atLeast(problems, path + ".untaggedExpiryDays", "untaggedExpiryDays", o.untaggedExpiryDays(), 1, false);
        atLeast(problems, path + ".keepLastImages", "keepLastImages", o.keepLastImages(), 1, true);
        archiveDays(problems, path + ".releaseTagRetentionDays", "releaseTagRetentionDays", o.releaseTagRetentionDays());
        archiveDays(problems, path + ".promotionArchiveDays", "promotionArchiveDays", o.promotionArchiveDays());
        atLeast(problems, path + ".buildTagRetentionDays", "buildTagRetentionDays", o.buildTagRetentionDays(), 1, true);
        atLeast(problems, path + ".otherArchiveDays", "otherArchiveDays", o.otherArchiveDays(),
                EnvironmentProfile.MINIMUM_ARCHIVE_DAYS, true);
        atLeast(problems, path + ".archivedExpiryDays", "archivedExpiryDays", o.archivedExpiryDays(),
                EnvironmentProfile.MINIMUM_ARCHIVED_EXPIRY_DAYS, true);
    }

    /**
     * What only the settings in force together can break: ECR allows one {@code any} rule per storage class, and an
     * archive rule expires release and promotion images as well, which prod and staging never do.
     */
    private static void combination(Problems problems, EnvironmentSpec env, String path, EnvironmentProfile profile,
                                    Service service) {
        String where = (service == null ? "" : "service \"" + service.name() + "\" in ") + "environment \"" + env.name()
                + "\" (profile " + env.profile().fileValue() + ")";
        ProfileOverrides own = service == null ? env.overrides() : service.overrides();
        if (profile.keepLastImages() != null && profile.otherArchiveDays() != null) {
            boolean archiveHere = own.otherArchiveDays() != null;
            problems.add(path + (archiveHere ? ".otherArchiveDays" : ".keepLastImages"), "otherArchiveDays "
                            + profile.otherArchiveDays() + " and keepLastImages " + profile.keepLastImages()
                            + " are both in force for " + where + ": each is the rule with tagStatus \"any\", which ECR"
                            + " allows once, evaluated last",
                    archiveHere ? "set keepLastImages: 0 beside otherArchiveDays to archive these images instead of expiring them"
                            : "set otherArchiveDays: 0 here, or keepLastImages: 0 to keep the archive rule");
        }
        if (profile.archivedExpiryDays() != null && env.profile() != Profile.DEV) {
            problems.add(path + ".archivedExpiryDays", "archivedExpiryDays " + profile.archivedExpiryDays() + " is in force"
                            + " for " + where + ": it would delete archived release and promotion images, rollback targets"
                            + " the environment may still need. An archive rule can only expire, so no rule can spare them",
                    "remove archivedExpiryDays here (0 turns an inherited one off); prod and staging keep archived images"
                            + " (see docs/lifecycle.md, \"What ECR cannot express\")");
        }
        // No policy is built here to see whether it would be valid: these checks, TaggingRules' and the loader's
        // are complete for what policy() builds (RetentionRulesTest tries every combination), and the policy checks
        // its own rules once, when the stacks build it.
    }

    /**
     * Release and promotion images are what an environment runs or rolls back to: they are never expired and never
     * archived sooner than {@link EnvironmentProfile#MINIMUM_ARCHIVE_DAYS} after their last pull, so 0 (no rule) is
     * refused: the images would fall through to the count and build rules, which expire.
     */
    private static void archiveDays(Problems problems, String path, String key, Integer value) {
        if (value != null && value < EnvironmentProfile.MINIMUM_ARCHIVE_DAYS) {
            problems.add(path, key + " " + value + " must be at least " + EnvironmentProfile.MINIMUM_ARCHIVE_DAYS
                            + ": these images may still run, and an image archived sooner after its last pull fails the"
                            + " next scale-out or rollback (archived images cannot be pulled)",
                    "give " + EnvironmentProfile.MINIMUM_ARCHIVE_DAYS + " or more days; 0 cannot turn the rule off, "
                            + "because the images would then be expired by the count rule");
        }
    }

    private static void atLeast(Problems problems, String path, String key, Integer value, int minimum, boolean zeroIsOff) {
        if (value == null || value >= minimum || (zeroIsOff && value == 0)) {
            return;
        }
        String unit = key.endsWith("Days") ? "days" : "images";
        if (!zeroIsOff) {
            problems.add(path, key + " " + value + " must be at least " + minimum, "give a number of " + unit + ", at least " + minimum);
        } else if (minimum <= 1) {
            problems.add(path, key + " " + value + " must be at least 0", "give a number of " + unit + ", or 0 to turn the rule off");
        } else {
            problems.add(path, key + " " + value + " must be 0 or at least " + minimum,
                    "give " + minimum + " or more " + unit + ", or 0 to turn the rule off");
        }
    }
}
