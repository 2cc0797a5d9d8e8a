package constructs.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trust policy of a role that GitHub Actions assumes through the account's OIDC provider, and
 * the rules its {@code sub} claims follow.
 *
 * <p>{@code aud} is always {@code StringEquals sts.amazonaws.com}. {@code sub} is {@code StringEquals}
 * on the exact subjects; {@code StringLike} only when a subject holds a wildcard the caller explicitly
 * allowed, and never in the organisation part (that would trust every GitHub organisation).
 *
 * <p>Sources: https://docs.github.com/en/actions/reference/security/oidc#example-subject-claims ,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub
 */
public final class GitHubOidcProviderTrust {

    /** The condition key of the token's audience. */
    public static final String AUDIENCE_KEY = GitHubOidcProvider.ISSUER + ":aud";
    /** The condition key of the token's subject (repository, branch or environment). */
    public static final String SUBJECT_KEY = GitHubOidcProvider.ISSUER + ":sub";
    /** The action a GitHub OIDC token assumes a role with. */
    public static final String ASSUME_ACTION = "sts:AssumeRoleWithWebIdentity";

    private static final Pattern SUBJECT = Pattern.compile("repo:([^/:]*)/([^/:]+):(.+)");
    private static final Pattern CONTEXT = Pattern.compile("ref:refs/heads/.+|ref:refs/tags/.+|environment:.+");

    private GitHubOidcProviderTrust() {
    }

    /**
     * {@code repo:<organisation>/<repository>:ref:refs/heads/<branch>}.
     *
     * @param organisationAndRepository the GitHub repository, {@code <organisation>/<repository>}
     * @param branch the branch name, without {@code refs/heads/}
     * @return the {@code sub} claim GitHub puts in tokens of workflows on that branch
     */
    public static String branchSubject(String organisationAndRepository, String branch) {
        return "repo:" + organisationAndRepository + ":ref:refs/heads/" + branch;
    }

    /**
     * {@code repo:<organisation>/<repository>:environment:<environment>}.
     *
     * @param organisationAndRepository the GitHub repository, {@code <organisation>/<repository>}
     * @param environment the environment name, as in the platform file
     * @return the {@code sub} claim GitHub puts in tokens of jobs that use that GitHub environment
     */
    public static String environmentSubject(String organisationAndRepository, String environment) {
        return "repo:" + organisationAndRepository + ":environment:" + environment;
    }

    /**
     * Adds a problem for every subject that is malformed, has a wildcard in its organisation part,
     * has a wildcard that was not allowed, or names another context than a branch, a tag or an
     * environment (pull-request workflows must never push).
     *
     * @param requiredEnvironment when not null, every subject must be {@code environment:<it>}
     */
    static void validateSubjects(String field, List<String> subjects, boolean allowWildcards,
                                 String requiredEnvironment, List<String> problems) {
        if (subjects.isEmpty()) {
            problems.add(field + " is empty: the role must trust at least one GitHub repository and branch or "
                    + "environment. Hint: \"repo:my-org/shop-api:ref:refs/heads/main\"");
            return;
        }
        for (int i = 0; i < subjects.size(); i++) {
            String subject = subjects.get(i);
            String at = field + "[" + i + "] \"" + subject + "\"";
            Matcher m = subject == null ? null : SUBJECT.matcher(subject);
            if (m == null || !m.matches()) {
                problems.add(at + " is invalid: must have the form \"repo:<organisation>/<repository>:<context>\". "
                        + "Hint: \"repo:my-org/shop-api:ref:refs/heads/main\"");
                continue;
            }
            String organisation = m.group(1);
            String context = m.group(3);
            if (organisation.isEmpty() || hasWildcard(organisation)) {
                problems.add(at + " is invalid: the organisation part \"" + organisation + "\" must not contain a "
                        + "wildcard (* or ?), or workflows of any GitHub organisation could assume the role. "
                        + "Hint: name the organisation, e.g. \"repo:my-org/" + m.group(2) + ":" + context + "\"");
                continue;
            }
            if (hasWildcard(subject) && !allowWildcards) {
                problems.add(at + " contains a wildcard (* or ?) but allowSubjectWildcards is false: wildcards are "
                        + "only allowed where the platform file asks for them. Hint: list the exact branches or "
                        + "environments, or set allowSubjectWildcards(true)");
            }
            if (requiredEnvironment != null) {
                if (!context.equals("environment:" + requiredEnvironment)) {
                    problems.add(at + " is invalid: a promoter is assumed only from the GitHub environment of its "
                            + "target, so that the environment's required reviewers gate the promotion. Hint: \""
                            + "repo:" + organisation + "/" + m.group(2) + ":environment:" + requiredEnvironment + "\"");
                }
            } else if (!CONTEXT.matcher(context).matches()) {
                problems.add(at + " is invalid: the context \"" + context + "\" is not a branch "
                        + "(\"ref:refs/heads/<branch>\"), a tag (\"ref:refs/tags/<tag>\") or a GitHub environment "
                        + "(\"environment:<name>\"); pull-request workflows must never push images. Hint: \"repo:"
                        + organisation + "/" + m.group(2) + ":ref:refs/heads/main\"");
            }
        }
    }

    /** The trust policy document (validated subjects only). */
    static Map<String, Object> trustDocument(String providerArn, List<String> subjects) {
        boolean like = subjects.stream().anyMatch(GitHubOidcProviderTrust::hasWildcard);
        Map<String, Object> condition = new LinkedHashMap<>();
        if (like) {
            condition.put("StringEquals", Map.of(AUDIENCE_KEY, GitHubOidcProvider.AUDIENCE));
            condition.put("StringLike", Map.of(SUBJECT_KEY, List.copyOf(subjects)));
        } else {
            Map<String, Object> equals = new LinkedHashMap<>();
            equals.put(AUDIENCE_KEY, GitHubOidcProvider.AUDIENCE);
            equals.put(SUBJECT_KEY, List.copyOf(subjects));
            condition.put("StringEquals", equals);
        }
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Federated", providerArn));
        statement.put("Action", ASSUME_ACTION);
        statement.put("Condition", condition);
        return PersonaRoleSupport.document(List.of(statement));
    }

    /** The statements of a policy document built here. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> statements(Map<String, Object> document) {
        return (List<Map<String, Object>>) document.get("Statement");
    }

    private static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }
}
