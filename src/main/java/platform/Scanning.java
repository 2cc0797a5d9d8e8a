package platform;

import java.util.List;

/** Registry scanning configuration. */
public record Scanning(
        @Field("BASIC or ENHANCED (Amazon Inspector). Default: ENHANCED when some repository's profile scans continuously, else BASIC (Platform#scanType).")
        ScanType type,
        @Field("Extra scan-frequency rules with repository filters, beside the rules generated from the profiles. Default: none.")
        List<ScanRule> rules,
        @Field("How a scanning configuration managed here scans the registry's other repositories (other teams', other"
                + " platforms'): a catch-all rule \"*\", so that a configuration written for this platform never leaves the"
                + " rest unscanned. ECR applies CONTINUOUS_SCAN over SCAN_ON_PUSH where both match, so CONTINUOUS_SCAN"
                + " (ENHANCED only) also scans this platform's repositories continuously. Default: SCAN_ON_PUSH.")
        ScanFrequency otherRepositories) {

    public Scanning {
        rules = rules == null ? List.of() : List.copyOf(rules);
        otherRepositories = otherRepositories == null ? ScanFrequency.SCAN_ON_PUSH : otherRepositories;
    }

    public Scanning(ScanType type, List<ScanRule> rules) {
        this(type, rules, null);
    }
}
