package constructs.registry;

/**
 * The repository-creation scenarios a template applies to (RepositoryCreationTemplate {@code appliedFor}).
 * Source: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_RepositoryCreationTemplate.html
 */
public enum CreationTemplateAppliedFor {
    /** Repositories ECR creates in a destination registry when replicating. */
    REPLICATION,
    /** Repositories ECR creates on the first pull through a pull-through cache rule. */
    PULL_THROUGH_CACHE,
    /** Repositories ECR creates when an image is pushed to a repository that does not exist. */
    CREATE_ON_PUSH
}
