package publishing;

import java.util.ArrayList;
import java.util.List;

/**
 * The GitHub Actions workflow of one service: pull requests are built for every platform and not pushed; pushes to
 * the publisher's branches, release tags and manual runs assume the publisher role through OIDC, push once per
 * commit to the first environment, wait for the scan and fail on findings at or above the gate, print the image
 * URI by digest, and then promote that digest environment by environment, each step gated by the reviewers of the
 * GitHub environment of the same name.
 *
 * <p>Actions are pinned by major version tag (see docs/publishing.md for why).
 */
public final class GitHubWorkflow {

    static final String CHECKOUT = "actions/checkout@v4";
    static final String CONFIGURE_AWS_CREDENTIALS = "aws-actions/configure-aws-credentials@v4";
    static final String ECR_LOGIN = "aws-actions/amazon-ecr-login@v2";
    static final String SETUP_QEMU = "docker/setup-qemu-action@v3";
    static final String SETUP_BUILDX = "docker/setup-buildx-action@v3";
    static final String SETUP_ORAS = "oras-project/setup-oras@v1";
    /** The ORAS release the promotion jobs install; docs/promotion.md names the tool. */
    static final String ORAS_VERSION = "1.2.0";
    /**
     * SHA-256 of that release's linux/amd64 archive, which the image pipelines' promotion builds download and check.
     * Source: https://github.com/oras-project/oras/releases/download/v1.2.0/oras_1.2.0_checksums.txt
     */
    static final String ORAS_LINUX_AMD64_SHA256 = "5b3f1cbb86d869eee68120b9b45b9be983f3738442f87ee5f06b00edd0bab336";

    /** The registry login where amazon-ecr-login cannot serve: the same token, for the host in {@code REGISTRY}. */
    static final String DUAL_STACK_LOGIN =
            "aws ecr get-login-password --region \"$AWS_REGION\" | docker login --username AWS --password-stdin \"$REGISTRY\"\n";

    static final String PUBLISH = "publish";
    static final String PUBLISH_RELEASE = "publish-release";

    private GitHubWorkflow() {
    }

    /** The workflow text, starting with {@code header} (comment lines without the leading {@code #}). */
    public static String render(PublishTarget target, List<String> header) {
        YamlText y = new YamlText();
        header.forEach(y::comment);
        y.blank();
        y.entry(0, "name", "publish " + target.service());
        y.key(0, "on");
        y.key(1, "push");
        y.key(2, "branches");
        target.branches().forEach(b -> y.item(3, b));
        if (target.releaseEnvironment() != null) {
            y.key(2, "tags");
            y.item(3, target.tagging().releaseTagTrigger());
        }
        y.key(1, "pull_request");
        y.key(2, "branches");
        target.branches().forEach(b -> y.item(3, b));
        y.comment(1, "Manual runs build (or reuse) the image of the chosen branch or release tag and promote it.");
        y.key(1, "workflow_dispatch");
        y.blank();
        y.comment("OIDC: the token GitHub issues is exchanged for the publisher role; no access keys exist.");
        y.key(0, "permissions");
        y.entry(1, "id-token", "write");
        y.entry(1, "contents", "read");
        y.blank();
        y.key(0, "defaults");
        y.key(1, "run");
        y.entry(2, "shell", "bash");
        y.blank();
        y.key(0, "env");
        if (target.dualStack()) {
            y.comment(1, "ECR's dual-stack endpoints (IPv6): the AWS CLI and the actions' SDK call ecr.<region>.api.aws and");
            y.comment(1, "sts.<region>.api.aws; docker and ORAS talk to the dual-stack registry host below.");
            y.entry(1, RegistryHost.DUAL_STACK_VARIABLE, "true");
        }
        y.entry(1, "AWS_REGION", target.region());
        y.entry(1, "REGISTRY", target.registry());
        y.entry(1, "REPOSITORY", target.repository());
        y.entry(1, "PLATFORMS", String.join(",", target.platforms()));
        y.entry(1, "GATE_SEVERITIES", String.join(" ", target.gateSeverities().stream().map(Enum::name).toList()));
        y.entry(1, "DOCKER_CONTEXT", ".");
        y.entry(1, "DOCKERFILE", "Dockerfile");
        y.blank();
        y.key(0, "jobs");
        pullRequest(y, target);
        y.blank();
        List<String> publishJobs = new ArrayList<>(List.of(PUBLISH));
        publish(y, target, PUBLISH, null);
        if (target.releaseEnvironment() != null) {
            y.blank();
            publish(y, target, PUBLISH_RELEASE, target.releaseEnvironment());
            publishJobs.add(PUBLISH_RELEASE);
        }
        String previous = null;
        for (PromotionStep step : target.promotions()) {
            y.blank();
            promote(y, step, previous, publishJobs);
            previous = "promote-" + step.target();
        }
        return y.toString();
    }

    private static void pullRequest(YamlText y, PublishTarget target) {
        y.key(1, "pull-request");
        y.entry(2, "name", "Build every platform (pull request, not pushed)");
        y.entry(2, "if", "github.event_name == 'pull_request'");
        y.entry(2, "runs-on", "ubuntu-latest");
        y.comment(2, "Pull requests run unreviewed code: no id-token, so no AWS role can be assumed.");
        y.key(2, "permissions");
        y.entry(3, "contents", "read");
        y.key(2, "steps");
        y.itemEntry(3, "uses", CHECKOUT);
        buildxSetup(y, target);
        y.itemEntry(3, "name", "Build " + String.join(", ", target.platforms()));
        y.block(4, "run", "docker buildx build --platform \"$PLATFORMS\" " + PublishScript.BUILD_FLAGS
                + " --file \"$DOCKERFILE\" \\\n  --tag \"$REPOSITORY:" + TaggingStrategy.PULL_REQUEST_PREFIX
                + "${{ github.event.pull_request.number }}\" \"$DOCKER_CONTEXT\"\n");
    }

    /**
     * The publish job; with a release environment, release-tag runs go to a second job of the same steps that runs in
     * that environment, so that the OIDC token's subject is {@code environment:<name>}: the publisher trusts release
     * builds only there, behind the environment's deployment tag rule and reviewers.
     */
    private static void publish(YamlText y, PublishTarget target, String job, String environment) {
        y.key(1, job);
        if (environment == null) {
            y.entry(2, "name", "Build once, push to " + target.environment() + ", scan gate");
            y.entry(2, "if", target.releaseEnvironment() == null ? "github.event_name != 'pull_request'"
                    : "github.event_name != 'pull_request' && github.ref_type != 'tag'");
        } else {
            y.entry(2, "name", "Release build: push to " + target.environment() + ", scan gate");
            y.entry(2, "if", "github.event_name != 'pull_request' && github.ref_type == 'tag'");
            y.comment(2, "The publisher role trusts release builds only in this GitHub environment: give it a deployment");
            y.comment(2, "tag rule for " + target.tagging().releaseTagTrigger() + " and required reviewers.");
            y.entry(2, "environment", environment);
        }
        y.entry(2, "runs-on", "ubuntu-latest");
        y.key(2, "outputs");
        y.entry(3, "image", "${{ steps.image.outputs.image }}");
        y.entry(3, "digest", "${{ steps.image.outputs.digest }}");
        y.entry(3, "release", "${{ steps.image.outputs.release }}");
        y.key(2, "steps");
        y.itemEntry(3, "uses", CHECKOUT);
        y.itemEntry(3, "name", "Assume the publisher role (OIDC)");
        y.entry(4, "uses", CONFIGURE_AWS_CREDENTIALS);
        y.key(4, "with");
        y.entry(5, "role-to-assume", target.githubRoleArn());
        y.entry(5, "aws-region", target.region());
        y.itemEntry(3, "name", "Log in to " + target.registry());
        if (target.dualStack()) {
            // amazon-ecr-login logs in to the IPv4 host only (aws-actions/amazon-ecr-login#1084): docker login to the
            // dual-stack host with the token of the publisher role's session instead.
            y.block(4, "run", DUAL_STACK_LOGIN);
        } else {
            y.entry(4, "uses", ECR_LOGIN);
        }
        buildxSetup(y, target);
        y.itemEntry(3, "name", "Tag, build once per commit, push");
        y.key(4, "env");
        y.entry(5, "EVENT_KIND", "${{ github.ref_type == 'tag' && 'tag' || github.event_name == 'workflow_dispatch' && 'manual' || 'branch' }}");
        y.entry(5, "REF_NAME", "${{ github.ref_name }}");
        y.entry(5, "COMMIT_SHA", "${{ github.sha }}");
        y.entry(5, "BUILD_NUMBER", "${{ github.run_number }}");
        y.block(4, "run", "set -euo pipefail\n" + PublishScript.tags(target.tagging()) + PublishScript.push()
                + "{ echo \"DIGEST=$DIGEST\"; echo \"TAGS=$TAGS\"; echo \"RELEASE=$RELEASE\"; } >> \"$GITHUB_ENV\"\n");
        y.itemEntry(3, "name", "Scan gate (" + target.scanType().name() + " scanning, fail on "
                + String.join(", ", target.gateSeverities().stream().map(Enum::name).toList()) + ")");
        y.block(4, "run", "set -euo pipefail\n" + PublishScript.scanGate(target.scanType()));
        y.itemEntry(3, "name", "Image URI by digest");
        y.entry(4, "id", "image");
        y.block(4, "run", """
                IMAGE="$REGISTRY/$REPOSITORY@$DIGEST"
                { echo "image=$IMAGE"; echo "digest=$DIGEST"; echo "release=$RELEASE"; } >> "$GITHUB_OUTPUT"
                { echo "### @SERVICE@"; echo; echo "Image: \\`$IMAGE\\`"; echo; echo "Tags: $TAGS"; } >> "$GITHUB_STEP_SUMMARY"
                echo "$IMAGE"
                """.replace("@SERVICE@", target.service()));
    }

    private static void promote(YamlText y, PromotionStep step, String previous, List<String> publishJobs) {
        y.key(1, "promote-" + step.target());
        y.entry(2, "name", "Promote the digest to " + step.target());
        y.key(2, "needs");
        publishJobs.forEach(j -> y.item(3, j));
        if (previous != null) {
            y.item(3, previous);
        }
        if (publishJobs.size() > 1) {
            // One of the publish jobs runs, the other is skipped: a skipped need would skip this job by default.
            y.entry(2, "if", "${{ !cancelled() && !failure() && ("
                    + String.join(" || ", publishJobs.stream().map(j -> "needs." + j + ".result == 'success'").toList()) + ")"
                    + (previous == null ? "" : " && needs." + previous + ".result == 'success'") + " }}");
        }
        y.comment(2, "The GitHub environment's required reviewers approve this job; the promoter role trusts only it.");
        y.entry(2, "environment", step.target());
        y.entry(2, "runs-on", "ubuntu-latest");
        y.key(2, "steps");
        y.itemEntry(3, "name", "Assume the " + step.target() + " promoter role (OIDC)");
        y.entry(4, "uses", CONFIGURE_AWS_CREDENTIALS);
        y.key(4, "with");
        y.entry(5, "role-to-assume", step.promoterRoleArn());
        y.entry(5, "aws-region", step.region());
        y.itemEntry(3, "uses", SETUP_ORAS);
        y.key(4, "with");
        y.entry(5, "version", ORAS_VERSION);
        y.itemEntry(3, "name", "Copy " + step.sourceRepository() + " to " + step.targetRepository() + " by digest");
        y.key(4, "env");
        y.entry(5, "DIGEST", "${{ " + String.join(" || ", publishJobs.stream().map(j -> "needs." + j + ".outputs.digest").toList()) + " }}");
        y.entry(5, "RELEASE", "${{ " + String.join(" || ", publishJobs.stream().map(j -> "needs." + j + ".outputs.release").toList()) + " }}");
        y.entry(5, "COMMIT_SHA", "${{ github.sha }}");
        y.block(4, "run", PublishScript.promote(step));
    }

    private static void buildxSetup(YamlText y, PublishTarget target) {
        if (!target.platforms().equals(List.of("linux/amd64"))) {
            y.comment(3, "Emulation for the non-native platforms of ubuntu-latest (x86_64).");
            y.itemEntry(3, "uses", SETUP_QEMU);
        }
        y.itemEntry(3, "uses", SETUP_BUILDX);
    }
}
