package platform;

import limits.AwsLimits;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The trust policy of a service's GitHub (and GitLab) publisher role grows with the OIDC subjects the file names (every branch,
 * environment and release environment of its github publishers), and IAM refuses a trust policy over
 * {@link AwsLimits#IAM_TRUST_POLICY} characters. Synthesis sizes the rendered document
 * ({@code constructs.access.PersonaRoleSupport}); this rule sizes the same document from the file, as the sum below.
 * The corpus test (platform.ValidateMirrorsSynthesisTest) holds a file at exactly the limit, which both must accept,
 * and one a character over it, which both must refuse: a change to the document's shape fails it.
 */
final class TrustPolicyRules extends SectionRules {

    /**
     * Characters of the publisher's trust document besides its subjects, as IAM counts them (no whitespace):
     * {@code {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:<partition>:iam::<account>:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com","token.actions.githubusercontent.com:sub":[]}}}]}}
     * with the partition counted at its longest, {@code aws-us-gov}, as synthesis counts a value known only at deploy time.
     */
    static final int DOCUMENT_WITHOUT_SUBJECTS = 347;
    /** A subject with a wildcard moves the subjects into their own {@code "StringLike":{...}} block. */
    static final int STRING_LIKE_BLOCK = 15;

    TrustPolicyRules(Platform platform, Problems problems) {
        super(platform, problems);
    }

    @Override
    void check() {
        for (int i = 0; i < platform.services().size(); i++) {
            String path = "services[" + i + "].publishers";
            if (problems.reportedAtOrBelow(path)) {
                continue;
            }
            Service service = platform.services().get(i);
            Set<String> subjects = new LinkedHashSet<>();
            for (Publisher publisher : service.publishers()) {
                if (publisher.type() != PublisherType.GITHUB || publisher.repository() == null) {
                    continue;
                }
                publisher.branches().forEach(b -> subjects.add("repo:" + publisher.repository() + ":ref:refs/heads/" + b));
                publisher.environments().forEach(e -> subjects.add("repo:" + publisher.repository() + ":environment:" + e));
                if (publisher.releaseEnvironment() != null) {
                    subjects.add("repo:" + publisher.repository() + ":environment:" + publisher.releaseEnvironment());
                }
            }
            gitlab(path, service);
            int size = size(subjects);
            if (size > AwsLimits.IAM_TRUST_POLICY) {
                problems.add(path, "the trust policy of the GitHub publisher role of service \"" + service.name() + "\" would be "
                                + size + " characters for its " + subjects.size() + " branches and environments; IAM allows "
                                + AwsLimits.IAM_TRUST_POLICY,
                        "trust fewer branches: publish from one release branch or GitHub environment, or match release"
                                + " branches with one pattern (e.g. release/*) and allowWildcard: true");
            }
        }
    }

    /**
     * The GitLab publisher role of a service trusts one subject per branch of its gitlab publishers, under the
     * instance's issuer ({@code constructs.access.GitLabPublisherRole}): the document is written out here as IAM counts
     * it, the partition at its longest.
     */
    private void gitlab(String path, Service service) {
        Set<String> subjects = new LinkedHashSet<>();
        String url = null;
        boolean like = false;
        for (Publisher publisher : service.publishers()) {
            if (publisher.type() != PublisherType.GITLAB || publisher.gitlabProject() == null) {
                continue;
            }
            url = url == null ? publisher.gitlabIssuerUrl() : url;
            for (String branch : publisher.branches()) {
                String subject = "project_path:" + publisher.gitlabProject() + ":ref_type:branch:ref:" + branch;
                subjects.add(subject);
                like |= subject.indexOf('*') >= 0 || subject.indexOf('?') >= 0;
            }
        }
        if (subjects.isEmpty()) {
            return;
        }
        String issuer = url.substring("https://".length());
        String listed = subjects.stream().map(TrustPolicyRules::quoted).collect(java.util.stream.Collectors.joining(",", "[", "]"));
        String condition = like
                ? "{\"StringEquals\":{" + quoted(issuer + ":aud") + ":" + quoted(url) + "},\"StringLike\":{" + quoted(issuer + ":sub")
                + ":" + listed + "}}"
                : "{\"StringEquals\":{" + quoted(issuer + ":aud") + ":" + quoted(url) + "," + quoted(issuer + ":sub") + ":" + listed + "}}";
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
                + quoted("arn:aws-us-gov:iam::123456789012:oidc-provider/" + issuer) + "},\"Action\":\"sts:AssumeRoleWithWebIdentity\","
                + "\"Condition\":" + condition + "}]}";
        int size = (int) document.chars().filter(c -> !Character.isWhitespace(c)).count();
        if (size > AwsLimits.IAM_TRUST_POLICY) {
            problems.add(path, "the trust policy of the GitLab publisher role of service \"" + service.name() + "\" would be "
                            + size + " characters for its " + subjects.size() + " branches; IAM allows " + AwsLimits.IAM_TRUST_POLICY,
                    "trust fewer branches: publish from one release branch, or match release branches with one pattern"
                            + " (e.g. release/*) and allowWildcard: true");
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The characters IAM counts for the trust document of these subjects; 0 when there are none (no role). */
    static int size(Set<String> subjects) {
        if (subjects.isEmpty()) {
            return 0;
        }
        int size = DOCUMENT_WITHOUT_SUBJECTS + subjects.size() - 1;
        boolean like = false;
        for (String subject : subjects) {
            size += 2 + (int) subject.chars().filter(c -> !Character.isWhitespace(c)).count();
            like |= subject.indexOf('*') >= 0 || subject.indexOf('?') >= 0;
        }
        return like ? size + STRING_LIKE_BLOCK : size;
    }
}
