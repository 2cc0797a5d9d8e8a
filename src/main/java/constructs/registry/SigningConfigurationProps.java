package constructs.registry;

import java.util.List;

/**
 * Properties of a {@link SigningConfiguration}: the registry's managed-signing rules.
 *
 * @param rules at most 10 (ECR API reference, SigningConfiguration)
 */
public record SigningConfigurationProps(List<Rule> rules) {

    public SigningConfigurationProps {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

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
        public Rule {
            repositoryFilters = repositoryFilters == null ? List.of() : List.copyOf(repositoryFilters);
        }
    }
}
