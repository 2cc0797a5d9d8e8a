package platform;

import java.util.List;

/** The image tagging strategy, shared by the lifecycle rules and the generated CI workflows. */
public record Tagging(
        @Field(pattern = NameFormats.TAG_PREFIX, value = "Prefix of release tags (v1.2.3). Default: v.")
        String releasePrefix,
        @Field(pattern = NameFormats.TAG_PREFIX, value = "Prefixes of build tags. Default: [commit-, pr-].")
        List<String> buildPrefixes,
        @Field("CI also writes the mutable tag latest (excluded from immutability where the profile allows). Default: false.")
        boolean allowLatest) {

    /** The release tag prefix: {@code v1.2.3}. */
    public static final String DEFAULT_RELEASE_PREFIX = "v";
    /** The build tag prefixes: {@code commit-<sha>}, {@code pr-<n>}. */
    public static final List<String> DEFAULT_BUILD_PREFIXES = List.of("commit-", "pr-");

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param releasePrefix prefix of release tags (v1.2.3). Default: v.
     * @param buildPrefixes prefixes of build tags. Default: [commit-, pr-].
     * @param allowLatest cI also writes the mutable tag latest (excluded from immutability where the profile allows). Default: false.
     */
    public Tagging {
        releasePrefix = releasePrefix == null ? DEFAULT_RELEASE_PREFIX : releasePrefix;
        buildPrefixes = buildPrefixes == null || buildPrefixes.isEmpty() ? DEFAULT_BUILD_PREFIXES : List.copyOf(buildPrefixes);
    }
}
