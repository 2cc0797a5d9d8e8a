package platform;

/**
 * Changes to a profile's defaults, per environment or per service; an absent key keeps the value beneath it.
 * Service overrides apply after environment overrides.
 */
public record ProfileOverrides(
        @Field(minimum = 1, value = "Days after push that untagged images expire (at least 1; there is no off).")
        Integer untaggedExpiryDays,
        @Field(minimum = 0, value = "Images kept per repository (the newest); older ones no earlier rule protects (never-promoted builds, latest) expire; 0 turns the count rule off.")
        Integer keepLastImages,
        @Field(minimum = EnvironmentProfile.MINIMUM_ARCHIVE_DAYS, value = "Days a release image stays pullable after its last pull (or push); then it moves to archive, and it is never expired. At least 30; there is no off.")
        Integer releaseTagRetentionDays,
        @Field(minimum = EnvironmentProfile.MINIMUM_ARCHIVE_DAYS, value = "Days an image promoted into the environment stays pullable after its last pull (or push); then it moves to archive, and it is never expired. At least 30; there is no off.")
        Integer promotionArchiveDays,
        @Field(minimum = 0, value = "Days after push that never-promoted build images (commit-*, pr-*) expire; 0 turns the rule off.")
        Integer buildTagRetentionDays,
        @Field(minimum = 0, value = "Days without a pull after which images no release, promotion or build rule decides (never-promoted builds, latest) move to archive, instead of the count rule: set keepLastImages: 0 beside it. At least 30; 0 turns the rule off.")
        Integer otherArchiveDays,
        @Field(minimum = 0, value = "Days in archive after which archived images expire, whatever their tags (an archive rule cannot spare release images). dev only: prod and staging keep archived images. At least 90 (archive's minimum storage duration); 0 turns the rule off.")
        Integer archivedExpiryDays,
        @Field("DESTROY or RETAIN repositories (and their images) when the stack is deleted.")
        RepositoryRemoval removalPolicy,
        @Field("Stack termination protection (environments only; it is a stack setting).")
        Boolean terminationProtection,
        @Field("SCAN_ON_PUSH or CONTINUOUS_SCAN (CONTINUOUS_SCAN needs ENHANCED scanning).")
        ScanFrequency scanFrequency,
        @Field("Whether scan-finding alerts exist.")
        Boolean alerts,
        @Field("Lowest finding severity that alerts.")
        Severity alertSeverity,
        @Field("Reject tag-mutability exclusions unless the service gives an overrideReason.")
        Boolean requireImmutableTags) {

    /**
     * The overrides of release 0.1.0, without {@code promotionArchiveDays}, {@code otherArchiveDays} and
     * {@code archivedExpiryDays} (which keep the profile's values).
     *
     * @param untaggedExpiryDays      days after push that untagged images expire
     * @param keepLastImages          images kept per repository; 0 turns the count rule off
     * @param releaseTagRetentionDays days a release image stays pullable after its last pull, at least 30
     * @param buildTagRetentionDays   days after push that never-promoted build images expire; 0 turns the rule off
     * @param removalPolicy           DESTROY or RETAIN repositories when the stack is deleted
     * @param terminationProtection   stack termination protection
     * @param scanFrequency           SCAN_ON_PUSH or CONTINUOUS_SCAN
     * @param alerts                  whether scan-finding alerts exist
     * @param alertSeverity           lowest finding severity that alerts
     * @param requireImmutableTags    reject tag-mutability exclusions without an overrideReason
     */
    public ProfileOverrides(Integer untaggedExpiryDays, Integer keepLastImages, Integer releaseTagRetentionDays,
                            Integer buildTagRetentionDays, RepositoryRemoval removalPolicy, Boolean terminationProtection,
                            ScanFrequency scanFrequency, Boolean alerts, Severity alertSeverity,
                            Boolean requireImmutableTags) {
        this(untaggedExpiryDays, keepLastImages, releaseTagRetentionDays, null, buildTagRetentionDays, null, null,
                removalPolicy, terminationProtection, scanFrequency, alerts, alertSeverity, requireImmutableTags);
    }

    /** No override: every setting from the profile. */
    public static final ProfileOverrides NONE = new ProfileOverrides(null, null, null, null, null, null, null, null,
            null, null, null, null, null);
}
