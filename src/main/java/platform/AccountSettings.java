package platform;

/**
 * ECR account settings, written in every registry (account and region) where the platform's environments live and
 * whose ownership says {@code accountSettings: managed}. Each is one value a registry: the registry stack reads the
 * value before, writes this one, and writes the one before back when it is deleted. An absent setting is left as it is.
 * Values as the ECR API spells them (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutAccountSetting.html).
 */
public record AccountSettings(
        @Field("The basic scanning engine: AWS_NATIVE (Amazon Inspector's engine, the one ECR still develops). Default: left as it is.")
        BasicScanTypeVersion basicScanTypeVersion,
        @Field("V2: the registry policy may grant every ECR action (V1: replication and pull-through cache only). Default: left as it is.")
        RegistryPolicyScope registryPolicyScope,
        @Field("ENABLED: a push mounts layers another repository of the registry already holds instead of uploading them;"
                + " ECR mounts only between repositories with the same encryption type and key, so with one key per"
                + " environment layers are shared within an environment (docs/registry.md). Default: left as it is.")
        BlobMounting blobMounting) {

    /**
     * Whether the file sets any account setting.
     *
     * @return whether any setting is set
     */
    public boolean isEmpty() {
        return basicScanTypeVersion == null && registryPolicyScope == null && blobMounting == null;
    }

    /** The basic scanning engine of ECR's basic scanning. */
    public enum BasicScanTypeVersion implements FileValue {
        /** Amazon Inspector's engine. */
        AWS_NATIVE;

        @Override
        public String fileValue() {
            return name();
        }
    }

    /** What a registry policy may grant. */
    public enum RegistryPolicyScope implements FileValue {
        /** Replication and pull-through cache actions only. */
        V1,
        /** Every ECR action. */
        V2;

        @Override
        public String fileValue() {
            return name();
        }
    }

    /** Cross-repository layer mounting on push. */
    public enum BlobMounting implements FileValue {
        /** A push mounts layers the registry already holds under the same encryption. */
        ENABLED,
        /** Every repository uploads its own layers. */
        DISABLED;

        @Override
        public String fileValue() {
            return name();
        }
    }
}
