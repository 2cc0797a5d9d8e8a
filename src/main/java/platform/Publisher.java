package platform;

import java.util.List;

/**
 * Who pushes a service's images. {@code github}: a workflow of {@code repository} on the listed branches or GitHub
 * environments assumes the publisher role through OIDC. {@code codebuild}: the named CodeBuild project's role.
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
        String project) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param type github or codebuild.
     * @param repository github: the repository as org/repo.
     * @param branches github: branches whose workflows may push (the OIDC subject ref:refs/heads/&lt;branch&gt;).
     * @param environments github: GitHub environments whose jobs may push (the OIDC subject environment:&lt;name&gt;).
     * @param allowWildcard github: allow * in the repository name, branches and environments (never in the organisation). Default: false.
     * @param project codebuild: the project name.
     */
    public Publisher {
        branches = branches == null ? List.of() : List.copyOf(branches);
        environments = environments == null ? List.of() : List.copyOf(environments);
    }

    /**
     * A GitHub Actions publisher.
     *
     * @param repository {@code <organisation>/<repository>}
     * @param branches the branches it may publish from
     * @return the publisher
     */
    public static Publisher github(String repository, String... branches) {
        return new Publisher(PublisherType.GITHUB, repository, List.of(branches), null, false, null);
    }

    /**
     * A CodeBuild publisher.
     *
     * @param project the CodeBuild project name
     * @return the publisher
     */
    public static Publisher codebuild(String project) {
        return new Publisher(PublisherType.CODEBUILD, null, null, null, false, project);
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
