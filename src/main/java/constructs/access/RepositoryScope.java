package constructs.access;

import constructs.internal.Tokens;

import software.amazon.awscdk.Aws;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The repositories one policy statement covers: every repository ARN, or, when listing them would
 * push the managed policy past IAM's 6,144 characters (a managed policy's limit), the
 * environment's repository-name prefix ({@code arn:...:repository/<platform>/<env>/*}).
 *
 * <p>The prefix is a fallback, not a choice: the role construct lists the ARNs whenever they fit and
 * switches to the prefix only when they do not (with a granular AwsSolutions-IAM5 suppression).
 * Environments that share an account never share a prefix because repository names start with
 * {@code <platform>/<env>/}.
 *
 * @param repositoryArns the repositories, as ARN strings (a repository construct's
 *                       {@code getRepositoryArn()} is fine); at least one
 * @param prefixArn      the fallback, ending in {@code /*}; {@code null}: no fallback, and a policy that
 *                       does not fit fails synthesis
 */
public record RepositoryScope(List<String> repositoryArns, String prefixArn) {

    private static final Pattern REPOSITORY_ARN = Pattern.compile(
            "arn:aws[a-z-]*:ecr:[a-z0-9-]+:\\d{12}:repository/[a-z0-9]+(?:[._/-][a-z0-9]+)*");
    private static final Pattern PREFIX_ARN = Pattern.compile(
            "arn:aws[a-z-]*:ecr:[a-z0-9-]+:\\d{12}:repository/[a-z0-9]+(?:[._/-][a-z0-9]+)*/\\*");

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param repositoryArns the repositories, as ARN strings (a repository construct's {@code getRepositoryArn()} is fine); at least one
     * @param prefixArn the fallback, ending in {@code /*}; {@code null}: no fallback, and a policy that does not fit fails synthesis
     */
    public RepositoryScope {
        repositoryArns = repositoryArns == null ? List.of() : List.copyOf(repositoryArns);
    }

    /**
     * Every ARN listed, no fallback.
     *
     * @param repositoryArns the ARNs of the repositories
     * @return every ARN listed, no fallback
     */
    public static RepositoryScope of(List<String> repositoryArns) {
        return new RepositoryScope(repositoryArns, null);
    }

    /**
     * Every ARN listed while the policy fits, else {@code prefixArn}.
     *
     * @param repositoryArns the ARNs of the repositories
     * @param prefixArn the ARN with a wildcard that covers every repository of the list (e.g. {@code .../repository/shop/prod/*})
     * @return every ARN listed while the policy fits, else {@code prefixArn}
     */
    public static RepositoryScope of(List<String> repositoryArns, String prefixArn) {
        return new RepositoryScope(repositoryArns, prefixArn);
    }

    /**
     * The prefix ARN {@code arn:<partition>:ecr:<region>:<account>:repository/<namePrefix>*}, the
     * partition resolved at deploy time.
     *
     * @param namePrefix the repository-name prefix ending in "/", e.g. {@code shop/dev/}
     * @param account the AWS account id (12 digits)
     * @param region the AWS region, e.g. {@code eu-west-1}
     * @return the prefix ARN {@code arn:<partition>:ecr:<region>:<account>:repository/<namePrefix>*}, the partition resolved at deploy time
     */
    public static String prefixArn(String account, String region, String namePrefix) {
        return "arn:" + Aws.PARTITION + ":ecr:" + region + ":" + account + ":repository/" + namePrefix + "*";
    }

    /**
     * A repository's ARN from its name, {@code arn:<partition>:ecr:<region>:<account>:repository/<name>}: for
     * a repository of another stack or account (a promoter's source), where a construct reference would be a
     * cross-stack (or impossible cross-account) reference.
     *
     * @param account the AWS account id (12 digits)
     * @param region the AWS region, e.g. {@code eu-west-1}
     * @param repositoryName the repository name
     * @return a repository's ARN from its name, {@code arn:<partition>:ecr:<region>:<account>:repository/<name>}
     */
    public static String repositoryArn(String account, String region, String repositoryName) {
        return "arn:" + Aws.PARTITION + ":ecr:" + region + ":" + account + ":repository/" + repositoryName;
    }

    boolean hasPrefix() {
        return prefixArn != null;
    }

    /** Adds a problem for every malformed ARN; {@code field} names the props field. */
    void validate(String field, List<String> problems) {
        if (repositoryArns.isEmpty()) {
            problems.add(field + " is empty: a role must be granted at least one repository. Hint: pass the "
                    + "repository construct's getRepositoryArn()");
        }
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < repositoryArns.size(); i++) {
            String arn = repositoryArns.get(i);
            if (arn == null || Tokens.isUnresolved(arn)) {
                continue;
            }
            if (!REPOSITORY_ARN.matcher(arn).matches()) {
                problems.add(field + "[" + i + "] \"" + arn + "\" is invalid: must be one repository's ARN, "
                        + "without wildcards. Hint: \"arn:aws:ecr:eu-west-1:111111111111:repository/shop/dev/api\"");
            }
            if (seen.contains(arn)) {
                problems.add(field + "[" + i + "] \"" + arn + "\" is listed twice. Hint: list each repository once");
            }
            seen.add(arn);
        }
        // The partition is the one token prefixArn(...) itself puts in; anything else unresolved is skipped.
        String candidate = prefixArn == null ? null : prefixArn.replace(Aws.PARTITION, "aws");
        if (candidate != null && !Tokens.isUnresolved(candidate) && !PREFIX_ARN.matcher(candidate).matches()) {
            problems.add(field + " prefix \"" + prefixArn + "\" is invalid: must be a repository ARN prefix ending in "
                    + "\"/*\". Hint: RepositoryScope.prefixArn(account, region, \"shop/dev/\")");
        }
    }
}
