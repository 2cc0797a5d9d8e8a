package platform;

import java.util.List;

/** One registry scanning rule: a frequency for the repositories matching the filters. */
public record ScanRule(
        @Field(required = true, value = "SCAN_ON_PUSH, CONTINUOUS_SCAN (ENHANCED only) or MANUAL.")
        ScanFrequency frequency,
        @Field(required = true, pattern = NameFormats.WILDCARD_FILTER, value = "Repository name filters with * wildcards; at most 100.")
        List<String> filters) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param frequency sCAN_ON_PUSH, CONTINUOUS_SCAN (ENHANCED only) or MANUAL.
     * @param filters repository name filters with * wildcards; at most 100.
     */
    public ScanRule {
        filters = filters == null ? List.of() : List.copyOf(filters);
    }
}
