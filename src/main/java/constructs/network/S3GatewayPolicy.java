package constructs.network;

/**
 * The endpoint policy of the S3 gateway endpoint. Once the gateway route exists, <em>every</em> S3 request from the
 * route tables passes this policy, not only ECR's layer downloads.
 * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html#ecr-setting-up-s3-gateway
 */
public enum S3GatewayPolicy {
    /**
     * Any principal, any S3 action: the VPC's S3 traffic works as it did through the internet or NAT, including
     * anonymous reads (public buckets, operating-system package repositories and agent downloads hosted on S3).
     * The endpoint adds a route, not a perimeter; identity and bucket policies still decide.
     */
    OPEN,
    /**
     * The ECR layer bucket for anyone (layers come through pre-signed URLs ECR signs), other S3 only for principals of
     * the own account or organisation. Breaks anonymous and third-party pre-signed reads from the VPC.
     */
    OWN_PRINCIPALS,
    /** The ECR layer bucket only. Breaks every other S3 use from the VPC. */
    ECR_LAYERS_ONLY
}
