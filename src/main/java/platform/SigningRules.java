package platform;

import limits.AwsLimits;

import java.util.List;

/**
 * The {@code registry.signing} filters ECR's signing configuration rejects beyond their format (which the schema
 * pattern checks): more filters than a signing rule takes, and a filter longer than ECR accepts. The stacks write the
 * file's signing as one rule ({@code constructs.registry.SigningConfiguration} checks the same limits).
 */
final class SigningRules {

    private SigningRules() {
    }

    static void check(Platform platform, Problems problems) {
        Signing signing = platform.registry().signing();
        if (signing == null || problems.reportedAtOrBelow("registry.signing.filters")) {
            return;
        }
        List<String> filters = signing.filters();
        if (filters.size() > AwsLimits.ECR_SIGNING_FILTERS_PER_RULE) {
            problems.add("registry.signing.filters", filters.size() + " filters exceed ECR's limit of "
                            + AwsLimits.ECR_SIGNING_FILTERS_PER_RULE + " a signing rule",
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
