package platform;

import java.util.List;

/** Registry scanning configuration. */
public record Scanning(
        @Field("BASIC or ENHANCED (Amazon Inspector). Default: ENHANCED when some repository's profile scans continuously, else BASIC (Platform#scanType).")
        ScanType type,
        @Field("Extra scan-frequency rules with repository filters, beside the rules generated from the profiles. Default: none.")
        List<ScanRule> rules) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param type bASIC or ENHANCED (Amazon Inspector). Default: ENHANCED when some repository's profile scans continuously, else BASIC (Platform#scanType).
     * @param rules extra scan-frequency rules with repository filters, beside the rules generated from the profiles. Default: none.
     */
    public Scanning {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
