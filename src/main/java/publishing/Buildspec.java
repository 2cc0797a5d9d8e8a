package publishing;

import java.util.List;

/**
 * The CodeBuild {@code buildspec.yml} of one service: the same tagging, build-once push and scan gate as the GitHub
 * workflow, ending with the image URI by digest as exported variables. A buildspec cannot choose its role: the
 * project's service role must be the service's CodeBuild publisher role (docs/publishing.md says how to bind it).
 * Promotion is not part of the buildspec: it is gated by GitHub environments or run with
 * {@code bin/ecr-blueprint promote}.
 */
public final class Buildspec {

    /** QEMU emulators for builds of a platform the build host does not run natively. Pin by digest in your project. */
    static final String BINFMT_IMAGE = "tonistiigi/binfmt:qemu-v6.2.0";

    /** Maps CodeBuild's webhook trigger to the event kinds of {@link PublishScript#tags}. */
    static final String EVENT_MAPPING = """
                # Webhook triggers: branch/<name>, tag/<name>, pr/<number>; none for builds started by hand. In the image
                # pipeline, its source stage's branch and commit (PIPELINE_BRANCH, PIPELINE_COMMIT).
                # Unlisted branches and pull requests are built for every platform and not pushed.
                EVENT_KIND=manual
                REF_NAME=""
                TRIGGER="${CODEBUILD_WEBHOOK_TRIGGER:-}"
                if [ -n "${PIPELINE_BRANCH:-}" ]; then TRIGGER="branch/$PIPELINE_BRANCH"; fi
                case "$TRIGGER" in
                  branch/*)
                    REF_NAME="${TRIGGER#branch/}"
                    case " $PUBLISH_BRANCHES " in *" $REF_NAME "*) EVENT_KIND=branch ;; *) EVENT_KIND=build-only ;; esac
                    ;;
                  tag/*) EVENT_KIND=tag; REF_NAME="${TRIGGER#tag/}" ;;
                  pr/*) EVENT_KIND=build-only ;;
                esac
                COMMIT_SHA="${PIPELINE_COMMIT:-$CODEBUILD_RESOLVED_SOURCE_VERSION}"
                BUILD_NUMBER="$CODEBUILD_BUILD_NUMBER"
                echo "Event: $EVENT_KIND ${REF_NAME:-}"
                """;

    private Buildspec() {
    }

    /**
     * The start every generated buildspec shares (the build's and the promotion stages'): the header comments, version
     * 0.2, bash, and the {@code env.variables} key, whose entries the caller writes next at indent 2.
     */
    static YamlText startWithVariables(List<String> header) {
        YamlText y = new YamlText();
        header.forEach(y::comment);
        y.blank();
        y.raw(0, "version", "0.2");
        y.blank();
        y.key(0, "env");
        y.entry(1, "shell", "bash");
        y.key(1, "variables");
        return y;
    }

    /** The buildspec text, starting with {@code header} (comment lines without the leading {@code #}). */
    public static String render(PublishTarget target, List<String> header) {
        YamlText y = startWithVariables(header);
        if (target.dualStack()) {
            y.entry(2, RegistryHost.DUAL_STACK_VARIABLE, "true");
        }
        y.entry(2, "AWS_REGION", target.region());
        y.entry(2, "REGISTRY", target.registry());
        y.entry(2, "REPOSITORY", target.repository());
        y.entry(2, "PLATFORMS", String.join(",", target.platforms()));
        y.entry(2, "GATE_SEVERITIES", String.join(" ", target.gateSeverities().stream().map(Enum::name).toList()));
        y.entry(2, "PUBLISH_BRANCHES", String.join(" ", target.branches()));
        y.entry(2, "DOCKER_CONTEXT", ".");
        y.entry(2, "DOCKERFILE", "Dockerfile");
        y.key(1, "exported-variables");
        y.item(2, "IMAGE_URI");
        y.item(2, "IMAGE_DIGEST");
        y.blank();
        y.key(0, "phases");
        y.key(1, "pre_build");
        y.key(2, "commands");
        y.itemBlock(3, EVENT_MAPPING);
        y.item(3, "aws ecr get-login-password --region \"$AWS_REGION\" | docker login --username AWS --password-stdin \"$REGISTRY\"");
        if (!target.platforms().equals(List.of("linux/amd64"))) {
            y.item(3, "docker run --privileged --rm " + BINFMT_IMAGE + " --install " + String.join(",", target.platforms()));
        }
        y.item(3, "docker buildx create --use --name publisher");
        y.key(1, "build");
        y.key(2, "commands");
        y.itemBlock(3, """
                # Strict mode for this command only: version 0.2 runs every command in one shell, so it is switched off at the end.
                set -euo pipefail
                if [ "$EVENT_KIND" = build-only ]; then
                  docker buildx build --platform "$PLATFORMS" @BUILD_FLAGS@ --file "$DOCKERFILE" "$DOCKER_CONTEXT"
                  echo "Built, not pushed: only @BRANCHES@ and release tags publish"
                else
                @PUBLISH@
                  export IMAGE_DIGEST="$DIGEST"
                  export IMAGE_URI="$REGISTRY/$REPOSITORY@$DIGEST"
                  echo "Image: $IMAGE_URI"
                fi
                set +euo pipefail
                """
                .replace("@BUILD_FLAGS@", PublishScript.BUILD_FLAGS)
                .replace("@BRANCHES@", String.join(", ", target.branches()))
                .replace("@PUBLISH@", indent(PublishScript.tags(target.tagging()) + PublishScript.push()
                        + PublishScript.scanGate(target.scanType()))));
        return y.toString();
    }

    private static String indent(String script) {
        StringBuilder out = new StringBuilder();
        for (String line : script.stripTrailing().split("\n", -1)) {
            out.append(line.isEmpty() ? "" : "  " + line).append('\n');
        }
        return out.toString().stripTrailing();
    }
}
