package platform;

/** What happens to a repository (and its images) when its stack is deleted; maps 1:1 to the CDK enum. */
public enum RepositoryRemoval implements FileValue {
    /** The repository is emptied and deleted with its stack. */
    DESTROY,
    /** The repository and its images outlive the stack. */
    RETAIN
}
