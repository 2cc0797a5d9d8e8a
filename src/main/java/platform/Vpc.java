package platform;

import java.util.List;

/** An existing VPC, given by ids (no lookups), that gets the ECR interface endpoints and the S3 gateway endpoint. */
public record Vpc(
        @Field(required = true, pattern = Names.VPC_ID, value = "The VPC id.")
        String id,
        @Field(required = true, pattern = Names.CIDR, value = "The VPC's IPv4 CIDR; the endpoints' security group admits 443 from it.")
        String cidr,
        @Field(required = true, value = "Subnets that get an endpoint network interface, with their availability zones.")
        List<Subnet> subnets,
        @Field(pattern = Names.ROUTE_TABLE_ID, value = "Route tables that get the S3 gateway endpoint. Default: none (no S3 gateway endpoint).")
        List<String> routeTables,
        @Field("Skip creating endpoints the VPC already has (a second private-DNS endpoint fails at deploy). Default: false.")
        boolean adoptExistingEndpoints,
        @Field("The VPC uses S3 for nothing but ECR layers, so the S3 endpoint policy allows only the layer bucket. Default: false.")
        boolean s3OnlyForEcr,
        @Field("Also create the CloudWatch Logs interface endpoint (ECS needs it to start tasks without internet access). Default: false.")
        boolean logsEndpoint,
        @Field(pattern = Names.ORGANIZATION_ID, value = "The ECR endpoints' policy also admits principals of this AWS Organizations organisation. Default: the environment's account only.")
        String organizationId) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param id the VPC id.
     * @param cidr the VPC's IPv4 CIDR; the endpoints' security group admits 443 from it.
     * @param subnets subnets that get an endpoint network interface, with their availability zones.
     * @param routeTables route tables that get the S3 gateway endpoint. Default: none (no S3 gateway endpoint).
     * @param adoptExistingEndpoints skip creating endpoints the VPC already has (a second private-DNS endpoint fails at deploy). Default: false.
     * @param s3OnlyForEcr the VPC uses S3 for nothing but ECR layers, so the S3 endpoint policy allows only the layer bucket. Default: false.
     * @param logsEndpoint also create the CloudWatch Logs interface endpoint (ECS needs it to start tasks without internet access). Default: false.
     * @param organizationId the ECR endpoints' policy also admits principals of this AWS Organizations organisation. Default: the environment's account only.
     */
    public Vpc {
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
        routeTables = routeTables == null ? List.of() : List.copyOf(routeTables);
    }
}
