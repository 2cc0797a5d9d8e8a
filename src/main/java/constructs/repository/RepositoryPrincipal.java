package constructs.repository;

import limits.AwsFormats;
import constructs.internal.Tokens;


import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a repository policy lets in. Every kind renders without naming a role directly: ECR rejects a
 * policy whose principal is a role that does not exist (yet), so roles are named through their account
 * root plus an {@code aws:PrincipalArn} condition, and the first deploy succeeds whatever order the
 * accounts deploy in.
 */
public sealed interface RepositoryPrincipal {

    /**
     * Short stable text used in statement ids and messages.
     *
     * @return the description
     */
    String describe();

    /**
     * Problems with the value, each naming it; empty when valid or an unresolved token.
     *
     * @return the problems, empty when valid
     */
    List<String> problems();

    /**
     * Every principal of another account (the account's IAM policies decide who inside it).
     *
     * @param accountId the AWS account id (12 digits)
     * @return every principal of another account (the account's IAM policies decide who inside it)
     */
    static RepositoryPrincipal account(String accountId) {
        return new Account(accountId);
    }

    /**
     * One role, or roles matching a wildcard ARN such as {@code arn:aws:iam::111122223333:role/ci-*};
     * the role need not exist yet.
     *
     * @param roleArn the ARN of the IAM role
     * @return one role, or roles matching a wildcard ARN such as {@code arn:aws:iam::111122223333:role/ci-*}
     */
    static RepositoryPrincipal role(String roleArn) {
        return new Role(roleArn);
    }

    /**
     * Every principal of an AWS Organizations organisation, e.g. {@code o-a1b2c3d4e5}.
     *
     * @param organizationId the organisation id
     * @return the principal
     */
    static RepositoryPrincipal organization(String organizationId) {
        return new Organization(organizationId);
    }

    /**
     * Lambda functions of an account running container images from the repository (pull only). The
     * functions must be in the repository's region.
     *
     * @param accountId the AWS account id (12 digits)
     * @return the principal
     */
    static RepositoryPrincipal lambdaFunctions(String accountId) {
        return new LambdaFunctions(accountId, null);
    }

    /**
     * As {@link #lambdaFunctions(String)}, with the functions' region stated so that it is checked.
     *
     * @param accountId the AWS account id (12 digits)
     * @param functionRegion the functions' region
     * @return the principal
     */
    static RepositoryPrincipal lambdaFunctions(String accountId, String functionRegion) {
        return new LambdaFunctions(accountId, functionRegion);
    }

    /** A 12-digit account id. */
    Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    /** An IAM role ARN; groups: partition, account, role path and name. */
    Pattern ROLE_ARN = Pattern.compile("arn:(aws[a-z-]*):iam::(\\d{12}):role/([\\w+=,.@/*?-]{1,512})");
    /** An AWS Organizations organisation id. */
    Pattern ORGANIZATION_ID = Pattern.compile(AwsFormats.ORGANIZATION_ID);

    private static void checkAccount(String field, String accountId, List<String> problems) {
        if (accountId == null || accountId.isBlank()) {
            problems.add(field + " is required: the 12-digit id of the account. Hint: use \"111122223333\"");
        } else if (Tokens.isUnresolved(accountId)) {
            problems.add(field + " \"" + accountId + "\" is unresolved: write the account id out, the repository "
                    + "policy and its statement ids are rendered at synth time. Hint: use \"111122223333\"");
        } else if (!ACCOUNT_ID.matcher(accountId).matches()) {
            problems.add(field + " \"" + accountId + "\" is invalid: must be a 12-digit AWS account id. "
                    + "Hint: use \"111122223333\"");
        }
    }

    /**
     * Every principal of an account.
     *
     * @param accountId the account id
     */
    record Account(String accountId) implements RepositoryPrincipal {
        @Override
        public String describe() {
            return "account " + accountId;
        }

        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            checkAccount("account", accountId, problems);
            return problems;
        }
    }

    /**
     * One role, named through its account root and an {@code aws:PrincipalArn} condition.
     *
     * @param roleArn the role ARN
     */
    record Role(String roleArn) implements RepositoryPrincipal {
        @Override
        public String describe() {
            return "role " + roleArn;
        }

        /**
         * Whether the ARN has a wildcard.
         *
         * @return whether it has {@code *} or {@code ?}
         */
        public boolean isWildcard() {
            return roleArn.contains("*") || roleArn.contains("?");
        }

        /**
         * The partition written in the ARN.
         *
         * @return the partition written in the ARN
         */
        public String partition() {
            return matcher().group(1);
        }

        /**
         * The account written in the ARN.
         *
         * @return the account written in the ARN
         */
        public String accountId() {
            return matcher().group(2);
        }

        private Matcher matcher() {
            Matcher m = ROLE_ARN.matcher(roleArn);
            if (!m.matches()) {
                throw new IllegalStateException("unvalidated role ARN " + roleArn);
            }
            return m;
        }

        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (roleArn == null || roleArn.isBlank()) {
                problems.add("role is required: the ARN of the role. "
                        + "Hint: use \"arn:aws:iam::111122223333:role/ci-publisher\"");
            } else if (Tokens.isUnresolved(roleArn)) {
                problems.add("role \"" + roleArn + "\" is unresolved: the ARN must be known at synth time "
                        + "because the policy names its account. Hint: write the ARN out, e.g. "
                        + "\"arn:aws:iam::111122223333:role/ci-publisher\"");
            } else if (!ROLE_ARN.matcher(roleArn).matches()) {
                problems.add("role \"" + roleArn + "\" is invalid: must be an IAM role ARN "
                        + "arn:<partition>:iam::<12-digit account>:role/<path and name> (wildcards only in the "
                        + "path and name). Hint: use \"arn:aws:iam::111122223333:role/ci-publisher\"");
            }
            return problems;
        }
    }

    /**
     * Every principal of an organisation.
     *
     * @param organizationId the organisation id
     */
    record Organization(String organizationId) implements RepositoryPrincipal {
        @Override
        public String describe() {
            return "organization " + organizationId;
        }

        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (organizationId == null || organizationId.isBlank()) {
                problems.add("organization is required: the AWS Organizations id. Hint: use \"o-a1b2c3d4e5\"");
            } else if (!ORGANIZATION_ID.matcher(organizationId).matches()) {
                problems.add("organization \"" + organizationId + "\" is invalid: must be \"o-\" followed by 10 to "
                        + "32 lowercase letters or digits. Hint: use \"o-a1b2c3d4e5\"");
            }
            return problems;
        }
    }

    /**
     * Lambda functions of an account.
     *
     * @param accountId the account id
     * @param functionRegion the functions' region, or {@code null} when not stated
     */
    record LambdaFunctions(String accountId, String functionRegion) implements RepositoryPrincipal {
        @Override
        public String describe() {
            return "Lambda functions of account " + accountId;
        }

        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            checkAccount("lambdaFunctions", accountId, problems);
            return problems;
        }
    }
}
