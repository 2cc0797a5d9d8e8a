package platform;

import java.util.List;

/** Registry scanning configuration. */
public record Scanning(
        @Field("BASIC or ENHANCED (Amazon Inspector). Default: ENHANCED: a scanning configuration is one per registry, and BASIC written here would switch off Amazon Inspector for every repository of the registry (Platform#scanType).")
        ScanType type,
        @Field("Extra scan-frequency rules with repository filters, beside the rules generated from the profiles. Default: none.")
        List<ScanRule> rules,
        @Field("How a scanning configuration managed here scans the registry's other repositories (other teams', other"
                + " platforms'): a catch-all rule \"*\", so that a configuration written for this platform never leaves the"
                + " rest unscanned. ECR applies CONTINUOUS_SCAN over SCAN_ON_PUSH where both match, so CONTINUOUS_SCAN"
                + " (ENHANCED only) also scans this platform's repositories continuously. Default: SCAN_ON_PUSH.")
        ScanFrequency otherRepositories) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param type BASIC or ENHANCED (Amazon Inspector). Default: ENHANCED (Platform#scanType).
     * @param rules extra scan-frequency rules with repository filters, beside the rules generated from the profiles. Default: none.
     * @param otherRepositories the frequency of the catch-all rule for the registry's other repositories. Default: SCAN_ON_PUSH.
     */
    public Scanning {
        rules = rules == null ? List.of() : List.copyOf(rules);
        otherRepositories = otherRepositories == null ? ScanFrequency.SCAN_ON_PUSH : otherRepositories;
    }

    /**
     * Scanning with the default catch-all rule for other repositories.
     *
     * @param type BASIC or ENHANCED
     * @param rules extra scan-frequency rules
     */
    public Scanning(ScanType type, List<ScanRule> rules) {
        this(type, rules, null);
    }
}
