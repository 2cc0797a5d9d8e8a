package constructs.access;

import constructs.internal.RoleLimits;
import constructs.internal.Tokens;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.CfnOIDCProvider;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The account's IAM OIDC identity provider for one GitLab instance ({@code https://gitlab.com} or a self-managed
 * URL), as the native {@code AWS::IAM::OIDCProvider}. IAM allows one provider per URL and account: create it once,
 * in the account stack; roles trust it by its deterministic ARN ({@link #arnInAccount}). The audience is the
 * instance URL, the value GitLab's documentation gives the job's {@code id_tokens} {@code aud}.
 *
 * <p>Source: https://docs.gitlab.com/ci/cloud_services/aws/
 */
public class GitLabOidcProvider extends Construct {

    /** GitLab's SaaS instance. */
    public static final String GITLAB_COM = "https://gitlab.com";

    private static final Pattern URL = Pattern.compile("https://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~-]+)*");

    private final CfnOIDCProvider resource;

    /**
     * Creates the provider of {@code url}.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param url the GitLab instance URL, its OIDC issuer, e.g. {@value #GITLAB_COM}
     */
    public GitLabOidcProvider(Construct scope, String id, String url) {
        super(scope, id);
        List<String> problems = new ArrayList<>();
        validateUrl("url", url, problems);
        RoleLimits.throwIfAny("GitLabOidcProvider " + getNode().getPath(), problems);
        this.resource = CfnOIDCProvider.Builder.create(this, "Resource")
                .url(url)
                .clientIdList(List.of(url))
                .build();
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
     * The issuer without scheme: the suffix of the provider's ARN and the prefix of its condition keys
     * ({@code gitlab.com:sub}).
     *
     * @param url the GitLab instance URL
     * @return the issuer host (and path)
     */
    public static String issuer(String url) {
        return url.substring("https://".length());
    }

    /**
     * The ARN the provider of {@code url} has in {@code account}: {@code arn:<partition>:iam::<account>:oidc-provider/<host>}.
     *
     * @param account the AWS account id (12 digits)
     * @param url the GitLab instance URL
     * @return the provider's ARN
     */
    public static String arnInAccount(String account, String url) {
        return "arn:" + Aws.PARTITION + ":iam::" + account + ":oidc-provider/" + issuer(url);
    }

    static void validateUrl(String field, String url, List<String> problems) {
        if (url == null || (!Tokens.isUnresolved(url) && !URL.matcher(url).matches())) {
            problems.add(field + " \"" + url + "\" is invalid: must be the https URL of the GitLab instance, without a "
                    + "trailing slash, query or fragment. Hint: \"" + GITLAB_COM + "\"");
        }
    }
}
