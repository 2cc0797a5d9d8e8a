package platform;

/** When ECR applies a repository creation template (the API's {@code appliedFor}). */
public enum TemplateAppliesTo implements FileValue {
    PULL_THROUGH_CACHE, REPLICATION, CREATE_ON_PUSH
}
