package constructs.access;

import constructs.internal.RoleLimits;

import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The role a GitLab CI job assumes through the GitLab instance's OIDC provider to push one service's images: no
 * access keys, a one-hour session, {@code aud} equal to the instance URL and {@code sub} one of the listed
 * {@code project_path:<group>/<project>:ref_type:branch:ref:<branch>} claims ({@code StringLike} only where a
 * subject holds a wildcard the caller allowed, never in the group), and exactly {@link Persona#PUBLISHER}'s actions
 * on the given repositories plus the scan-gate reads and {@code ecr:GetAuthorizationToken} on {@code *}.
 *
 * <p>Sources: https://docs.gitlab.com/ci/cloud_services/aws/ ,
 * https://docs.gitlab.com/ci/secrets/id_token_authentication/ (the {@code sub} claim)
 *
 * <pre>{@code
 * new GitLabPublisherRole(this, "ApiGitLabPublisher", GitLabPublisherRoleProps.builder()
 *         .roleName(GitLabPublisherRole.defaultRoleName("shop", "dev", "api"))
 *         .repositoryArns(List.of(apiRepository.getRepositoryArn()))
 *         .subjects(List.of(GitLabPublisherRole.branchSubject("acme/shop-api", "main")))
 *         .build());
 * }</pre>
 */
public class GitLabPublisherRole extends PersonaRole {

    /** The action a GitLab ID token assumes a role with. */
    public static final String ASSUME_ACTION = "sts:AssumeRoleWithWebIdentity";

    private static final Pattern SUBJECT = Pattern.compile("project_path:(.+)/([^/:]+):ref_type:branch:ref:(.+)");

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public GitLabPublisherRole(Construct scope, String id, GitLabPublisherRoleProps props) {
        super(scope, id);
        List<String> problems = new ArrayList<>();
        RoleLimits.checkRoleName(props.roleName(), problems);
        RepositoryScope repositories = RepositoryScope.of(props.repositoryArns(), props.repositoryPrefixArn());
        repositories.validate("repositoryArns", problems);
        GitLabOidcProvider.validateUrl("gitlabUrl", props.gitlabUrl(), problems);
        validateSubjects(props.subjects(), props.allowSubjectWildcards(), problems);
        PersonaRoleSupport.validateSigningProfile(props.signingProfileArn(), problems);
        PersonaRoleSupport.validateCachePrefixes(props.pullThroughCachePrefixArns(), problems);
        String providerArn = props.oidcProviderArn() != null ? props.oidcProviderArn()
                : GitLabOidcProvider.arnInAccount(stackValues().account(), props.gitlabUrl());
        built(PersonaRoleSupport.build(this, () -> "GitLabPublisherRole " + getNode().getPath(),
                Persona.PUBLISHER, props.roleName(), "Pushes images from GitLab CI (OIDC)",
                problems.isEmpty() ? trust(providerArn, props) : null,
                List.of(new PersonaRoleSupport.RepositoryGrant("PushImages", "repositoryArns",
                                Persona.PUBLISHER.actions(), repositories),
                        // The generated job waits for the scan of what it pushed and gates on it.
                        new PersonaRoleSupport.RepositoryGrant("ReadScanFindings", "repositoryArns",
                                Persona.PUBLISHER_SCAN_GATE_ACTIONS, repositories)),
                props.signingProfileArn(),
                new PersonaRoleSupport.Extras(props.pullThroughCachePrefixArns(), props.readInspectorFindings()), problems));
    }

    /**
     * {@code project_path:<group>/<project>:ref_type:branch:ref:<branch>}.
     *
     * @param project the project path, {@code <group>/<project>} (subgroups allowed)
     * @param branch the branch name
     * @return the {@code sub} claim GitLab puts in ID tokens of jobs on that branch
     */
    public static String branchSubject(String project, String branch) {
        return "project_path:" + project + ":ref_type:branch:ref:" + branch;
    }

    /**
     * The condition key of the {@code sub} claim for a GitLab instance: {@code <host>:sub}.
     *
     * @param gitlabUrl the GitLab instance URL
     * @return the condition key
     */
    public static String subjectKey(String gitlabUrl) {
        return GitLabOidcProvider.issuer(gitlabUrl) + ":sub";
    }

    private static Map<String, Object> trust(String providerArn, GitLabPublisherRoleProps props) {
        String issuer = GitLabOidcProvider.issuer(props.gitlabUrl());
        boolean like = props.subjects().stream().anyMatch(GitLabPublisherRole::hasWildcard);
        Map<String, Object> condition = new LinkedHashMap<>();
        Map<String, Object> equals = new LinkedHashMap<>();
        equals.put(issuer + ":aud", props.gitlabUrl());
        if (like) {
            condition.put("StringEquals", equals);
            condition.put("StringLike", Map.of(issuer + ":sub", props.subjects()));
        } else {
            equals.put(issuer + ":sub", props.subjects());
            condition.put("StringEquals", equals);
        }
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Federated", providerArn));
        statement.put("Action", ASSUME_ACTION);
        statement.put("Condition", condition);
        return PersonaRoleSupport.document(List.of(statement));
    }

    private static void validateSubjects(List<String> subjects, boolean allowWildcards, List<String> problems) {
        if (subjects.isEmpty()) {
            problems.add("subjects is empty: the role must trust at least one GitLab project and branch. Hint: \""
                    + branchSubject("my-group/shop-api", "main") + "\"");
        }
        for (int i = 0; i < subjects.size(); i++) {
            String subject = subjects.get(i);
            String at = "subjects[" + i + "] \"" + subject + "\"";
            Matcher m = subject == null ? null : SUBJECT.matcher(subject);
            if (m == null || !m.matches()) {
                problems.add(at + " is invalid: must have the form \"project_path:<group>/<project>:ref_type:branch:ref:"
                        + "<branch>\"; tags and merge requests must never push. Hint: \""
                        + branchSubject("my-group/shop-api", "main") + "\"");
                continue;
            }
            if (hasWildcard(m.group(1))) {
                problems.add(at + " is invalid: the group \"" + m.group(1) + "\" must not contain a wildcard (* or ?), or "
                        + "jobs of projects in other groups could assume the role. Hint: name the group");
            } else if (hasWildcard(subject) && !allowWildcards) {
                problems.add(at + " contains a wildcard (* or ?) but allowSubjectWildcards is false. Hint: list the exact "
                        + "project and branches, or set allowSubjectWildcards(true)");
            }
        }
    }

    private static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }

    /**
     * {@code <platform>-<env>-<service>-gitlab-publisher}.
     *
     * @param platform the platform name, as in the platform file
     * @param environment the environment name, as in the platform file
     * @param service the service name, as in the platform file
     * @return the role name, within IAM's 64 characters
     */
    public static String defaultRoleName(String platform, String environment, String service) {
        return platform + "-" + environment + "-" + service + "-gitlab-publisher";
    }
}
