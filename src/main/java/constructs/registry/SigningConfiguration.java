package constructs.registry;

import limits.AwsFormats;
import limits.AwsLimits;
import software.amazon.awscdk.services.ecr.CfnSigningConfiguration;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Managed image signing for a registry ({@code AWS::ECR::SigningConfiguration}): one per account and
 * region, owned by the registry stack. ECR signs as the pushing identity, so every pusher of a
 * matching repository also needs {@code signer:SignPayload} on the rule's profile
 * ({@link #SIGN_ACTION}), and nothing more.
 */
public class SigningConfiguration extends Construct {

    /** Limits and patterns of the ECR API reference (SigningConfiguration, SigningRule, SigningRepositoryFilter). */
    public static final int MAX_RULES = AwsLimits.ECR_SIGNING_RULES;
    /** At most this many repository filters in one signing rule (ECR API reference). */
    public static final int MAX_FILTERS_PER_RULE = AwsLimits.ECR_FILTERS_PER_RULE;
    static final Pattern PROFILE_ARN = Pattern.compile(AwsFormats.SIGNING_PROFILE_ARN);
    static final Pattern FILTER = Pattern.compile(AwsFormats.WILDCARD_FILTER);

    /**
     * What a pusher needs on the signing profile when ECR signs on its behalf.
     * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/managed-signing.html
     */
    public static final String SIGN_ACTION = "signer:SignPayload";

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public SigningConfiguration(Construct scope, String id, SigningConfigurationProps props) {
        super(scope, id);
        validate(props);
        CfnSigningConfiguration.Builder.create(this, "Resource")
                .rules(props.rules().stream().map(rule -> {
                    var builder = CfnSigningConfiguration.RuleProperty.builder().signingProfileArn(rule.signingProfileArn());
                    if (!rule.repositoryFilters().isEmpty()) {
                        builder.repositoryFilters(rule.repositoryFilters().stream()
                                .map(f -> (Object) CfnSigningConfiguration.RepositoryFilterProperty.builder()
                                        .filter(f).filterType("WILDCARD_MATCH").build())
                                .toList());
                    }
                    return (Object) builder.build();
                }).toList())
                .build();
    }

    static void validate(SigningConfigurationProps props) {
        List<String> problems = new ArrayList<>();
        if (props.rules().isEmpty()) {
            problems.add("rules is empty: a signing configuration without rules signs nothing. Hint: add a rule or drop signing");
        }
        if (props.rules().size() > MAX_RULES) {
            problems.add("rules has " + props.rules().size() + " entries: ECR accepts at most " + MAX_RULES
                    + " signing rules a registry. Hint: merge rules that share a signing profile");
        }
        for (int i = 0; i < props.rules().size(); i++) {
            var rule = props.rules().get(i);
            String at = "rules[" + i + "]";
            String arn = rule.signingProfileArn();
            if (arn == null || arn.length() > 200 || !PROFILE_ARN.matcher(arn).matches()) {
                problems.add(at + ".signingProfileArn \"" + arn + "\" is not an AWS Signer profile ARN: expected"
                        + " arn:aws:signer:<region>:<account>:/signing-profiles/<name> (name of 2 or more letters, digits, _)");
            }
            if (rule.repositoryFilters().size() > MAX_FILTERS_PER_RULE) {
                problems.add(at + ".repositoryFilters has " + rule.repositoryFilters().size() + " entries: at most "
                        + MAX_FILTERS_PER_RULE + " a rule. Hint: use a wildcard prefix such as \"shop/prod/*\"");
            }
            for (int j = 0; j < rule.repositoryFilters().size(); j++) {
                String filter = rule.repositoryFilters().get(j);
                if (filter == null || filter.isEmpty() || filter.length() > AwsLimits.ECR_SIGNING_FILTER || !FILTER.matcher(filter).matches()) {
                    problems.add(at + ".repositoryFilters[" + j + "] \"" + filter + "\" is not a WILDCARD_MATCH filter:"
                            + " lowercase repository-name segments with '*' wildcards, 1 to " + AwsLimits.ECR_SIGNING_FILTER + " characters, e.g. \"shop/prod/*\"");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("SigningConfiguration: " + String.join("; ", problems));
        }
    }
}
