package platform;

import java.util.List;

/** An existing VPC, given by ids (no lookups), that gets the ECR interface endpoints and the S3 gateway endpoint. */
public record Vpc(
        @Field(required = true, pattern = NameFormats.VPC_ID, value = "The VPC id.")
        String id,
        @Field(required = true, pattern = NameFormats.CIDR, value = "The VPC's IPv4 CIDR; the endpoints' security group admits 443 from it.")
        String cidr,
        @Field(required = true, value = "Subnets that get an endpoint network interface, with their availability zones.")
        List<Subnet> subnets,
        @Field(pattern = NameFormats.ROUTE_TABLE_ID, value = "Route tables that get the S3 gateway endpoint. Default: none (no S3 gateway endpoint).")
        List<String> routeTables,
        @Field("Endpoints the VPC already has (ecr.api, ecr.dkr, s3, logs): not created here. Creating one again fails the"
                + " deploy: a second ecr.api, ecr.dkr or logs endpoint with private DNS conflicts with the first, and a"
                + " second S3 gateway on a route table that has one is refused. Default: none, all are created.")
        List<VpcEndpointService> existingEndpoints,
        @Field("The S3 gateway endpoint's policy. open: any S3 request, anonymous ones included (public buckets, package"
                + " repositories on S3 keep working); ownPrincipals: the ECR layer bucket, other S3 only for the account's"
                + " (or organisationId's) principals, which breaks anonymous reads from the VPC; ecrLayersOnly: the layer"
                + " bucket only, which breaks every other S3 use. Default: open.")
        S3EndpointPolicy s3EndpointPolicy,
        @Field("Also create the CloudWatch Logs interface endpoint (ECS needs it to start tasks without internet access). Default: false.")
        boolean logsEndpoint,
        @Field(pattern = NameFormats.ORGANIZATION_ID, value = "The ECR endpoints' policy also admits principals of this AWS Organizations organisation. Default: the environment's account only.")
        String organizationId) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param id the VPC id.
     * @param cidr the VPC's IPv4 CIDR; the endpoints' security group admits 443 from it.
     * @param subnets subnets that get an endpoint network interface, with their availability zones.
     * @param routeTables route tables that get the S3 gateway endpoint. Default: none (no S3 gateway endpoint).
     * @param existingEndpoints endpoints the VPC already has, which are not created again (a second private-DNS endpoint fails at deploy). Default: none.
     * @param s3EndpointPolicy the S3 gateway endpoint's policy: open, ownPrincipals or ecrLayersOnly. Default: open.
     * @param logsEndpoint also create the CloudWatch Logs interface endpoint (ECS needs it to start tasks without internet access). Default: false.
     * @param organizationId the ECR endpoints' policy also admits principals of this AWS Organizations organisation. Default: the environment's account only.
     */
    public Vpc {
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
        routeTables = routeTables == null ? List.of() : List.copyOf(routeTables);
        existingEndpoints = existingEndpoints == null ? List.of() : List.copyOf(existingEndpoints);
        s3EndpointPolicy = s3EndpointPolicy == null ? S3EndpointPolicy.OPEN : s3EndpointPolicy;
    }
}
