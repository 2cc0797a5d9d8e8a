package publishing;

/**
 * The host names of a private ECR registry that docker, ORAS and the AWS CLI reach, from the ECR user guide
 * ("Making requests to Amazon ECR registries", https://docs.aws.amazon.com/AmazonECR/latest/userguide/ecr-requests.html)
 * and the service endpoints (https://docs.aws.amazon.com/general/latest/gr/ecr.html):
 * <ul>
 *   <li>IPv4 only: {@code <account>.dkr.ecr.<region>.amazonaws.com}, the name a repository's URI carries; AWS
 *       PrivateLink (the interface endpoints of {@code environments[].vpc}) serves this name only;</li>
 *   <li>dual-stack (IPv4 and IPv6): {@code <account>.dkr-ecr.<region>.on.aws}, in the AWS partition. The AWS API's
 *       dual-stack endpoint {@code ecr.<region>.api.aws} is chosen by the CLI and SDKs themselves with
 *       {@link #DUAL_STACK_VARIABLE}{@code =true} (AWS SDKs and Tools reference, "Dual-stack and FIPS endpoints",
 *       https://docs.aws.amazon.com/sdkref/latest/guide/feature-endpoints.html), STS's included
 *       ({@code sts.<region>.api.aws}).</li>
 * </ul>
 */
public final class RegistryHost {

    /** The environment variable that switches the AWS CLI and SDKs to dual-stack endpoints. */
    public static final String DUAL_STACK_VARIABLE = "AWS_USE_DUALSTACK_ENDPOINT";

    private RegistryHost() {
    }

    /**
     * The registry host of an account and region.
     *
     * @param account   the 12-digit account id
     * @param region    the region
     * @param dualStack the dual-stack host instead of the IPv4 one
     * @return the host, without a scheme
     */
    public static String of(String account, String region, boolean dualStack) {
        return dualStack ? account + ".dkr-ecr." + region + ".on.aws" : account + ".dkr.ecr." + region + ".amazonaws.com";
    }
}
