package constructs.registry;

/**
 * Properties of an {@link InspectorEcrRescan}: how long Amazon Inspector keeps re-scanning images of ECR
 * (enhanced scanning) after their push and after their last pull. Values as the Inspector API spells them.
 * Source: https://docs.aws.amazon.com/inspector/v2/APIReference/API_EcrConfiguration.html
 *
 * @param rescanDuration         after the push: {@code LIFETIME}, {@code DAYS_14}, {@code DAYS_30}, {@code DAYS_60},
 *                               {@code DAYS_90} or {@code DAYS_180}; required
 * @param pullDateRescanDuration after the last pull: {@code DAYS_14}, {@code DAYS_30}, {@code DAYS_60}, {@code DAYS_90}
 *                               or {@code DAYS_180}. Default: Inspector's current value is kept
 * @param pullDateRescanMode     which pull date counts: {@code LAST_PULL_DATE} or {@code LAST_IN_USE_AT}. Default:
 *                               Inspector's current value is kept
 */
public record InspectorEcrRescanProps(String rescanDuration, String pullDateRescanDuration, String pullDateRescanMode) {

    /** {@code rescanDuration} values. */
    public static final java.util.List<String> RESCAN_DURATIONS =
            java.util.List.of("LIFETIME", "DAYS_14", "DAYS_30", "DAYS_60", "DAYS_90", "DAYS_180");
    /** {@code pullDateRescanDuration} values. */
    public static final java.util.List<String> PULL_DATE_RESCAN_DURATIONS =
            java.util.List.of("DAYS_14", "DAYS_30", "DAYS_60", "DAYS_90", "DAYS_180");
    /** {@code pullDateRescanMode} values. */
    public static final java.util.List<String> PULL_DATE_RESCAN_MODES = java.util.List.of("LAST_PULL_DATE", "LAST_IN_USE_AT");
}
