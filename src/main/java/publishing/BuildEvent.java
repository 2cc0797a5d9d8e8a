package publishing;

/**
 * What started a CI build, as far as tagging cares.
 *
 * @param kind        the kind of event
 * @param commitSha   the full commit SHA that was built
 * @param refName     the branch or git tag name ({@code main}, {@code v1.2.3}); null for pull requests and manual runs
 * @param pullRequest the pull-request number; null unless {@code kind} is {@link Kind#PULL_REQUEST}
 * @param buildNumber the CI run number (GitHub {@code run_number}, CodeBuild {@code CODEBUILD_BUILD_NUMBER})
 */
public record BuildEvent(Kind kind, String commitSha, String refName, Integer pullRequest, long buildNumber) {

    /** The event kinds the generated pipelines distinguish. */
    public enum Kind {
        /** A push to one of the publisher's branches. */
        BRANCH,
        /** A push of a git tag that starts with the release prefix. */
        RELEASE_TAG,
        /** A pull request: built, never pushed. */
        PULL_REQUEST,
        /** A manual run (workflow_dispatch, a CodeBuild build started by hand). */
        MANUAL
    }

    public static BuildEvent branch(String branch, String sha, long buildNumber) {
        return new BuildEvent(Kind.BRANCH, sha, branch, null, buildNumber);
    }

    public static BuildEvent releaseTag(String tag, String sha, long buildNumber) {
        return new BuildEvent(Kind.RELEASE_TAG, sha, tag, null, buildNumber);
    }

    public static BuildEvent pullRequest(int number, String sha, long buildNumber) {
        return new BuildEvent(Kind.PULL_REQUEST, sha, null, number, buildNumber);
    }

    public static BuildEvent manual(String sha, long buildNumber) {
        return new BuildEvent(Kind.MANUAL, sha, null, null, buildNumber);
    }
}
