package platform;

/**
 * Changes to a profile's defaults, per environment or per service; an absent key keeps the value beneath it.
 * Service overrides apply after environment overrides.
 */
public record ProfileOverrides(
        @Field("Days after which untagged images expire.")
        Integer untaggedExpiryDays,
        @Field("Images kept per repository (the newest); 0 turns the count rule off.")
        Integer keepLastImages,
        @Field("Days release-tagged images are kept at least; 0 turns the rule off.")
        Integer releaseTagRetentionDays,
        @Field("Days build-tagged images are kept; 0 turns the rule off.")
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
    /** No override: every setting from the profile. */
    public static final ProfileOverrides NONE = new ProfileOverrides(null, null, null, null, null, null, null, null, null, null);
}
