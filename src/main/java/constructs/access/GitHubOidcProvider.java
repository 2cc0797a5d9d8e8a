package constructs.access;

import constructs.internal.RoleLimits;
import constructs.internal.Tokens;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Resource;
import software.amazon.awscdk.interfaces.iam.OIDCProviderReference;
import software.amazon.awscdk.services.iam.CfnOIDCProvider;
import software.amazon.awscdk.services.iam.IOidcProvider;
import software.amazon.awscdk.services.iam.IOpenIdConnectProvider;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The account's IAM OIDC identity provider for GitHub Actions, as the native
 * {@code AWS::IAM::OIDCProvider} (no custom-resource Lambda). IAM is global and allows one provider
 * per URL and account: create it once, in the account stack; every role that trusts it refers to it
 * by its deterministic ARN ({@link #arnInAccount(String)}), never by a cross-stack reference.
 *
 * <p>It is an aws-cdk-lib {@link IOpenIdConnectProvider} (and {@link IOidcProvider}, the interface of aws-cdk-lib's
 * native {@code OidcProviderNative}), so it can be passed wherever aws-cdk-lib takes one:
 * {@code new OpenIdConnectPrincipal(provider)}, or the {@code oidcProvider} of this toolkit's role props.
 *
 * <p>An account that already has the provider (created by hand or by another tool) does not create it
 * again: use {@link #fromArn(String)} or simply {@link #arnInAccount(String)}.
 *
 * <p>Source: https://docs.github.com/en/actions/how-tos/secure-your-work/security-harden-deployments/oidc-in-aws
 */
public class GitHubOidcProvider extends Resource implements IOpenIdConnectProvider, IOidcProvider {

    /** GitHub's token issuer. */
    public static final String URL = "https://token.actions.githubusercontent.com";

    /** The issuer without scheme: the provider ARN's suffix and the prefix of its condition keys. */
    public static final String ISSUER = "token.actions.githubusercontent.com";

    /** The audience aws-actions/configure-aws-credentials requests. */
    public static final String AUDIENCE = "sts.amazonaws.com";

    private static final Pattern PROVIDER_ARN = Pattern.compile(
            "arn:aws[a-z-]*:iam::\\d{12}:oidc-provider/" + Pattern.quote(ISSUER));

    private final CfnOIDCProvider resource;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public GitHubOidcProvider(Construct scope, String id, GitHubOidcProviderProps props) {
        super(scope, id);
        var builder = CfnOIDCProvider.Builder.create(this, "Resource")
                .url(URL)
                .clientIdList(List.of(AUDIENCE));
        if (!props.thumbprints().isEmpty()) {
            builder.thumbprintList(props.thumbprints());
        }
        this.resource = builder.build();
    }

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     */
    public GitHubOidcProvider(Construct scope, String id) {
        this(scope, id, GitHubOidcProviderProps.builder().build());
    }

    /**
     * The provider's ARN (a reference to the resource: use it only inside the account stack).
     *
     * @return the provider's ARN
     */
    public String getProviderArn() {
        return resource.getAttrArn();
    }

    /**
     * The provider's ARN, as aws-cdk-lib's {@link IOpenIdConnectProvider} names it (a reference to the resource: use
     * it only inside the account stack).
     *
     * @return the provider's ARN
     */
    @Override
    public String getOpenIdConnectProviderArn() {
        return getProviderArn();
    }

    /**
     * The issuer, {@value #ISSUER}: the prefix of the condition keys of roles that trust this provider.
     *
     * @return {@value #ISSUER}
     */
    @Override
    public String getOpenIdConnectProviderIssuer() {
        return ISSUER;
    }

    /**
     * The provider's ARN, as aws-cdk-lib's {@link IOidcProvider} names it.
     *
     * @return the provider's ARN
     */
    @Override
    public String getOidcProviderArn() {
        return getProviderArn();
    }

    /**
     * The issuer, as aws-cdk-lib's {@link IOidcProvider} names it.
     *
     * @return {@value #ISSUER}
     */
    @Override
    public String getOidcProviderIssuer() {
        return ISSUER;
    }

    /**
     * A reference to the {@code AWS::IAM::OIDCProvider}, for aws-cdk-lib APIs that take an {@code IOIDCProviderRef}.
     *
     * @return the reference
     */
    @Override
    public OIDCProviderReference getOidcProviderRef() {
        return resource.getOidcProviderRef();
    }

    /**
     * The underlying CloudFormation resource.
     *
     * @return the {@code AWS::IAM::OIDCProvider}
     */
    public CfnOIDCProvider getResource() {
        return resource;
    }

    /**
     * The ARN every GitHub OIDC provider has in {@code account}:
     * {@code arn:<partition>:iam::<account>:oidc-provider/token.actions.githubusercontent.com}.
     *
     * @param account the AWS account id (12 digits)
     * @return the ARN every GitHub OIDC provider has in {@code account}
     */
    public static String arnInAccount(String account) {
        return "arn:" + Aws.PARTITION + ":iam::" + account + ":oidc-provider/" + ISSUER;
    }

    /**
     * An existing provider, by ARN; the ARN is checked to be GitHub's provider.
     *
     * @param providerArn the ARN of the account's GitHub OIDC provider
     * @return an existing provider, by ARN
     */
    public static GitHubOidcProviderRef fromArn(String providerArn) {
        List<String> problems = new ArrayList<>();
        validateArn("providerArn", providerArn, problems);
        RoleLimits.throwIfAny("GitHubOidcProvider.fromArn", problems);
        return new GitHubOidcProviderRef(providerArn);
    }

    static void validateArn(String field, String providerArn, List<String> problems) {
        if (providerArn == null || (!Tokens.isUnresolved(providerArn) && !PROVIDER_ARN.matcher(providerArn).matches())) {
            problems.add(field + " \"" + providerArn + "\" is invalid: must be the ARN of the account's OIDC provider "
                    + "for " + ISSUER + ". Hint: \"arn:aws:iam::111111111111:oidc-provider/" + ISSUER + "\"");
        }
    }
}
