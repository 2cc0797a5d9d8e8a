package stacks;

/**
 * Stack names are API from the first release: renaming a stack makes CloudFormation create a new
 * one and orphan (or delete) the old one's resources. Every name is derived here and nowhere else.
 */
public final class StackNames {

    private StackNames() {
    }

    /**
     * One stack per environment: repositories, keys, roles, alerts, endpoints.
     *
     * @param platform the platform name, as in the platform file
     * @param environment the environment name, as in the platform file
     * @return one stack per environment
     */
    public static String environment(String platform, String environment) {
        return platform + "-" + environment;
    }

    /**
     * One stack per account and region: registry-wide singletons (scanning, replication, caches, ...).
     *
     * @param platform the platform name, as in the platform file
     * @param account the AWS account id (12 digits)
     * @param region the AWS region, e.g. {@code eu-west-1}
     * @return one stack per account and region
     */
    public static String registry(String platform, String account, String region) {
        return platform + "-registry-" + account + "-" + region;
    }

    /**
     * The ECR Public repositories, in us-east-1 in the release environment's account.
     *
     * @param platform the platform name, as in the platform file
     * @param account the AWS account id (12 digits)
     * @return the ECR Public repositories, in us-east-1 in the release environment's account
     */
    public static String publicRepositories(String platform, String account) {
        return platform + "-public-" + account;
    }

    /**
     * One stack per account: global IAM (the GitHub OIDC provider).
     *
     * @param platform the platform name, as in the platform file
     * @param account the AWS account id (12 digits)
     * @return one stack per account
     */
    public static String account(String platform, String account) {
        return platform + "-account-" + account;
    }
}
