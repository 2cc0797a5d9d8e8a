package constructs.registry;

import java.util.List;

/**
 * Properties of a {@link SigningConfiguration}: the registry's managed-signing rules.
 *
 * @param rules at most 10 (ECR API reference, SigningConfiguration)
 */
public record SigningConfigurationProps(List<Rule> rules) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param rules at most 10 (ECR API reference, SigningConfiguration)
     */
    public SigningConfigurationProps {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /**
     * Props with these rules.
     *
     * @param rules the signing rules
     * @return the props
     */
    public static SigningConfigurationProps of(Rule... rules) {
        return new SigningConfigurationProps(List.of(rules));
    }

    /**
     * Images pushed to repositories matching any filter are signed with the AWS Signer profile.
     *
     * @param signingProfileArn {@code arn:aws:signer:<region>:<account>:/signing-profiles/<name>}
     * @param repositoryFilters WILDCARD_MATCH filters (1 to 100); none signs every image of the registry
     */
    public record Rule(String signingProfileArn, List<String> repositoryFilters) {
        /**
         * Copies the filters.
         *
         * @param signingProfileArn {@code arn:aws:signer:<region>:<account>:/signing-profiles/<name>}
         * @param repositoryFilters WILDCARD_MATCH filters (1 to 100); none signs every image of the registry
         */
        public Rule {
            repositoryFilters = repositoryFilters == null ? List.of() : List.copyOf(repositoryFilters);
        }
    }
}
