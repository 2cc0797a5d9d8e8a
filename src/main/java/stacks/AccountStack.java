package stacks;

import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import constructs.access.GitHubOidcProvider;
import constructs.access.GitLabOidcProvider;
import software.constructs.Construct;


/**
 * Global IAM, exactly once per account: IAM is not regional, so two environments or regions in
 * one account must never both create it.
 */
public class AccountStack extends Stack {

    /**
     * The account stack of {@code account} (its region holds the stack; IAM is global).
     *
     * @param scope the parent construct
     * @param id the stack id
     * @param account the AWS account id (12 digits)
     * @param region the AWS region of the stack
     */
    public AccountStack(Construct scope, String id, String account, String region) {
        this(scope, id, account, region, true, null);
    }

    /**
     * The account stack of {@code account} with the OIDC providers the platform creates there.
     *
     * @param scope the parent construct
     * @param id the stack id
     * @param account the AWS account id (12 digits)
     * @param region the AWS region of the stack
     * @param githubOidcProvider whether to create the GitHub Actions OIDC provider
     * @param gitlabUrl the GitLab instance whose OIDC provider to create, or null for none
     */
    public AccountStack(Construct scope, String id, String account, String region, boolean githubOidcProvider, String gitlabUrl) {
        super(scope, id, StackProps.builder()
                .stackName(id)
                .env(Environment.builder().account(account).region(region).build())
                .description("ecr-blueprint: account-wide IAM for account " + account)
                .build());
        // The native AWS::IAM::OIDCProvider, not the custom-resource Lambda behind iam.OpenIdConnectProvider.
        if (githubOidcProvider) {
            new GitHubOidcProvider(this, "GitHubOidcProvider");
        }
        if (gitlabUrl != null) {
            new GitLabOidcProvider(this, "GitLabOidcProvider", gitlabUrl);
        }
    }
}
