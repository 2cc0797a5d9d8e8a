package platform;

/**
 * The settings in force for a repository: a profile's defaults with the environment's and the service's overrides
 * applied. Get it from {@link Platform#profile(EnvironmentSpec, Service)}; stacks read it instead of asking "is this prod?".
 *
 * <p>Defaults (from the seed notes: delete untagged images after 7 days; keep the last 10-20 images; scan on push;
 * keep release versions, not {@code latest}, in production). Release and promotion images, which an environment may
 * still run, are never expired: they move to the archive storage class when nobody pulled them for the given days
 * (see {@code docs/lifecycle.md}, "Retention per profile"):
 * <table>
 * <caption>Profile defaults</caption>
 * <tr><th>setting</th><th>dev</th><th>staging</th><th>prod</th></tr>
 * <tr><td>untaggedExpiryDays</td><td>7</td><td>7</td><td>7</td></tr>
 * <tr><td>keepLastImages</td><td>10</td><td>20</td><td>30</td></tr>
 * <tr><td>releaseTagRetentionDays (archive after days unpulled)</td><td>30</td><td>90</td><td>365</td></tr>
 * <tr><td>promotionArchiveDays</td><td>30</td><td>90</td><td>90</td></tr>
 * <tr><td>buildTagRetentionDays</td><td>off</td><td>off</td><td>off</td></tr>
 * <tr><td>otherArchiveDays</td><td>off</td><td>off</td><td>off</td></tr>
 * <tr><td>archivedExpiryDays (dev only)</td><td>off</td><td>refused</td><td>refused</td></tr>
 * <tr><td>removalPolicy</td><td>DESTROY</td><td>RETAIN</td><td>RETAIN</td></tr>
 * <tr><td>terminationProtection</td><td>false</td><td>false</td><td>true</td></tr>
 * <tr><td>scanFrequency</td><td>SCAN_ON_PUSH</td><td>SCAN_ON_PUSH</td><td>CONTINUOUS_SCAN</td></tr>
 * <tr><td>alerts</td><td>false</td><td>false</td><td>true</td></tr>
 * <tr><td>alertSeverity</td><td>HIGH</td><td>HIGH</td><td>HIGH</td></tr>
 * <tr><td>requireImmutableTags</td><td>false</td><td>false</td><td>true</td></tr>
 * </table>
 *
 * @param profile                 the profile these settings started from
 * @param untaggedExpiryDays      untagged images expire after this many days
 * @param keepLastImages          keep the newest N images, expiring older ones no earlier rule matched (never-promoted
 *                                build images, {@code latest}); null: no count rule
 * @param releaseTagRetentionDays release images stay pullable at least this many days after their last pull (or
 *                                push), then move to archive; they are never expired
 * @param promotionArchiveDays    images promoted into the environment move to archive after this many days without
 *                                a pull; they are never expired
 * @param buildTagRetentionDays   never-promoted build images expire this many days after push; null: no such rule
 * @param otherArchiveDays        images no earlier rule matched (never-promoted builds, {@code latest}) move to
 *                                archive after this many days without a pull, instead of the count rule; null: no
 *                                such rule
 * @param archivedExpiryDays      archived images expire after this many days in archive; null: archived images
 *                                are kept (the only value prod and staging allow)
 * @param removalPolicy           what happens to repositories when the stack is deleted (DESTROY also empties them)
 * @param terminationProtection   stack termination protection
 * @param scanFrequency           registry scan frequency for these repositories
 * @param alerts                  whether scan-finding alerts exist
 * @param alertSeverity           lowest finding severity that alerts
 * @param requireImmutableTags    tag-mutability exclusions need the service's overrideReason
 */
public record EnvironmentProfile(
        Profile profile,
        int untaggedExpiryDays,
        Integer keepLastImages,
        Integer releaseTagRetentionDays,
        Integer promotionArchiveDays,
        Integer buildTagRetentionDays,
        Integer otherArchiveDays,
        Integer archivedExpiryDays,
        RepositoryRemoval removalPolicy,
        boolean terminationProtection,
        ScanFrequency scanFrequency,
        boolean alerts,
        Severity alertSeverity,
        boolean requireImmutableTags) {

    /** Days after which untagged images expire, in every profile. */
    public static final int UNTAGGED_EXPIRY_DAYS = 7;
    /**
     * The fewest days a release or promotion image stays pullable after its last pull: a workload that pulled an
     * image within this window (scale-out, restart, rollback) finds it in standard storage.
     */
    public static final int MINIMUM_ARCHIVE_DAYS = 30;
    /**
     * The fewest days an archived image may stay in archive before a lifecycle rule expires it: the archive storage
     * class's minimum storage duration (ECR user guide, "Archiving an image").
     */
    public static final int MINIMUM_ARCHIVED_EXPIRY_DAYS = 90;

    /**
     * The documented defaults of a profile (see the class comment).
     *
     * @param profile the environment profile
     * @return the documented defaults of a profile (see the class comment)
     */
    public static EnvironmentProfile defaults(Profile profile) {
        return switch (profile) {
            case DEV -> new EnvironmentProfile(profile, UNTAGGED_EXPIRY_DAYS, 10, 30, 30, null, null, null,
                    RepositoryRemoval.DESTROY, false, ScanFrequency.SCAN_ON_PUSH, false, Severity.HIGH, false);
            case STAGING -> new EnvironmentProfile(profile, UNTAGGED_EXPIRY_DAYS, 20, 90, 90, null, null, null,
                    RepositoryRemoval.RETAIN, false, ScanFrequency.SCAN_ON_PUSH, false, Severity.HIGH, false);
            case PROD -> new EnvironmentProfile(profile, UNTAGGED_EXPIRY_DAYS, 30, 365, 90, null, null, null,
                    RepositoryRemoval.RETAIN, true, ScanFrequency.CONTINUOUS_SCAN, true, Severity.HIGH, true);
        };
    }

    /**
     * These settings with the given overrides applied. A 0 for {@code keepLastImages}, {@code buildTagRetentionDays},
     * {@code otherArchiveDays} or {@code archivedExpiryDays} turns that rule off; the validator rejects 0 for the others (see {@code docs/platform-file.md}).
     *
     * @param o the overrides (null fields keep this profile's value)
     * @return the resulting settings
     */
    public EnvironmentProfile with(ProfileOverrides o) {
        if (o == null) {
            return this;
        }
        return new EnvironmentProfile(profile,
                o.untaggedExpiryDays() != null ? o.untaggedExpiryDays() : untaggedExpiryDays,
                override(o.keepLastImages(), keepLastImages),
                o.releaseTagRetentionDays() != null ? o.releaseTagRetentionDays() : releaseTagRetentionDays,
                o.promotionArchiveDays() != null ? o.promotionArchiveDays() : promotionArchiveDays,
                override(o.buildTagRetentionDays(), buildTagRetentionDays),
                override(o.otherArchiveDays(), otherArchiveDays),
                override(o.archivedExpiryDays(), archivedExpiryDays),
                o.removalPolicy() != null ? o.removalPolicy() : removalPolicy,
                o.terminationProtection() != null ? o.terminationProtection() : terminationProtection,
                o.scanFrequency() != null ? o.scanFrequency() : scanFrequency,
                o.alerts() != null ? o.alerts() : alerts,
                o.alertSeverity() != null ? o.alertSeverity() : alertSeverity,
                o.requireImmutableTags() != null ? o.requireImmutableTags() : requireImmutableTags);
    }

    EnvironmentProfile withAlertSeverity(Severity severity) {
        return new EnvironmentProfile(profile, untaggedExpiryDays, keepLastImages, releaseTagRetentionDays,
                promotionArchiveDays, buildTagRetentionDays, otherArchiveDays, archivedExpiryDays, removalPolicy,
                terminationProtection, scanFrequency, alerts, severity,
                requireImmutableTags);
    }

    /**
     * Repositories are emptied before deletion only where they are destroyed with the stack.
     *
     * @return whether repositories are emptied before deletion
     */
    public boolean emptyOnDelete() {
        return removalPolicy == RepositoryRemoval.DESTROY;
    }

    private static Integer override(Integer given, Integer current) {
        if (given == null) {
            return current;
        }
        return given == 0 ? null : given;
    }
}
