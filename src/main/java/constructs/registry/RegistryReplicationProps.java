package constructs.registry;

import constructs.internal.Tokens;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The registry's replication configuration.
 *
 * @param rules 1 to 10 rules, at most 25 unique destinations across them
 */
public record RegistryReplicationProps(List<RegistryReplicationRule> rules) {

    /** ReplicationConfiguration.rules: at most 10 (API reference, CloudFormation schema). */
    public static final int MAX_RULES = 10;
    /** Service quota "unique destinations across all rules in a replication configuration". */
    public static final int MAX_UNIQUE_DESTINATIONS = 25;
    /** Service quota "filters per rule in a replication configuration" (not adjustable). */
    public static final int MAX_FILTERS_PER_RULE = 100;
    /** RepositoryFilter.filter, from the ECR API reference; 2 to 256 characters. */
    static final Pattern FILTER = Pattern.compile("^(?:[a-z0-9]+(?:[._-][a-z0-9]*)*/)*[a-z0-9]*(?:[._-][a-z0-9]*)*$");

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param rules 1 to 10 rules, at most 25 unique destinations across them
     */
    public RegistryReplicationProps {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /**
     * A builder of {@link RegistryReplicationProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every distinct destination, in the order first named.
     *
     * @return every distinct destination, in the order first named
     */
    public List<ReplicationDestination> destinations() {
        Set<ReplicationDestination> unique = new LinkedHashSet<>();
        rules.forEach(rule -> unique.addAll(rule.destinations()));
        return List.copyOf(unique);
    }

    /**
     * Destinations in other accounts: each needs, in its own registry stack, a registry policy
     * statement {@link RegistryPolicyStatement#allowReplicationFrom} for {@code sourceAccount}.
     *
     * @param sourceAccount the account the images come from
     * @return the destinations outside {@code sourceAccount}
     */
    public List<ReplicationDestination> crossAccountDestinations(String sourceAccount) {
        return destinations().stream().filter(d -> !d.registryId().equals(sourceAccount)).toList();
    }

    /**
     * Every problem ECR would reject. {@code sourceAccount}/{@code sourceRegion} may be null or
     * unresolved; when known, a destination equal to the source registry is rejected.
     *
     * @param path where the replication is declared; every message starts with it
     * @param sourceAccount the account the images come from
     * @param sourceRegion the region the images come from
     * @return every problem ECR would reject
     */
    public List<String> problems(String path, String sourceAccount, String sourceRegion) {
        List<String> problems = new ArrayList<>();
        if (rules.isEmpty()) {
            problems.add(path + "rules is empty: a replication configuration needs at least one rule."
                    + " Hint: leave replication out instead");
        }
        if (rules.size() > MAX_RULES) {
            problems.add(path + "rules has " + rules.size() + " rules: ECR accepts at most " + MAX_RULES
                    + " replication rules a registry. Hint: merge rules that share destinations");
        }
        List<ReplicationDestination> unique = destinations();
        if (unique.size() > MAX_UNIQUE_DESTINATIONS) {
            problems.add(path + "rules name " + unique.size() + " unique destinations: ECR accepts at most "
                    + MAX_UNIQUE_DESTINATIONS + " across all rules. Hint: replicate to fewer account/region pairs");
        }
        for (int r = 0; r < rules.size(); r++) {
            RegistryReplicationRule rule = rules.get(r);
            String at = path + "rules[" + r + "]";
            if (rule.destinations().isEmpty()) {
                problems.add(at + ".destinations is empty: a rule needs at least one destination."
                        + " Hint: e.g. ReplicationDestination.of(\"eu-central-1\", \"222222222222\")");
            }
            for (int d = 0; d < rule.destinations().size(); d++) {
                ReplicationDestination dest = rule.destinations().get(d);
                String dat = at + ".destinations[" + d + "]";
                RegistryValidation.checkRegion(problems, dat + ".region", dest.region());
                RegistryValidation.checkAccount(problems, dat + ".registryId", dest.registryId());
                if (known(sourceAccount) && known(sourceRegion)
                        && sourceAccount.equals(dest.registryId()) && sourceRegion.equals(dest.region())) {
                    problems.add(dat + " " + dest + " is the source registry itself: ECR cannot replicate a registry"
                            + " into itself. Hint: choose another region or account");
                }
            }
            if (rule.prefixFilters().size() > MAX_FILTERS_PER_RULE) {
                problems.add(at + ".prefixFilters has " + rule.prefixFilters().size() + " filters: ECR accepts at most "
                        + MAX_FILTERS_PER_RULE + " filters a rule. Hint: use a shorter common prefix, e.g. \"shop/prod\"");
            }
            for (int f = 0; f < rule.prefixFilters().size(); f++) {
                String filter = rule.prefixFilters().get(f);
                if (Tokens.isUnresolved(filter)) {
                    continue;
                }
                if (filter == null || filter.length() < 2 || filter.length() > 256 || !FILTER.matcher(filter).matches()) {
                    problems.add(at + ".prefixFilters[" + f + "] \"" + filter + "\" is invalid: must be a repository-name"
                            + " prefix of 2 to 256 lowercase letters, digits, . _ - and / (ECR PREFIX_MATCH filter)."
                            + " Hint: e.g. \"shop/prod/\"");
                }
            }
        }
        return problems;
    }

    private static boolean known(String value) {
        return value != null && !Tokens.isUnresolved(value);
    }

    /**
     * Builds {@link RegistryReplicationProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private final List<RegistryReplicationRule> rules = new ArrayList<>();

        /**
         * Adds a rule. Required: at least one, at most 10.
         *
         * @param rule the replication rule
         * @return this builder
         */
        public Builder rule(RegistryReplicationRule rule) {
            rules.add(rule);
            return this;
        }

        /**
         * The rules, 1 to 10, at most 25 unique destinations across them. Required: at least one.
         *
         * @param rules the value of {@code rules}
         * @return this builder
         */
        public Builder rules(List<RegistryReplicationRule> rules) {
            this.rules.addAll(rules);
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public RegistryReplicationProps build() {
            return new RegistryReplicationProps(rules);
        }
    }
}
