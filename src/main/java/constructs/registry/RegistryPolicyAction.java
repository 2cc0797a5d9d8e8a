package constructs.registry;

/**
 * The only actions ECR enforces in a private registry policy; any other action makes
 * PutRegistryPolicy fail. Source:
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry-permissions.html
 */
public enum RegistryPolicyAction {
    /** Another account's registry replicates its images into this one. */
    REPLICATE_IMAGE("ecr:ReplicateImage"),
    /** ECR creates the replicated or cached repository when it does not exist yet. */
    CREATE_REPOSITORY("ecr:CreateRepository"),
    /** A pull-through cache rule imports the upstream image into this registry. */
    BATCH_IMPORT_UPSTREAM_IMAGE("ecr:BatchImportUpstreamImage");

    private final String iamAction;

    RegistryPolicyAction(String iamAction) {
        this.iamAction = iamAction;
    }

    /**
     * The IAM action.
     *
     * @return the action, e.g. {@code ecr:ReplicateImage}
     */
    public String iamAction() {
        return iamAction;
    }
}
