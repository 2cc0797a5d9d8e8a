package platform;

import limits.AwsLimits;

import java.util.List;
import java.util.Set;

/**
 * The rules of {@code registry.signing}: a signing profile the stacks can grant to every pushing account, and the filters
 * ECR's signing configuration rejects beyond their format: more than a signing rule takes, or longer than ECR accepts.
 * The stacks write the file's signing as one rule ({@code constructs.registry.SigningConfiguration} checks the same limits).
 */
final class SigningRules extends SectionRules {

    SigningRules(Platform platform, Problems problems) {
        super(platform, problems);
    }

    @Override
    void check() {
        signing();
        filters();
    }

    /**
     * ECR signs as the pushing identity, so every account that pushes (the first environment's publishers, each
     * promotion target's promoter) needs signer:SignPayload on the profile, granted by a profile permission in the
     * profile's account. The stacks create it only where the platform deploys to that account and region.
     */
    private void signing() {
        Signing signing = platform.registry().signing();
        if (signing == null || signing.profileArn() == null || !signing.profileArn().matches("arn:aws[a-z-]*:signer:[a-z0-9-]+:\\d{12}:.*")) {
            return;
        }
        String[] arn = signing.profileArn().split(":");
        String region = arn[3];
        String account = arn[4];
        boolean owned = platform.environments().stream()
                .anyMatch(e -> account.equals(e.account()) && region.equals(e.region()));
        Set<String> pushers = platform.signingAccounts();
        pushers.remove(account);
        if (!owned && !pushers.isEmpty()) {
            problems.add("registry.signing.profileArn", "signing profile " + signing.profileArn() + " is in account " + account
                            + " and region " + region + ", where no environment deploys, so the stacks cannot grant the pushing "
                            + "accounts " + pushers + " signer:SignPayload on it (an AWS::Signer::ProfilePermission in the "
                            + "profile's account)",
                    "use a signing profile in the account and region of an environment, or grant it there by hand "
                            + "(aws signer add-profile-permission --action signer:SignPayload --principal <account>) and use "
                            + "a profile of a pushing account");
        }
    }

    /** More filters than a signing rule takes, or a filter longer than ECR accepts (the pattern checks the format). */
    private void filters() {
        Signing signing = platform.registry().signing();
        if (signing == null || problems.reportedAtOrBelow("registry.signing.filters")) {
            return;
        }
        List<String> filters = signing.filters();
        if (filters.size() > AwsLimits.ECR_FILTERS_PER_RULE) {
            problems.add("registry.signing.filters", filters.size() + " filters exceed ECR's limit of "
                            + AwsLimits.ECR_FILTERS_PER_RULE + " a signing rule",
                    "use wildcard prefixes such as \"" + platform.name() + "/prod/*\", or leave filters out to sign every"
                            + " repository of the platform");
        }
        for (int i = 0; i < filters.size(); i++) {
            String filter = filters.get(i);
            if (filter != null && filter.length() > AwsLimits.ECR_SIGNING_FILTER) {
                problems.add("registry.signing.filters[" + i + "]", "filter has " + filter.length() + " characters, more"
                        + " than ECR's " + AwsLimits.ECR_SIGNING_FILTER, "shorten it with a * wildcard, e.g. \""
                        + platform.name() + "/prod/*\"");
            }
        }
    }
}
