package platform;

import java.util.List;

/** A registry replication rule, created in the registry stack of each environment it covers. */
public record ReplicationRuleSpec(
        @Field(pattern = NameFormats.NAME, value = "Environments whose repositories are replicated. Default: all.")
        List<String> environments,
        @Field(required = true, value = "Where to replicate to; at most 25 unique destinations in all.")
        List<ReplicationDestination> destinations,
        @Field(pattern = NameFormats.REPOSITORY_PREFIX, value = "Repository name prefixes to replicate. Default: each covered environment's prefix (e.g. shop/prod/).")
        List<String> repositoryPrefixes) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param environments environments whose repositories are replicated. Default: all.
     * @param destinations where to replicate to; at most 25 unique destinations in all.
     * @param repositoryPrefixes repository name prefixes to replicate. Default: each covered environment's prefix (e.g. shop/prod/).
     */
    public ReplicationRuleSpec {
        environments = environments == null ? List.of() : List.copyOf(environments);
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
        repositoryPrefixes = repositoryPrefixes == null ? List.of() : List.copyOf(repositoryPrefixes);
    }
}
