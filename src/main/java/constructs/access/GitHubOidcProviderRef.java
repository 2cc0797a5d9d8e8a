package constructs.access;

/**
 * A GitHub OIDC provider that exists already, known by its ARN.
 *
 * @param providerArn {@code arn:<partition>:iam::<account>:oidc-provider/token.actions.githubusercontent.com}
 */
public record GitHubOidcProviderRef(String providerArn) {
}
