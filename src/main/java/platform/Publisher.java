package platform;

import java.util.List;

/**
 * Who pushes a service's images. {@code github}: a workflow of {@code repository} on the listed branches or GitHub
 * environments assumes the publisher role through OIDC; release tags only through the declared
 * {@code releaseEnvironment} (never a tag pattern: whoever can push a tag could otherwise publish).
 * {@code codebuild}: the named CodeBuild project's role.
 */
public record Publisher(
        @Field(required = true, value = "github or codebuild.")
        PublisherType type,
        @Field(pattern = Names.GITHUB_REPOSITORY, value = "github: the repository as org/repo.")
        String repository,
        @Field("github: branches whose workflows may push (the OIDC subject ref:refs/heads/<branch>).")
        List<String> branches,
        @Field("github: GitHub environments whose jobs may push (the OIDC subject environment:<name>).")
        List<String> environments,
        @Field("github: allow * in the repository name, branches and environments (never in the organisation). Default: false.")
        boolean allowWildcard,
        @Field(pattern = Names.CODEBUILD_PROJECT, value = "codebuild: the project name.")
        String project,
        @Field("github: the GitHub environment release-tag builds run in (the OIDC subject environment:<name>); protect it with a deployment tag rule for the release prefix and required reviewers. Default: none, release tags are not built by CI and no tag is trusted.")
        String releaseEnvironment) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param type github or codebuild.
     * @param repository github: the repository as org/repo.
     * @param branches github: branches whose workflows may push (the OIDC subject ref:refs/heads/&lt;branch&gt;).
     * @param environments github: GitHub environments whose jobs may push (the OIDC subject environment:&lt;name&gt;).
     * @param allowWildcard github: allow * in the repository name, branches and environments (never in the organisation). Default: false.
     * @param project codebuild: the project name.
     * @param releaseEnvironment github: the GitHub environment release-tag builds run in. Default: none, release tags are not built.
     */
    public Publisher {
        branches = branches == null ? List.of() : List.copyOf(branches);
        environments = environments == null ? List.of() : List.copyOf(environments);
    }

    /**
     * The constructor of 0.1.0, without the components added since: they take their defaults.
     *
     * @param type see the record components
     * @param repository see the record components
     * @param branches see the record components
     * @param environments see the record components
     * @param allowWildcard see the record components
     * @param project see the record components
     * @deprecated use the canonical constructor
     */
    @Deprecated
    public Publisher(PublisherType type, String repository, List<String> branches, List<String> environments,
                     boolean allowWildcard, String project) {
        this(type, repository, branches, environments, allowWildcard, project, null);
    }

    /**
     * A GitHub Actions publisher.
     *
     * @param repository {@code <organisation>/<repository>}
     * @param branches the branches it may publish from
     * @return the publisher
     */
    public static Publisher github(String repository, String... branches) {
        return new Publisher(PublisherType.GITHUB, repository, List.of(branches), null, false, null, null);
    }

    /**
     * A CodeBuild publisher.
     *
     * @param project the CodeBuild project name
     * @return the publisher
     */
    public static Publisher codebuild(String project) {
        return new Publisher(PublisherType.CODEBUILD, null, null, null, false, project, null);
    }

    /**
     * The GitHub organisation (or user) of {@link #repository()}.
     *
     * @return the GitHub organisation (or user) of {@link #repository()}
     */
    public String organisation() {
        return repository == null ? null : repository.substring(0, repository.indexOf('/'));
    }
}
