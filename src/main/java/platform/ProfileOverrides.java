package platform;

/**
 * Changes to a profile's defaults, per environment or per service; an absent key keeps the value beneath it.
 * Service overrides apply after environment overrides.
 */
public record ProfileOverrides(
        @Field("Days after which untagged images expire.")
        Integer untaggedExpiryDays,
        @Field("Images kept per repository (the newest); older ones no earlier rule protects (never-promoted builds, latest) expire; 0 turns the count rule off.")
        Integer keepLastImages,
        @Field("Days a release image stays pullable after its last pull (or push), then it moves to archive; never expired. At least 30.")
        Integer releaseTagRetentionDays,
        @Field("Days an image promoted into the environment stays pullable after its last pull (or push), then it moves to archive; never expired. At least 30.")
        Integer promotionArchiveDays,
        @Field("Days after push that never-promoted build images (commit-*, pr-*) expire; 0 turns the rule off.")
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

    public static final ProfileOverrides NONE = new ProfileOverrides(null, null, null, null, null, null, null, null, null, null, null);
}
