package publishing;

import lifecycle.TagScheme;
import platform.Platform;
import platform.Service;
import platform.Tagging;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one place that says which tags CI writes, derived from the platform file's {@code tagging} so that the
 * lifecycle rules (built from the same {@code tagging}) keep or expire exactly these tags.
 *
 * <p>Every image CI pushes carries {@code commit-<sha>}: it is the tag the build rule of the lifecycle policy
 * selects, so no image escapes the lifecycle policy in environments without a keep-last count rule. The other
 * tags ride along and never appear alone:
 * <table>
 * <caption>Tags per event</caption>
 * <tr><th>event</th><th>tags pushed to the first environment</th></tr>
 * <tr><td>push to a publisher branch</td><td>{@code commit-<sha>}, {@code build-<n>}, {@code latest} where allowed</td></tr>
 * <tr><td>push of a release tag {@code v1.2.3}</td><td>{@code commit-<sha>}, {@code build-<n>}, {@code v1.2.3}</td></tr>
 * <tr><td>manual run</td><td>{@code commit-<sha>}, {@code build-<n>}</td></tr>
 * <tr><td>pull request</td><td>nothing: built as {@code pr-<n>} and not pushed</td></tr>
 * </table>
 * Promotion adds {@code <env>-<yyyymmdd>-<12 hex of the digest>}, {@code commit-<sha>} and the release version in
 * the target environment.
 *
 * <p>{@code build-<n>} is deliberately not a lifecycle build prefix: it is always accompanied by
 * {@code commit-<sha>}, and ECR selects an image when any of its tags matches, so the commit rule decides.
 *
 * @param releasePrefix prefix of release tags, from {@code tagging.releasePrefix}
 * @param buildPrefixes the lifecycle build prefixes, from {@code tagging.buildPrefixes}; must contain {@value #COMMIT_PREFIX}
 * @param writeLatest   CI moves {@code latest}: only where {@code tagging.allowLatest} is set and the service's
 *                      tag-mutability exclusions make {@code latest} mutable
 */
public record TaggingStrategy(String releasePrefix, List<String> buildPrefixes, boolean writeLatest) {

    // One definition: the lifecycle rules select the same prefixes (lifecycle.TagScheme documents each tag's fate).
    public static final String COMMIT_PREFIX = TagScheme.COMMIT_PREFIX;
    public static final String PULL_REQUEST_PREFIX = TagScheme.PULL_REQUEST_PREFIX;
    public static final String BUILD_NUMBER_PREFIX = TagScheme.BUILD_NUMBER_PREFIX;
    public static final String LATEST = TagScheme.LATEST;

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    public TaggingStrategy {
        Objects.requireNonNull(releasePrefix, "releasePrefix");
        buildPrefixes = List.copyOf(buildPrefixes);
        if (!buildPrefixes.contains(COMMIT_PREFIX)) {
            throw new IllegalArgumentException("tagging.buildPrefixes " + buildPrefixes + " lacks \"" + COMMIT_PREFIX
                    + "\": CI tags every image " + COMMIT_PREFIX + "<sha>, and an image whose tags no lifecycle rule "
                    + "selects is never expired where the profile has no keepLastImages. Fix: add \"" + COMMIT_PREFIX
                    + "\" to tagging.buildPrefixes");
        }
    }

    /** The strategy for one service of a platform. */
    public static TaggingStrategy of(Platform platform, Service service) {
        Tagging tagging = platform.tagging();
        boolean latestMutable = service.tagMutabilityExclusions().stream().anyMatch(f -> TagPattern.matches(f, LATEST));
        return new TaggingStrategy(tagging.releasePrefix(), tagging.buildPrefixes(), tagging.allowLatest() && latestMutable);
    }

    /**
     * A POSIX extended regular expression a release git tag must match: the release prefix, then a semantic
     * version {@code <major>.<minor>.<patch>} with an optional pre-release ({@code v1.2.3}, {@code v2.0.0-rc.1}).
     */
    public String releaseTagRegex() {
        return "^" + releasePrefix.replace(".", "\\.") + "[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?$";
    }

    /** Whether a git tag is a release version. */
    public boolean isRelease(String gitTag) {
        return gitTag != null && Pattern.compile(releaseTagRegex()).matcher(gitTag).find();
    }

    /** The git-tag filter of the CI trigger: {@code v*}. */
    public String releaseTagTrigger() {
        return releasePrefix + "*";
    }

    public String commitTag(String sha) {
        if (!SHA.matcher(sha).matches()) {
            throw new IllegalArgumentException("commit SHA \"" + sha + "\" is invalid: must be 40 lowercase hex digits");
        }
        return COMMIT_PREFIX + sha;
    }

    /** The tags CI pushes for an event, the first being the one the image is pushed under; empty for pull requests. */
    public List<String> pushedTags(BuildEvent event) {
        if (event.kind() == BuildEvent.Kind.PULL_REQUEST) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        tags.add(commitTag(event.commitSha()));
        tags.add(BUILD_NUMBER_PREFIX + event.buildNumber());
        if (event.kind() == BuildEvent.Kind.RELEASE_TAG) {
            if (!isRelease(event.refName())) {
                throw new IllegalArgumentException("git tag \"" + event.refName() + "\" is not a release version: must match "
                        + releaseTagRegex() + ", e.g. " + releasePrefix + "1.2.3");
            }
            tags.add(event.refName());
        }
        if (event.kind() == BuildEvent.Kind.BRANCH && writeLatest) {
            tags.add(LATEST);
        }
        return List.copyOf(tags);
    }

    /** The local tag of a pull-request build, which is built for every platform and never pushed. */
    public String pullRequestTag(int number) {
        return PULL_REQUEST_PREFIX + number;
    }

    /** {@code prod-20261123-0123456789ab}: unique per digest, so immutable repositories accept a second promotion that day. */
    public String environmentTag(String environment, LocalDate day, String digest) {
        if (!DIGEST.matcher(digest).matches()) {
            throw new IllegalArgumentException("digest \"" + digest + "\" is invalid: must be sha256: and 64 lowercase hex digits");
        }
        return TagScheme.promotionPrefix(environment) + day.format(DAY) + "-" + digest.substring(7, 19);
    }

    /** The tags promotion writes in the target environment; {@code release} may be null. */
    public List<String> promotionTags(String environment, LocalDate day, String digest, String sha, String release) {
        List<String> tags = new ArrayList<>(List.of(environmentTag(environment, day, digest), commitTag(sha)));
        if (release != null) {
            tags.add(release);
        }
        return List.copyOf(tags);
    }
}
