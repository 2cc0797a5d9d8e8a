package platform;

import java.util.List;

/** A CDK Pipelines pipeline that deploys the environments in promotion order, prod after a manual approval. */
public record Delivery(
        @Field(required = true, pattern = NameFormats.ACCOUNT, value = "The pipeline's account.")
        String account,
        @Field(required = true, pattern = NameFormats.REGION, value = "The pipeline's region.")
        String region,
        @Field(required = true, pattern = NameFormats.CONNECTION_ARN, value = "The CodeConnections (CodeStar) GitHub connection ARN.")
        String connectionArn,
        @Field(required = true, pattern = NameFormats.GITHUB_REPOSITORY, value = "The GitHub repository of this CDK app, as org/repo.")
        String repository,
        @Field("The branch the pipeline follows. Default: main.")
        String branch,
        @Field(pattern = NameFormats.EMAIL, value = "Email addresses subscribed to the pipeline's approval topic (encrypted SNS),"
                + " notified when a stage waits for approval. Default: none (subscribe to the topic yourself).")
        List<String> approvalEmail,
        @Field(pattern = NameFormats.PERMISSIONS_BOUNDARY, value = "The permissions boundary of every IAM role the pipeline and its"
                + " stages create: a customer-managed policy's name, which each account resolves to its own policy (create it"
                + " in every account first), or a managed policy's ARN in the one account every stack deploys to (or an AWS"
                + " managed policy). The generated execution policies then let CloudFormation create and change roles only"
                + " with this boundary. Default: none.")
        String permissionsBoundary) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param account the pipeline's account.
     * @param region the pipeline's region.
     * @param connectionArn the CodeConnections (CodeStar) GitHub connection ARN.
     * @param repository the GitHub repository of this CDK app, as org/repo.
     * @param branch the branch the pipeline follows. Default: main.
     * @param approvalEmail email addresses subscribed to the approval topic. Default: none.
     * @param permissionsBoundary the permissions boundary of every role the pipeline and its stages create, a policy name
     *                            or ARN. Default: none.
     */
    public Delivery {
        branch = branch == null ? "main" : branch;
        approvalEmail = approvalEmail == null ? List.of() : List.copyOf(approvalEmail);
    }

    /**
     * A delivery section without approval subscribers.
     *
     * @param account       the pipeline's account
     * @param region        the pipeline's region
     * @param connectionArn the CodeConnections GitHub connection ARN
     * @param repository    the GitHub repository of this CDK app, as org/repo
     * @param branch        the branch the pipeline follows; null for main
     */
    public Delivery(String account, String region, String connectionArn, String repository, String branch) {
        this(account, region, connectionArn, repository, branch, null, null);
    }

    /**
     * A delivery section without a permissions boundary.
     *
     * @param account       the pipeline's account
     * @param region        the pipeline's region
     * @param connectionArn the CodeConnections GitHub connection ARN
     * @param repository    the GitHub repository of this CDK app, as org/repo
     * @param branch        the branch the pipeline follows; null for main
     * @param approvalEmail email addresses subscribed to the approval topic; null for none
     */
    public Delivery(String account, String region, String connectionArn, String repository, String branch,
                    List<String> approvalEmail) {
        this(account, region, connectionArn, repository, branch, approvalEmail, null);
    }

    /**
     * Whether {@link #permissionsBoundary()} is an ARN rather than a policy name.
     *
     * @return true for an ARN
     */
    public boolean permissionsBoundaryIsArn() {
        return permissionsBoundary != null && permissionsBoundary.startsWith("arn:");
    }
}
