package publishing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Jenkinsfile} of one service (declarative pipeline, multibranch): the agent assumes the Jenkins publisher
 * role with its own AWS identity (instance profile, EKS pod role), with the external id where the platform file
 * gives one, then runs the same tagging, build-once push and scan gate as the GitHub workflow and the buildspec
 * ({@link PublishScript}). Change requests and branches not listed are built and not pushed; release tags are checked
 * against the release pattern. Promotion is not part of it: the promoters trust the GitHub workflow, or run
 * {@code bin/ecr-blueprint promote}.
 *
 * <p>The agent needs bash, docker with buildx, the AWS CLI v2 and jq.
 */
public final class Jenkinsfile {

    private Jenkinsfile() {
    }

    /** Maps the multibranch variables to the event kinds of {@link PublishScript#tags}. */
    static final String EVENT_MAPPING = """
            # Multibranch: TAG_NAME on tag builds, CHANGE_ID on change requests, BRANCH_NAME otherwise.
            EVENT_KIND=build-only
            REF_NAME=""
            if [ -n "${TAG_NAME:-}" ]; then
              EVENT_KIND=tag
              REF_NAME="$TAG_NAME"
            elif [ -z "${CHANGE_ID:-}" ]; then
              REF_NAME="${BRANCH_NAME:-}"
              case " $PUBLISH_BRANCHES " in *" $REF_NAME "*) EVENT_KIND=branch ;; esac
            fi
            COMMIT_SHA="$GIT_COMMIT"
            echo "Event: $EVENT_KIND ${REF_NAME:-}"
            """;

    /**
     * The Jenkinsfile text, starting with {@code header} (comment lines without the leading {@code //}).
     *
     * @param target the service's publish target; it must have a Jenkins publisher
     * @param header the header lines
     * @return the Jenkinsfile
     */
    public static String render(PublishTarget target, List<String> header) {
        PublishTarget.JenkinsTarget jenkins = target.jenkins();
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append(line.isEmpty() ? "//" : "// " + line).append('\n'));
        out.append('\n');
        out.append("pipeline {\n");
        out.append("    // Any agent with bash, docker buildx, the AWS CLI v2 and jq that runs as the principal the publisher role trusts.\n");
        out.append("    agent any\n");
        out.append("    options {\n");
        out.append("        disableConcurrentBuilds()\n");
        out.append("    }\n");
        out.append("    environment {\n");
        Map<String, String> env = new LinkedHashMap<>();
        if (target.dualStack()) {
            env.put(RegistryHost.DUAL_STACK_VARIABLE, "true");
        }
        env.put("AWS_REGION", target.region());
        env.put("REGISTRY", target.registry());
        env.put("REPOSITORY", target.repository());
        env.put("PLATFORMS", String.join(",", target.platforms()));
        env.put("GATE_SEVERITIES", String.join(" ", target.gateSeverities().stream().map(Enum::name).toList()));
        env.put("PUBLISH_BRANCHES", String.join(" ", jenkins.branches()));
        env.put("DOCKER_CONTEXT", ".");
        env.put("DOCKERFILE", "Dockerfile");
        env.put("PUBLISHER_ROLE_ARN", jenkins.roleArn());
        if (jenkins.externalId() != null) {
            env.put("EXTERNAL_ID", jenkins.externalId());
        }
        env.forEach((k, v) -> out.append("        ").append(k).append(" = ").append(groovy(v)).append('\n'));
        out.append("    }\n");
        out.append("    stages {\n");
        out.append("        stage('Publish ").append(target.service()).append("') {\n");
        out.append("            steps {\n");
        out.append("                sh '''#!/bin/bash\n");
        out.append(escape(script(target, jenkins)));
        out.append("'''\n");
        out.append("            }\n");
        out.append("        }\n");
        out.append("    }\n");
        out.append("}\n");
        return out.toString();
    }

    private static String script(PublishTarget target, PublishTarget.JenkinsTarget jenkins) {
        List<String> assume = new ArrayList<>(List.of("aws sts assume-role --role-arn \"$PUBLISHER_ROLE_ARN\"",
                "--role-session-name \"jenkins-${BUILD_NUMBER}\""));
        if (jenkins.externalId() != null) {
            assume.add("--external-id \"$EXTERNAL_ID\"");
        }
        assume.add("--query Credentials --output json");
        return "set -euo pipefail\n"
                + EVENT_MAPPING
                + "if [ \"$EVENT_KIND\" = build-only ]; then\n"
                + "  docker buildx build --platform \"$PLATFORMS\" " + PublishScript.BUILD_FLAGS
                + " --file \"$DOCKERFILE\" \"$DOCKER_CONTEXT\"\n"
                + "  echo \"Built, not pushed: only " + String.join(", ", jenkins.branches()) + " and release tags publish\"\n"
                + "  exit 0\n"
                + "fi\n"
                + "# The agent's own identity assumes the publisher role: a one-hour session, no stored access keys.\n"
                + "SESSION=\"$(" + String.join(" \\\n  ", assume) + ")\"\n"
                + "export AWS_ACCESS_KEY_ID=\"$(jq -r .AccessKeyId <<<\"$SESSION\")\"\n"
                + "export AWS_SECRET_ACCESS_KEY=\"$(jq -r .SecretAccessKey <<<\"$SESSION\")\"\n"
                + "export AWS_SESSION_TOKEN=\"$(jq -r .SessionToken <<<\"$SESSION\")\"\n"
                + "unset SESSION\n"
                + "aws ecr get-login-password --region \"$AWS_REGION\" | docker login --username AWS --password-stdin \"$REGISTRY\"\n"
                + (target.platforms().equals(List.of("linux/amd64")) ? ""
                : "docker run --privileged --rm " + Buildspec.BINFMT_IMAGE + " --install " + String.join(",", target.platforms()) + "\n")
                + "docker buildx create --use --name \"publisher-${BUILD_NUMBER}\"\n"
                + PublishScript.tags(target.tagging())
                + PublishScript.push()
                + PublishScript.scanGate(target.scanType())
                + "echo \"Image: $REGISTRY/$REPOSITORY@$DIGEST\"\n";
    }

    /** A Groovy single-quoted string literal. */
    static String groovy(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * The script inside a Groovy {@code '''} string: Groovy reads backslash escapes there (a backslash before a line
     * end would join the lines), so every backslash is doubled; {@code $} is literal in single-quoted strings.
     */
    static String escape(String script) {
        if (script.contains("'''")) {
            throw new IllegalStateException("the publish script holds ''', which would end the Groovy string");
        }
        return script.replace("\\", "\\\\");
    }
}
