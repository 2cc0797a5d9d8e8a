package lifecycle;

import java.util.List;

/**
 * The one definition of the image tags the publishing kit writes and of the lifecycle fate of each tag family.
 * The CI generator ({@code publishing.TaggingStrategy}) writes tags with these prefixes, and
 * {@link LifecyclePresets#environmentPolicy} turns the same prefixes into {@code tagPatternList} entries, so the two
 * cannot drift apart.
 *
 * <table>
 * <caption>Tag families, in the priority order of the lifecycle rules (the first family an image carries decides)</caption>
 * <tr><th>family</th><th>tags</th><th>written by</th><th>fate</th></tr>
 * <tr><td>{@link Family#RELEASE}</td><td>{@code v1.2.3}</td><td>CI on a release git tag; promotion</td>
 *     <td>archived after {@code releaseArchiveDays} without a pull; never expired</td></tr>
 * <tr><td>{@link Family#PROMOTION}</td><td>{@code <env>-<yyyymmdd>-<12 hex>}</td><td>promotion into {@code <env>}</td>
 *     <td>archived after {@code promotionArchiveDays} without a pull; never expired</td></tr>
 * <tr><td>{@link Family#BUILD}</td><td>{@code commit-<sha>}, {@code pr-<n>}</td><td>CI on every push (pr: built, not pushed)</td>
 *     <td>expired after {@code buildRetentionDays} (where set), else by the count rule</td></tr>
 * <tr><td>{@link Family#BUILD_NUMBER}</td><td>{@code build-<n>}</td><td>CI, always beside {@code commit-<sha>}</td>
 *     <td>follows the other tags of its image</td></tr>
 * <tr><td>{@link Family#OTHER}</td><td>{@code latest}, anything else</td><td>CI where allowed; people</td>
 *     <td>the count rule ({@code keepLastImages}) or the archive rule ({@code otherArchiveDays})</td></tr>
 * </table>
 *
 * @param releasePrefix prefix of release tags. Default: {@value #DEFAULT_RELEASE_PREFIX}
 * @param buildPrefixes prefixes of build tags. Default: {@code ["commit-", "pr-"]}
 */
public record TagScheme(String releasePrefix, List<String> buildPrefixes) {

    public static final String DEFAULT_RELEASE_PREFIX = "v";
    public static final String COMMIT_PREFIX = "commit-";
    public static final String PULL_REQUEST_PREFIX = "pr-";
    public static final String BUILD_NUMBER_PREFIX = "build-";
    public static final String LATEST = "latest";
    public static final List<String> DEFAULT_BUILD_PREFIXES = List.of(COMMIT_PREFIX, PULL_REQUEST_PREFIX);

    /** The families of tags, in the order of the lifecycle rules that select them. */
    public enum Family { RELEASE, PROMOTION, BUILD, BUILD_NUMBER, OTHER }

    public TagScheme {
        releasePrefix = releasePrefix == null ? DEFAULT_RELEASE_PREFIX : releasePrefix;
        buildPrefixes = buildPrefixes == null || buildPrefixes.isEmpty() ? DEFAULT_BUILD_PREFIXES : List.copyOf(buildPrefixes);
    }

    /** The prefix of the tags promotion writes into an environment: {@code prod-} for {@code prod-20261123-0123456789ab}. */
    public static String promotionPrefix(String environment) {
        return environment + "-";
    }

    /**
     * The family of one tag in a repository of {@code environment}, as the lifecycle rules see it (release rules come
     * before promotion rules, which come before build rules).
     */
    public Family family(String tag, String environment) {
        if (tag.startsWith(releasePrefix)) {
            return Family.RELEASE;
        }
        if (environment != null && tag.startsWith(promotionPrefix(environment))) {
            return Family.PROMOTION;
        }
        if (buildPrefixes.stream().anyMatch(tag::startsWith)) {
            return Family.BUILD;
        }
        if (tag.startsWith(BUILD_NUMBER_PREFIX)) {
            return Family.BUILD_NUMBER;
        }
        return Family.OTHER;
    }

    /** Whether an image with these tags may still be run by its environment: it carries a release or promotion tag. */
    public boolean runnable(List<String> tags, String environment) {
        return tags.stream().map(t -> family(t, environment)).anyMatch(f -> f == Family.RELEASE || f == Family.PROMOTION);
    }
}
