package lifecycle;

import java.util.List;

/**
 * The retention values of one environment, from which {@link LifecyclePresets#environmentPolicy} builds a
 * complete lifecycle policy. Every value is optional; a null value leaves its rule out.
 *
 * @param untaggedExpiryDays   untagged images (build leftovers, replaced tags) expire this many days after push.
 *                             Default: no untagged rule
 * @param releaseRetentionDays images with a release tag expire this many days after push. Default: release
 *                             images are never expired by age
 * @param buildRetentionDays   images with a build tag (and no release tag) expire this many days after push.
 *                             Default: build images are never expired by age
 * @param keepLastImages       the newest this-many images are always kept; older images that no earlier rule
 *                             matched expire. Default: no count rule
 * @param releaseTagPrefixes   tag prefixes of release images. Default: {@code ["v"]}
 * @param buildTagPrefixes     tag prefixes of build images. Default: {@code ["commit-", "pr-"]}
 */
public record LifecycleRetention(
        Integer untaggedExpiryDays,
        Integer releaseRetentionDays,
        Integer buildRetentionDays,
        Integer keepLastImages,
        List<String> releaseTagPrefixes,
        List<String> buildTagPrefixes) {

    public static final List<String> DEFAULT_RELEASE_TAG_PREFIXES = List.of("v");
    public static final List<String> DEFAULT_BUILD_TAG_PREFIXES = List.of("commit-", "pr-");

    public LifecycleRetention {
        releaseTagPrefixes = releaseTagPrefixes == null ? DEFAULT_RELEASE_TAG_PREFIXES : List.copyOf(releaseTagPrefixes);
        buildTagPrefixes = buildTagPrefixes == null ? DEFAULT_BUILD_TAG_PREFIXES : List.copyOf(buildTagPrefixes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Integer untaggedExpiryDays;
        private Integer releaseRetentionDays;
        private Integer buildRetentionDays;
        private Integer keepLastImages;
        private List<String> releaseTagPrefixes;
        private List<String> buildTagPrefixes;

        private Builder() {
        }

        public Builder untaggedExpiryDays(Integer days) {
            this.untaggedExpiryDays = days;
            return this;
        }

        public Builder releaseRetentionDays(Integer days) {
            this.releaseRetentionDays = days;
            return this;
        }

        public Builder buildRetentionDays(Integer days) {
            this.buildRetentionDays = days;
            return this;
        }

        public Builder keepLastImages(Integer count) {
            this.keepLastImages = count;
            return this;
        }

        public Builder releaseTagPrefixes(List<String> prefixes) {
            this.releaseTagPrefixes = prefixes;
            return this;
        }

        public Builder buildTagPrefixes(List<String> prefixes) {
            this.buildTagPrefixes = prefixes;
            return this;
        }

        public LifecycleRetention build() {
            return new LifecycleRetention(untaggedExpiryDays, releaseRetentionDays, buildRetentionDays, keepLastImages,
                    releaseTagPrefixes, buildTagPrefixes);
        }
    }
}
