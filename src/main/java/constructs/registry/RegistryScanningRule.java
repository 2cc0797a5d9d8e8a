package constructs.registry;

import java.util.List;

/**
 * One scanning rule: a frequency and the WILDCARD repository filters it applies to.
 *
 * @param frequency how often matched repositories are scanned
 * @param filters   repository names or wildcard patterns ({@code *} matches any characters),
 *                  1 to 100 of them, e.g. {@code "shop/prod/*"}; {@code "*"} matches every repository
 */
public record RegistryScanningRule(RegistryScanFrequency frequency, List<String> filters) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param frequency how often matched repositories are scanned
     * @param filters repository names or wildcard patterns ({@code *} matches any characters), 1 to 100 of them, e.g. {@code "shop/prod/*"}; {@code "*"} matches every repository
     */
    public RegistryScanningRule {
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    /**
     * A rule scanning repositories that match any filter at {@code frequency}.
     *
     * @param frequency how often
     * @param filters WILDCARD filters on repository names
     * @return the rule
     */
    public static RegistryScanningRule of(RegistryScanFrequency frequency, String... filters) {
        return new RegistryScanningRule(frequency, List.of(filters));
    }
}
