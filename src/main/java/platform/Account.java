package platform;

/** What already exists in one AWS account of the platform, for account-wide (global IAM) resources. */
public record Account(
        @Field(required = true, pattern = NameFormats.ACCOUNT, value = "The 12-digit AWS account id, quoted; one of the environments' accounts.")
        String account,
        @Field("created: the account stack <platform>-account-<account> creates the GitHub Actions OIDC provider; existing: it is"
                + " there already (IAM allows one per account) and roles trust it by its ARN"
                + " arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com. Default: created.")
        ProviderOwnership githubOidcProvider,
        @Field("created: the account stack creates the GitLab OIDC provider of the gitlab publishers' instance (gitlabUrl);"
                + " existing: it is there already and roles trust it by its ARN arn:aws:iam::<account>:oidc-provider/<host>."
                + " Default: created.")
        ProviderOwnership gitlabOidcProvider) {

    /**
     * Applies the default ownership.
     *
     * @param account the 12-digit AWS account id
     * @param githubOidcProvider whether the GitHub Actions OIDC provider is created here or exists. Default: created
     * @param gitlabOidcProvider whether the GitLab OIDC provider is created here or exists. Default: created
     */
    public Account {
        githubOidcProvider = githubOidcProvider == null ? ProviderOwnership.CREATED : githubOidcProvider;
        gitlabOidcProvider = gitlabOidcProvider == null ? ProviderOwnership.CREATED : gitlabOidcProvider;
    }

    /**
     * The constructor of 0.2.0, without {@code gitlabOidcProvider}: it takes its default.
     *
     * @param account see the record components
     * @param githubOidcProvider see the record components
     * @deprecated use the canonical constructor
     */
    @Deprecated
    public Account(String account, ProviderOwnership githubOidcProvider) {
        this(account, githubOidcProvider, null);
    }
}
