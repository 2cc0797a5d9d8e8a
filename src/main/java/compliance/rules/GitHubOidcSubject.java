package compliance.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * A role assumable with a web identity (GitHub Actions, GitLab CI OIDC) is bound to named repositories: the
 * trust policy has a {@code :sub} condition, for GitHub every value names {@code repo:<org>/<repo>}
 * without a wildcard in the org or repository part, and for GitLab every {@code project_path:<group>/<project>}
 * value has no wildcard in the group (a project wildcard is the platform file's explicit choice).
 */
public final class GitHubOidcSubject implements EcrRule {

    public static final String GITHUB_PROVIDER = "token.actions.githubusercontent.com";

    public static final String ID = "EcrBlueprint-GitHubOidcSubject";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String legacyId() {
        return "EcrBlueprint-IAM2";
    }

    @Override
    public String info() {
        return "The role's web-identity trust does not bind the token subject (sub) to a named repository.";
    }

    @Override
    public String explanation() {
        return "Without a sub condition, or with a wildcard in its org/repo part, every workflow of every (or another) "
                + "GitHub repository can assume the role.";
    }

    @Override
    public String fix() {
        return "Add Condition {\"StringLike\": {\""
                + GITHUB_PROVIDER + ":sub\": \"repo:<org>/<repo>:ref:refs/heads/main\"}}.";
    }

    @Override
    public String source() {
        return "IAM user guide, OIDC federation with GitHub (token.actions.githubusercontent.com:sub)";
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.ROLE);
    }

    @Override
    public Outcome evaluate(TemplateResource resource) {
        return evaluate(resource.policy("AssumeRolePolicyDocument"));
    }

    /** The check on a trust policy document (also used by the compliance report). */
    public static Outcome evaluate(JsonNode trust) {
        boolean webIdentity = false;
        List<String> findings = new ArrayList<>();
        for (JsonNode statement : PolicyDocuments.statements(trust)) {
            if (!PolicyDocuments.isAllow(statement)
                    || !PolicyDocuments.strings(statement.path("Action")).contains("sts:AssumeRoleWithWebIdentity")) {
                continue;
            }
            webIdentity = true;
            boolean github = PolicyDocuments.strings(statement.path("Principal").path("Federated")).stream()
                    .anyMatch(p -> p.contains(GITHUB_PROVIDER));
            List<String> subjects = new ArrayList<>();
            boolean hasSub = false;
            for (Map.Entry<String, JsonNode> operator : statement.path("Condition").properties()) {
                for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
                    github |= key.getKey().startsWith(GITHUB_PROVIDER + ":");
                    if (key.getKey().endsWith(":sub")) {
                        hasSub = true;
                        subjects.addAll(PolicyDocuments.strings(key.getValue()));
                    }
                }
            }
            if (!hasSub) {
                findings.add("Subject::missing");
            } else if (github) {
                subjects.stream().filter(s -> !namesRepository(s)).forEach(s -> findings.add("Subject::" + s));
            } else {
                subjects.stream().filter(s -> s.startsWith(GITLAB_SUBJECT_PREFIX) && !namesGitLabGroup(s))
                        .forEach(s -> findings.add("Subject::" + s));
            }
        }
        return webIdentity ? Outcome.of(findings) : Outcome.notApplicable();
    }

    /** GitLab's {@code sub} claim starts with the project path. */
    static final String GITLAB_SUBJECT_PREFIX = "project_path:";

    /** {@code project_path:<group>/<project>:...} with a group (everything before the project) free of wildcards. */
    static boolean namesGitLabGroup(String subject) {
        String rest = subject.substring(GITLAB_SUBJECT_PREFIX.length());
        int end = rest.indexOf(':');
        String path = end < 0 ? rest : rest.substring(0, end);
        int slash = path.lastIndexOf('/');
        String group = slash < 0 ? "" : path.substring(0, slash);
        return !group.isEmpty() && !group.contains("*") && !group.contains("?");
    }

    /** {@code repo:<org>/<repo>[:...]} with no wildcard in {@code <org>/<repo>}. */
    static boolean namesRepository(String subject) {
        if (!subject.startsWith("repo:")) {
            return false;
        }
        String rest = subject.substring("repo:".length());
        int end = rest.indexOf(':');
        String orgAndRepo = end < 0 ? rest : rest.substring(0, end);
        String[] parts = orgAndRepo.split("/", -1);
        return parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()
                && !orgAndRepo.contains("*") && !orgAndRepo.contains("?");
    }
}
