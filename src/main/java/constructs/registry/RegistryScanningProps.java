package constructs.registry;

import limits.AwsFormats;
import constructs.internal.Tokens;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Registry scanning: the scan type and its rules.
 *
 * @param scanType BASIC or ENHANCED. Default: BASIC (Amazon ECR's own scanner, no Amazon Inspector cost)
 * @param rules    at most 2 rules, one per frequency. Default: scan on push for every repository
 *                 ({@code SCAN_ON_PUSH "*"})
 */
public record RegistryScanningProps(RegistryScanType scanType, List<RegistryScanningRule> rules) {

    /** PutRegistryScanningConfiguration accepts at most 2 rules. */
    public static final int MAX_RULES = limits.AwsLimits.ECR_SCANNING_RULES;
    /** RegistryScanningRule.repositoryFilters holds at most 100 filters. */
    public static final int MAX_FILTERS_PER_RULE = 100;
    /** ScanningRepositoryFilter.filter, from the ECR API reference. */
    static final Pattern FILTER = Pattern.compile(AwsFormats.WILDCARD_FILTER);
    static final int MAX_FILTER_LENGTH = limits.AwsLimits.ECR_SCANNING_FILTER;

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param scanType BASIC or ENHANCED. Default: BASIC (Amazon ECR's own scanner, no Amazon Inspector cost)
     * @param rules at most 2 rules, one per frequency. Default: scan on push for every repository ({@code SCAN_ON_PUSH "*"})
     */
    public RegistryScanningProps {
        scanType = scanType == null ? RegistryScanType.BASIC : scanType;
        rules = rules == null
                ? List.of(RegistryScanningRule.of(RegistryScanFrequency.SCAN_ON_PUSH, "*"))
                : List.copyOf(rules);
    }

    /**
     * A builder of {@link RegistryScanningProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every problem ECR would reject at deploy time, each message starting with {@code path}.
     *
     * @param path where the scanning is declared; every message starts with it
     * @return every problem ECR would reject at deploy time, each message starting with {@code path}
     */
    public List<String> problems(String path) {
        List<String> problems = new ArrayList<>();
        if (rules.size() > MAX_RULES) {
            problems.add(path + "rules has " + rules.size() + " rules: ECR accepts at most " + MAX_RULES
                    + " scanning rules a registry. Hint: use one rule per scan frequency, holding all its filters");
        }
        Set<RegistryScanFrequency> seen = new HashSet<>();
        for (int r = 0; r < rules.size(); r++) {
            RegistryScanningRule rule = rules.get(r);
            String at = path + "rules[" + r + "]";
            if (rule.frequency() == null) {
                problems.add(at + ".frequency is missing. Hint: use SCAN_ON_PUSH");
                continue;
            }
            if (!rule.frequency().acceptedWith(scanType)) {
                problems.add(at + ".frequency " + rule.frequency() + " is not accepted with scanType " + scanType
                        + ": " + (scanType == RegistryScanType.BASIC
                        ? "BASIC scans on push or manually. Hint: use SCAN_ON_PUSH, or scanType ENHANCED (Amazon Inspector)"
                        : "ENHANCED scans on push or continuously. Hint: use SCAN_ON_PUSH or CONTINUOUS_SCAN"));
            }
            if (!seen.add(rule.frequency())) {
                problems.add(at + ".frequency " + rule.frequency() + " repeats an earlier rule: one rule per scan frequency."
                        + " Hint: move these filters into the earlier " + rule.frequency() + " rule");
            }
            if (rule.filters().isEmpty()) {
                problems.add(at + ".filters is empty: a rule without filters matches no repository."
                        + " Hint: add \"*\" to cover every repository");
            }
            if (rule.filters().size() > MAX_FILTERS_PER_RULE) {
                problems.add(at + ".filters has " + rule.filters().size() + " filters: ECR accepts at most "
                        + MAX_FILTERS_PER_RULE + " filters a rule. Hint: group repositories with a wildcard, e.g. \"shop/*\"");
            }
            for (int f = 0; f < rule.filters().size(); f++) {
                String filter = rule.filters().get(f);
                if (Tokens.isUnresolved(filter)) {
                    continue;
                }
                if (filter == null || filter.length() > MAX_FILTER_LENGTH || !FILTER.matcher(filter).matches()) {
                    problems.add(at + ".filters[" + f + "] \"" + filter + "\" is invalid: must be 1 to " + MAX_FILTER_LENGTH
                            + " characters of lowercase letters, digits, . _ - / and * (ECR WILDCARD filter)."
                            + " Hint: e.g. \"shop/prod/*\"");
                }
            }
        }
        return problems;
    }

    /**
     * Whether every repository under the namespace {@code prefix} ({@code "ROOT"}: every repository)
     * is scanned automatically (on push or continuously) by these rules. Repository creation
     * templates cannot set scanning, so replicated and cached repositories rely on this.
     *
     * @param prefix the repository namespace, or {@code "ROOT"}
     * @return whether every repository under the namespace {@code prefix}
     */
    public boolean scansAutomatically(String prefix) {
        for (RegistryScanningRule rule : rules) {
            if (rule.frequency() != null && rule.frequency().automatic()) {
                for (String filter : rule.filters()) {
                    if (filter != null && RegistryWildcard.covers(filter, prefix)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Builds {@link RegistryScanningProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private RegistryScanType scanType;
        private List<RegistryScanningRule> rules;

        /**
         * BASIC or ENHANCED (Amazon Inspector). Default: BASIC.
         *
         * @param scanType the scan type
         * @return this builder
         */
        public Builder scanType(RegistryScanType scanType) {
            this.scanType = scanType;
            return this;
        }

        /**
         * At most 2 rules, one per frequency. Default: scan on push for every repository ({@code SCAN_ON_PUSH "*"}).
         *
         * @param rules the scanning rules
         * @return this builder
         */
        public Builder rules(List<RegistryScanningRule> rules) {
            this.rules = rules;
            return this;
        }

        /**
         * At most 2 rules, one per frequency. Default: scan on push for every repository ({@code SCAN_ON_PUSH "*"}).
         *
         * @param rules the value of {@code rules}
         * @return this builder
         */
        public Builder rules(RegistryScanningRule... rules) {
            this.rules = List.of(rules);
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public RegistryScanningProps build() {
            return new RegistryScanningProps(scanType, rules);
        }
    }
}
