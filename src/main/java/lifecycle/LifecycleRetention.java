package lifecycle;

import java.util.List;

/**
 * The retention values of one repository, from which {@link LifecyclePresets#environmentPolicy} builds a complete
 * lifecycle policy. Every value is optional; a null value leaves its rule out.
 *
 * <p>Images an environment may still run (release and promotion images) are only ever moved to archive, and only
 * when nobody pulled them for a while; expiry is reserved for untagged images and never-promoted build images.
 *
 * @param untaggedExpiryDays     untagged images (build leftovers, replaced tags) expire this many days after push.
 *                               Default: no untagged rule
 * @param releaseArchiveDays     images with a release tag move to the archive storage class after this many days
 *                               without a pull (push, when never pulled); never expired. Default: no release rule
 * @param promotionArchiveDays   images with a promotion tag of this repository's environment move to archive after
 *                               this many days without a pull; never expired. Default: no promotion rule
 * @param buildRetentionDays     images with a build tag and neither a release nor a promotion tag expire this many
 *                               days after push. Default: build images are never expired by age
 * @param keepLastImages         the newest this-many images are kept; older images that no earlier rule matched
 *                               expire. Default: no count rule
 * @param otherArchiveDays       images that no earlier rule matched move to archive after this many days without a
 *                               pull (the alternative to {@code keepLastImages}; both are {@code any} rules and only
 *                               one may exist). Default: no such rule
 * @param archivedExpiryDays     images that have been in archive this many days (at least 90, ECR's minimum storage
 *                               duration of archive) expire, whatever their tags: an archive rule cannot spare
 *                               release images. Default: archived images are kept
 * @param releaseTagPrefixes     tag prefixes of release images. Default: {@code ["v"]}
 * @param promotionTagPrefixes   tag prefixes promotion writes into this repository, e.g. {@code ["prod-"]}.
 *                               Default: none (the first environment receives no promotions)
 * @param buildTagPrefixes       tag prefixes of build images. Default: {@code ["commit-", "pr-"]}
 */
public record LifecycleRetention(
        Integer untaggedExpiryDays,
        Integer releaseArchiveDays,
        Integer promotionArchiveDays,
        Integer buildRetentionDays,
        Integer keepLastImages,
        Integer otherArchiveDays,
        Integer archivedExpiryDays,
        List<String> releaseTagPrefixes,
        List<String> promotionTagPrefixes,
        List<String> buildTagPrefixes) {

    public static final List<String> DEFAULT_RELEASE_TAG_PREFIXES = List.of(TagScheme.DEFAULT_RELEASE_PREFIX);
    public static final List<String> DEFAULT_BUILD_TAG_PREFIXES = TagScheme.DEFAULT_BUILD_PREFIXES;

    public LifecycleRetention {
        releaseTagPrefixes = releaseTagPrefixes == null ? DEFAULT_RELEASE_TAG_PREFIXES : List.copyOf(releaseTagPrefixes);
        promotionTagPrefixes = promotionTagPrefixes == null ? List.of() : List.copyOf(promotionTagPrefixes);
        buildTagPrefixes = buildTagPrefixes == null ? DEFAULT_BUILD_TAG_PREFIXES : List.copyOf(buildTagPrefixes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Integer untaggedExpiryDays;
        private Integer releaseArchiveDays;
        private Integer promotionArchiveDays;
        private Integer buildRetentionDays;
        private Integer keepLastImages;
        private Integer otherArchiveDays;
        private Integer archivedExpiryDays;
        private List<String> releaseTagPrefixes;
        private List<String> promotionTagPrefixes;
        private List<String> buildTagPrefixes;

        private Builder() {
        }

        /**
         * Untagged images (build leftovers, replaced tags) expire this many days after push. Default: no untagged rule,
         * untagged images are left to the later rules.
         *
         * @param days the number of days
         * @return this builder
         */
        public Builder untaggedExpiryDays(Integer days) {
            this.untaggedExpiryDays = days;
            return this;
        }

        /**
         * Images with a release tag move to the archive storage class after this many days without a pull (push, when
         * never pulled); they are never expired. Default: no release rule.
         *
         * @param days the number of days
         * @return this builder
         */
        public Builder releaseArchiveDays(Integer days) {
            this.releaseArchiveDays = days;
            return this;
        }

        /**
         * Images with a promotion tag of this repository's environment move to archive after this many days without a
         * pull; they are never expired. Default: no promotion rule.
         *
         * @param days the number of days
         * @return this builder
         */
        public Builder promotionArchiveDays(Integer days) {
            this.promotionArchiveDays = days;
            return this;
        }

        /**
         * Images with a build tag and neither a release nor a promotion tag expire this many days after push.
         * Default: build images are never expired by age.
         *
         * @param days the number of days
         * @return this builder
         */
        public Builder buildRetentionDays(Integer days) {
            this.buildRetentionDays = days;
            return this;
        }

        /**
         * The newest this-many images are kept; older images that no earlier rule matched expire. Default: no count
         * rule.
         *
         * @param count the number of images
         * @return this builder
         */
        public Builder keepLastImages(Integer count) {
            this.keepLastImages = count;
            return this;
        }

        /**
         * Images that no earlier rule matched move to archive after this many days without a pull (the alternative to
         * {@code keepLastImages}: only one of the two may be set). Default: no such rule.
         *
         * @param days the number of days
         * @return this builder
         */
        public Builder otherArchiveDays(Integer days) {
            this.otherArchiveDays = days;
            return this;
        }

        /**
         * Images that have been in archive this many days (at least 90, archive's minimum storage duration) expire,
         * whatever their tags. Default: archived images are kept.
         *
         * @param days the number of days
         * @return this builder
         */
        public Builder archivedExpiryDays(Integer days) {
            this.archivedExpiryDays = days;
            return this;
        }

        /**
         * Tag prefixes of release images. Default: {@link #DEFAULT_RELEASE_TAG_PREFIXES} ({@code ["v"]}).
         *
         * @param prefixes the tag prefixes
         * @return this builder
         */
        public Builder releaseTagPrefixes(List<String> prefixes) {
            this.releaseTagPrefixes = prefixes;
            return this;
        }

        /**
         * Tag prefixes promotion writes into this repository, e.g. {@code ["prod-"]}. Default: none (the first
         * environment receives no promotions).
         *
         * @param prefixes the tag prefixes
         * @return this builder
         */
        public Builder promotionTagPrefixes(List<String> prefixes) {
            this.promotionTagPrefixes = prefixes;
            return this;
        }

        /**
         * Tag prefixes of build images. Default: {@link #DEFAULT_BUILD_TAG_PREFIXES} ({@code ["commit-", "pr-"]}).
         *
         * @param prefixes the tag prefixes
         * @return this builder
         */
        public Builder buildTagPrefixes(List<String> prefixes) {
            this.buildTagPrefixes = prefixes;
            return this;
        }

        public LifecycleRetention build() {
            return new LifecycleRetention(untaggedExpiryDays, releaseArchiveDays, promotionArchiveDays,
                    buildRetentionDays, keepLastImages, otherArchiveDays, archivedExpiryDays, releaseTagPrefixes, promotionTagPrefixes,
                    buildTagPrefixes);
        }
    }
}
