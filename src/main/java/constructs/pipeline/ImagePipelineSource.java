package constructs.pipeline;

import java.util.regex.Pattern;

/**
 * Where an {@link ImagePipeline} reads the service's code: a CodeConnections connection to GitHub, GitLab or
 * Bitbucket (the {@code CodeStarSourceConnection} action), or a CodeCommit repository. A connection is created once in
 * the console and authorised there (the provider's OAuth handshake cannot be done by CloudFormation); the pipeline only
 * names its ARN, so nothing is looked up at synthesis.
 * Source: https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-CodestarConnectionSource.html
 */
public final class ImagePipelineSource {

    /**
     * Both ARN forms CodeConnections accepts: {@code codeconnections} (since 2024) and the older
     * {@code codestar-connections}. Source: https://docs.aws.amazon.com/dtconsole/latest/userguide/rename.html
     */
    static final Pattern CONNECTION_ARN = Pattern.compile(
            "arn:aws[a-z-]*:(codeconnections|codestar-connections):[a-z0-9-]+:(\\d{12}):connection/[0-9a-f-]+");

    private final String connectionArn;
    private final String repository;
    private final String codeCommitRepository;

    private ImagePipelineSource(String connectionArn, String repository, String codeCommitRepository) {
        this.connectionArn = connectionArn;
        this.repository = repository;
        this.codeCommitRepository = codeCommitRepository;
    }

    /**
     * A repository behind a CodeConnections connection.
     *
     * @param connectionArn the connection's ARN, {@code codeconnections} or {@code codestar-connections}
     * @param repository the repository as the provider names it, {@code owner/repo} (GitLab: {@code group/subgroup/project})
     * @return the source
     */
    public static ImagePipelineSource connection(String connectionArn, String repository) {
        return new ImagePipelineSource(connectionArn, repository, null);
    }

    /**
     * A CodeCommit repository of the pipeline's account and region.
     *
     * @param repositoryName the repository's name
     * @return the source
     */
    public static ImagePipelineSource codeCommit(String repositoryName) {
        return new ImagePipelineSource(null, null, repositoryName);
    }

    /**
     * The connection's ARN.
     *
     * @return the connection ARN; null for a CodeCommit source
     */
    public String connectionArn() {
        return connectionArn;
    }

    /**
     * The repository behind the connection.
     *
     * @return {@code owner/repo}; null for a CodeCommit source
     */
    public String repository() {
        return repository;
    }

    /**
     * The CodeCommit repository.
     *
     * @return its name; null for a connection source
     */
    public String codeCommitRepository() {
        return codeCommitRepository;
    }
}
