package platform;

/** A CDK Pipelines pipeline that deploys the environments in promotion order, prod after a manual approval. */
public record Delivery(
        @Field(required = true, pattern = Names.ACCOUNT, value = "The pipeline's account.")
        String account,
        @Field(required = true, pattern = Names.REGION, value = "The pipeline's region.")
        String region,
        @Field(required = true, pattern = Names.CONNECTION_ARN, value = "The CodeConnections (CodeStar) GitHub connection ARN.")
        String connectionArn,
        @Field(required = true, pattern = Names.GITHUB_REPOSITORY, value = "The GitHub repository of this CDK app, as org/repo.")
        String repository,
        @Field("The branch the pipeline follows. Default: main.")
        String branch) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param account the pipeline's account.
     * @param region the pipeline's region.
     * @param connectionArn the CodeConnections (CodeStar) GitHub connection ARN.
     * @param repository the GitHub repository of this CDK app, as org/repo.
     * @param branch the branch the pipeline follows. Default: main.
     */
    public Delivery {
        branch = branch == null ? "main" : branch;
    }
}
