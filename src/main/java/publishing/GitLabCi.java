package publishing;

import java.util.List;

/**
 * The {@code .gitlab-ci.yml} of one service: merge requests are built for every platform and not pushed, without an
 * ID token; pipelines of the publisher's branches get a GitLab ID token whose audience is the instance URL, assume the
 * GitLab publisher role with it (the AWS CLI's web-identity credentials, no access keys) and run the same tagging,
 * build-once push and scan gate as the GitHub workflow ({@link PublishScript}). Tags are not published from GitLab:
 * the role trusts branch pipelines only. Promotion runs from the GitHub workflow or {@code bin/ecr-blueprint promote}.
 */
public final class GitLabCi {

    /** The job images; pin them by digest in your project. */
    static final String DOCKER_IMAGE = "docker:27-cli";
    static final String DOCKER_SERVICE = "docker:27-dind";
    /** The CI/CD variable the ID token is written to. */
    static final String TOKEN_VARIABLE = "GITLAB_OIDC_TOKEN";

    static final String PUBLISH = "publish";
    static final String MERGE_REQUEST = "build-merge-request";

    private GitLabCi() {
    }

    /**
     * The pipeline text, starting with {@code header} (comment lines without the leading {@code #}).
     *
     * @param target the service's publish target; it must have a GitLab publisher
     * @param header the header lines
     * @return the {@code .gitlab-ci.yml}
     */
    public static String render(PublishTarget target, List<String> header) {
        PublishTarget.GitLabTarget gitlab = target.gitlab();
        YamlText y = new YamlText();
        header.forEach(y::comment);
        y.blank();
        y.key(0, "variables");
        if (target.dualStack()) {
            y.entry(1, RegistryHost.DUAL_STACK_VARIABLE, "true");
        }
        y.entry(1, "AWS_REGION", target.region());
        y.entry(1, "REGISTRY", target.registry());
        y.entry(1, "REPOSITORY", target.repository());
        y.entry(1, "PLATFORMS", String.join(",", target.platforms()));
        y.entry(1, "GATE_SEVERITIES", String.join(" ", target.gateSeverities().stream().map(Enum::name).toList()));
        y.entry(1, "DOCKER_CONTEXT", ".");
        y.entry(1, "DOCKERFILE", "Dockerfile");
        y.entry(1, "DOCKER_TLS_CERTDIR", "/certs");
        y.blank();
        y.key(0, "default");
        y.entry(1, "image", DOCKER_IMAGE);
        y.key(1, "services");
        y.item(2, DOCKER_SERVICE);
        y.key(1, "before_script");
        y.item(2, "apk add --no-cache aws-cli bash jq");
        y.item(2, "docker buildx create --use --name publisher");
        if (!target.platforms().equals(List.of("linux/amd64"))) {
            y.item(2, "docker run --privileged --rm " + Buildspec.BINFMT_IMAGE + " --install " + String.join(",", target.platforms()));
        }
        y.blank();
        y.key(0, "stages");
        y.item(1, "publish");
        y.blank();
        y.comment("Merge requests run unreviewed code: no ID token, so no AWS role can be assumed.");
        y.key(0, MERGE_REQUEST);
        y.entry(1, "stage", "publish");
        y.key(1, "rules");
        y.itemEntry(2, "if", "$CI_PIPELINE_SOURCE == \"merge_request_event\"");
        y.key(1, "script");
        y.item(2, "docker buildx build --platform \"$PLATFORMS\" " + PublishScript.BUILD_FLAGS
                + " --file \"$DOCKERFILE\" \"$DOCKER_CONTEXT\"");
        y.blank();
        y.comment("The publisher role trusts " + String.join(", ", gitlab.branches().stream()
                .map(b -> "project_path:" + gitlab.project() + ":ref_type:branch:ref:" + b).toList()) + ".");
        y.key(0, PUBLISH);
        y.entry(1, "stage", "publish");
        y.key(1, "rules");
        for (String branch : gitlab.branches()) {
            y.itemEntry(2, "if", branch.contains("*") || branch.contains("?")
                    ? "$CI_COMMIT_BRANCH =~ " + glob(branch)
                    : "$CI_COMMIT_BRANCH == \"" + branch + "\"");
        }
        y.key(1, "id_tokens");
        y.key(2, TOKEN_VARIABLE);
        y.entry(3, "aud", gitlab.url());
        y.key(1, "variables");
        y.entry(2, "PUBLISHER_ROLE_ARN", gitlab.roleArn());
        y.key(1, "script");
        // sh runs the job's lines; the shared publish script is bash, read from a file (a here-document fed to bash's
        // stdin could be consumed by the commands it runs).
        y.itemBlock(2, "PUBLISH_SCRIPT=\"$(mktemp)\"\ncat > \"$PUBLISH_SCRIPT\" <<'SCRIPT'\n" + script(target) + "SCRIPT\n"
                + "bash \"$PUBLISH_SCRIPT\"");
        return y.toString();
    }

    private static String script(PublishTarget target) {
        return """
                set -euo pipefail
                # The AWS CLI exchanges the ID token for the publisher role itself (web-identity credentials).
                export AWS_ROLE_ARN="$PUBLISHER_ROLE_ARN"
                export AWS_ROLE_SESSION_NAME="gitlab-${CI_PIPELINE_ID}-${CI_JOB_ID}"
                export AWS_WEB_IDENTITY_TOKEN_FILE="$(mktemp)"
                printf '%s' "$@TOKEN@" > "$AWS_WEB_IDENTITY_TOKEN_FILE"
                EVENT_KIND=branch
                REF_NAME="$CI_COMMIT_BRANCH"
                COMMIT_SHA="$CI_COMMIT_SHA"
                BUILD_NUMBER="$CI_PIPELINE_IID"
                aws ecr get-login-password --region "$AWS_REGION" | docker login --username AWS --password-stdin "$REGISTRY"
                """.replace("@TOKEN@", TOKEN_VARIABLE)
                + PublishScript.tags(target.tagging())
                + PublishScript.push()
                + PublishScript.scanGate(target.scanType())
                + "echo \"Image: $REGISTRY/$REPOSITORY@$DIGEST\"\n";
    }

    /** A GitLab rules regex (RE2, between slashes) matching the branch glob as IAM's StringLike does. */
    static String glob(String branch) {
        StringBuilder out = new StringBuilder("/^");
        for (char c : branch.toCharArray()) {
            switch (c) {
                case '*' -> out.append(".*");
                case '?' -> out.append('.');
                default -> out.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
            }
        }
        return out.append("$/").toString();
    }
}
