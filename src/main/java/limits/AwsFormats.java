package limits;

import java.util.List;

/**
 * The formats of AWS identifiers this project checks before deployment, each defined once as a regular expression: the
 * platform file's schema and validator ({@code platform.NameFormats}) and the constructs compile the same text, so a value
 * `validate` accepts is one the constructs accept. Each names the page it comes from.
 */
public final class AwsFormats {

    private AwsFormats() {
    }

    /**
     * A Secrets Manager secret ARN whose name starts with {@code ecr-pullthroughcache/}, the only secrets a pull-through
     * cache rule reads (https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache-creating-secret.html).
     */
    public static final String PULL_THROUGH_CACHE_SECRET_ARN =
            "^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:ecr-pullthroughcache/.+$";

    /**
     * An Azure Container Registry name, the part before {@code .azurecr.io}, as an ECR pull-through cache rule takes it
     * (Azure: 5 to 50 letters and digits).
     */
    public static final String AZURE_CONTAINER_REGISTRY_NAME = "^[a-zA-Z0-9]{5,50}$";

    /**
     * An AWS Signer signing profile ARN, as ECR's signing configuration takes it; profile names are 2 to 64 letters,
     * digits and underscores (https://docs.aws.amazon.com/signer/latest/api/API_PutSigningProfile.html).
     */
    public static final String SIGNING_PROFILE_ARN =
            "^arn:aws[a-z-]*:signer:[a-z0-9-]+:[0-9]{12}:/signing-profiles/[A-Za-z0-9_]{2,64}$";

    /** The version a signing profile version ARN appends to {@link #SIGNING_PROFILE_ARN} (IAM policies may name it). */
    public static final String SIGNING_PROFILE_VERSION_SUFFIX = "(/[A-Za-z0-9]{10})?";

    /**
     * A repository filter with {@code *} wildcards (WILDCARD_MATCH), as registry scanning and signing rules take it: a
     * lowercase repository name whose characters may be {@code *}
     * (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_SigningRepositoryFilter.html).
     */
    public static final String WILDCARD_FILTER = "^[a-z0-9*]+([._/-][a-z0-9*]+)*$";

    // --- EC2 ids: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Subnet.html (8 hexadecimal digits for
    // --- resources created before 2018, 17 since) ------------------------------------------------------------

    /** A VPC id. */
    public static final String VPC_ID = "^vpc-[0-9a-f]{8}([0-9a-f]{9})?$";
    /** A subnet id. */
    public static final String SUBNET_ID = "^subnet-[0-9a-f]{8}([0-9a-f]{9})?$";
    /** A route table id. */
    public static final String ROUTE_TABLE_ID = "^rtb-[0-9a-f]{8}([0-9a-f]{9})?$";
    /** An IPv4 CIDR block: four octets of 0 to 255 and a prefix length of 0 to 32. */
    public static final String IPV4_CIDR =
            "^((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])/(3[0-2]|[12]?[0-9])$";

    /** An AWS Organizations organisation id (https://docs.aws.amazon.com/organizations/latest/APIReference/API_Organization.html). */
    public static final String ORGANIZATION_ID = "^o-[a-z0-9]{10,32}$";

    /**
     * An e-mail address as an SNS email subscription takes it: its shape only (SNS confirms the address itself,
     * https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html).
     */
    public static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    /**
     * The operating systems an ECR Public repository's catalog data may name: the ones the ECR Public Gallery shows as
     * badges and search filters (ECR Public PutRepositoryCatalogData, RepositoryCatalogDataInput.operatingSystems,
     * https://docs.aws.amazon.com/AmazonECRPublic/latest/APIReference/API_RepositoryCatalogDataInput.html).
     */
    public static final List<String> ECR_PUBLIC_OPERATING_SYSTEMS = List.of("Linux", "Windows");
}
