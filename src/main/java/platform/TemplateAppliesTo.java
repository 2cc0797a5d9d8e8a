package platform;

/** When ECR applies a repository creation template (the API's {@code appliedFor}). */
public enum TemplateAppliesTo implements FileValue {
    /** Repositories a pull-through cache rule creates. */
    PULL_THROUGH_CACHE,
    /** Repositories replication creates in a destination registry. */
    REPLICATION,
    /** Repositories created by a first push to a name that does not exist. */
    CREATE_ON_PUSH
}
