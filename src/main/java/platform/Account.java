package platform;

/** What already exists in one AWS account of the platform, for account-wide (global IAM) resources. */
public record Account(
        @Field(required = true, pattern = Names.ACCOUNT, value = "The 12-digit AWS account id, quoted; one of the environments' accounts.")
        String account,
        @Field("created: the account stack <platform>-account-<account> creates the GitHub Actions OIDC provider; existing: it is"
                + " there already (IAM allows one per account) and roles trust it by its ARN"
                + " arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com. Default: created.")
        ProviderOwnership githubOidcProvider) {

    /**
     * Applies the default ownership.
     *
     * @param account the 12-digit AWS account id
     * @param githubOidcProvider whether the GitHub Actions OIDC provider is created here or exists. Default: created
     */
    public Account {
        githubOidcProvider = githubOidcProvider == null ? ProviderOwnership.CREATED : githubOidcProvider;
    }
}
