package platform;

import lifecycle.LifecycleValidator;
import lifecycle.TagScheme;

/**
 * The rules of {@code tagging}: build, release and promotion tags that lifecycle rules can tell apart, and a mutable
 * {@code latest} only where no environment requires immutable tags.
 */
final class TaggingRules extends SectionRules {

    TaggingRules(Platform platform, Problems problems) {
        super(platform, problems);
    }

    @Override
    void check() {
        tagging();
    }

    /**
     * The rules of a repository's policy besides one per build prefix (untagged, release, promotion, the {@code any}
     * rule, archived images; {@link RetentionRules}): what is left of ECR's rules per policy is for build prefixes.
     */
    static final int MAX_BUILD_PREFIXES = LifecycleValidator.MAX_RULES - 5;

    private void tagging() {
        Tagging tagging = platform.tagging();
        String release = tagging.releasePrefix();
        if (tagging.buildPrefixes().size() > MAX_BUILD_PREFIXES) {
            problems.add("tagging.buildPrefixes", "buildPrefixes has " + tagging.buildPrefixes().size() + " prefixes: each"
                            + " becomes a lifecycle rule, and with the other rules of a repository ECR's limit of "
                            + LifecycleValidator.MAX_RULES + " rules per policy leaves room for " + MAX_BUILD_PREFIXES,
                    "use at most " + MAX_BUILD_PREFIXES + " build prefixes");
        }
        for (int k = 0; k < tagging.buildPrefixes().size(); k++) {
            String build = tagging.buildPrefixes().get(k);
            if (build != null && tagging.buildPrefixes().subList(0, k).contains(build)) {
                problems.add("tagging.buildPrefixes[" + k + "]", "build prefix \"" + build + "\" is given twice: ECR"
                                + " refuses two lifecycle rules with the same tag filter", "remove the second one");
            }
            if (release != null && build != null && (build.startsWith(release) || release.startsWith(build))) {
                problems.add("tagging.buildPrefixes[" + k + "]", "build prefix \"" + build + "\" overlaps the release prefix \""
                                + release + "\": lifecycle rules could not tell build tags from release tags",
                        "use prefixes that do not start with one another, e.g. \"commit-\"");
            }
        }
        // Promotion writes <env>-<date>-<digest>; a build or release prefix that such a tag starts with would hand
        // promoted images (which the environment runs) to the rule of builds, or make two rules select one filter.
        for (int i = 0; i < platform.environments().size(); i++) {
            EnvironmentSpec env = platform.environments().get(i);
            if (env.name() == null) {
                continue;
            }
            String promotion = TagScheme.promotionPrefix(env.name());
            if (promotion.equals(release)) {
                problems.add("tagging.releasePrefix", "release prefix \"" + release + "\" is the prefix of environment \""
                                + env.name() + "\"'s promotion tags (" + promotion + "<date>-<digest>): its lifecycle policy would"
                                + " have two rules with the tag filter " + promotion + "*, which ECR refuses",
                        "use a release prefix that is no environment's name followed by \"-\", e.g. \"v\"");
            }
            for (String prefix : tagging.buildPrefixes()) {
                if (prefix != null && (promotion.startsWith(prefix) || prefix.startsWith(promotion))) {
                    problems.add("environments[" + i + "].name", "environment \"" + env.name() + "\" makes promotion tags \""
                                    + promotion + "<date>-<digest>\" that the build prefix \"" + prefix + "\" also selects:"
                                    + " lifecycle rules could not tell promoted images from build images",
                            "rename the environment, or change tagging.buildPrefixes");
                }
            }
        }
        if (!tagging.allowLatest()) {
            return;
        }
        for (EnvironmentSpec env : platform.environments()) {
            if (env.profile() != null && platform.profile(env).requireImmutableTags()) {
                problems.add("tagging.allowLatest", "allowLatest needs a mutable \"latest\" tag, but environment \"" + env.name()
                                + "\" (profile " + env.profile().fileValue() + ") requires immutable tags",
                        "set allowLatest: false and deploy by release tag or digest, or set overrides.requireImmutableTags:"
                                + " false in environment \"" + env.name() + "\"");
                return;
            }
        }
    }
}
