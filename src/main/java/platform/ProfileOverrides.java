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
        @Field("DESTROY or RETAIN repositories (and their images) when the stack is deleted.")
        RemovalPolicy removalPolicy,
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

    /** No override: every setting from the profile. */
    public static final ProfileOverrides NONE = new ProfileOverrides(null, null, null, null, null, null, null, null, null, null, null);
}
