package platform;

import java.util.List;

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
        String branch,
        @Field(pattern = Names.EMAIL, value = "Email addresses subscribed to the pipeline's approval topic (encrypted SNS),"
                + " notified when a stage waits for approval. Default: none (subscribe to the topic yourself).")
        List<String> approvalEmail) {

    public Delivery {
        branch = branch == null ? "main" : branch;
        approvalEmail = approvalEmail == null ? List.of() : List.copyOf(approvalEmail);
    }

    /** Without approval subscribers. */
    public Delivery(String account, String region, String connectionArn, String repository, String branch) {
        this(account, region, connectionArn, repository, branch, null);
    }
}
