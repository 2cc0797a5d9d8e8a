package constructs.registry;

import java.util.List;

/**
 * The ECR account settings of a registry (one account and region) and the values {@code ecr:PutAccountSetting}
 * accepts for each. No CloudFormation resource writes them; {@link EcrAccountSetting} does, through the CDK's
 * {@code AwsCustomResource}.
 * Source: https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutAccountSetting.html
 */
public enum AccountSettingName {
    /** The basic scanning engine: {@code AWS_NATIVE} (the Amazon Inspector engine) or the retired {@code CLAIR}. */
    BASIC_SCAN_TYPE_VERSION(List.of("AWS_NATIVE", "CLAIR")),
    /** How the registry policy is read: {@code V2} lets it grant every ECR action; {@code V1} only replication and cache actions. */
    REGISTRY_POLICY_SCOPE(List.of("V1", "V2")),
    /**
     * Whether a push may mount layers that another repository of the registry already holds instead of uploading
     * them again; ECR mounts only between repositories with the same encryption type and key.
     */
    BLOB_MOUNTING(List.of("ENABLED", "DISABLED"));

    private final List<String> values;

    AccountSettingName(List<String> values) {
        this.values = values;
    }

    /**
     * The values ECR documents for this setting.
     *
     * @return the values, as the API spells them
     */
    public List<String> allowedValues() {
        return values;
    }
}
