package publishing;

import java.util.List;

/**
 * The buildspec of one promotion stage of a service's image pipeline ({@code promote-<environment>.buildspec.yml}):
 * after the stage's manual approval it assumes the target environment's promoter role and copies the digest the build
 * stage pushed with the same logins and {@code oras cp -r} as the generated GitHub workflow's promotion job
 * ({@link PublishScript#promote}). The pipeline passes {@code DIGEST} (the build's exported {@code IMAGE_DIGEST}) and
 * {@code COMMIT_SHA} (the source commit).
 */
public final class PromotionBuildspec {

    private PromotionBuildspec() {
    }

    /** The buildspec text, starting with {@code header} (comment lines without the leading {@code #}). */
    public static String render(PromotionStep step, List<String> header) {
        YamlText y = Buildspec.startWithVariables(header);
        y.entry(2, "PROMOTER_ROLE_ARN", step.promoterRoleArn());
        y.entry(2, "ORAS_VERSION", GitHubWorkflow.ORAS_VERSION);
        y.entry(2, "ORAS_SHA256", GitHubWorkflow.ORAS_LINUX_AMD64_SHA256);
        y.blank();
        y.key(0, "phases");
        y.key(1, "install");
        y.key(2, "commands");
        y.itemBlock(3, """
                # ORAS, pinned and checked against the release's checksum.
                set -euo pipefail
                curl -fsSL -o /tmp/oras.tar.gz \\
                  "https://github.com/oras-project/oras/releases/download/v${ORAS_VERSION}/oras_${ORAS_VERSION}_linux_amd64.tar.gz"
                echo "${ORAS_SHA256}  /tmp/oras.tar.gz" | sha256sum -c -
                tar -xzf /tmp/oras.tar.gz -C /usr/local/bin oras
                set +euo pipefail
                """);
        y.key(1, "build");
        y.key(2, "commands");
        y.itemBlock(3, """
                # The build stage's digest; an empty one means the build published nothing to promote.
                if [ -z "${DIGEST:-}" ]; then echo "No digest from the build stage: nothing to promote" >&2; exit 1; fi
                # The promotion build's own role may only assume the promoter role of @TARGET@.
                CREDENTIALS="$(aws sts assume-role --role-arn "$PROMOTER_ROLE_ARN" \\
                  --role-session-name "promote-@TARGET@-${CODEBUILD_BUILD_NUMBER}" --query Credentials --output json)"
                export AWS_ACCESS_KEY_ID="$(jq -r .AccessKeyId <<<"$CREDENTIALS")"
                export AWS_SECRET_ACCESS_KEY="$(jq -r .SecretAccessKey <<<"$CREDENTIALS")"
                export AWS_SESSION_TOKEN="$(jq -r .SessionToken <<<"$CREDENTIALS")"
                # The pipeline builds branches only: no release tag to carry.
                RELEASE=""
                @PROMOTE@
                set +euo pipefail
                """.replace("@TARGET@", step.target()).replace("@PROMOTE@", PublishScript.promote(step).stripTrailing()));
        return y.toString();
    }
}
