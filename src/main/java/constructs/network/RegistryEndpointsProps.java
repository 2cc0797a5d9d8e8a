package constructs.network;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Props of {@link RegistryEndpoints}: an existing VPC described by ids only (no lookups).
 *
 * @param vpcId                  the VPC, e.g. {@code vpc-0a1b2c3d4e5f67890}. Required.
 * @param vpcCidrBlock           the VPC's primary IPv4 CIDR, e.g. {@code 10.20.0.0/16}. Required.
 * @param subnets                the private subnets that get an interface-endpoint network interface,
 *                               at most one per Availability Zone. Required unless every interface
 *                               endpoint is adopted.
 * @param routeTableIds          the route tables of those subnets; the S3 gateway endpoint is added to them.
 *                               Required unless the S3 endpoint is adopted.
 * @param allowedIngressCidrs    who may reach the interface endpoints on 443.
 *                               Default: the VPC CIDR ({@code vpcCidrBlock}) only.
 * @param organizationId         the AWS Organizations id ({@code o-...}) whose principals may use the endpoints.
 *                               Default: principals of the stack's own account only ({@code aws:PrincipalAccount}).
 * @param includeCloudWatchLogs  also create the CloudWatch Logs interface endpoint (ECS needs it to start
 *                               tasks with the awslogs driver). Default: false, no Logs endpoint.
 * @param s3OnlyForEcr           the VPC uses S3 for nothing but ECR image layers: the S3 gateway policy then
 *                               allows only the layer bucket. Default: false, own account/organisation
 *                               principals keep their other S3 access through the endpoint.
 * @param adoptExistingEndpoints endpoints that already exist in this VPC (created by another stack or by hand)
 *                               and must not be created again: a second private-DNS endpoint for a service, or
 *                               a second S3 gateway on the same route tables, fails at deploy.
 *                               Default: none adopted, all are created.
 */
public record RegistryEndpointsProps(
        String vpcId,
        String vpcCidrBlock,
        List<EndpointSubnet> subnets,
        List<String> routeTableIds,
        List<String> allowedIngressCidrs,
        String organizationId,
        boolean includeCloudWatchLogs,
        boolean s3OnlyForEcr,
        Set<RegistryEndpoints.Endpoint> adoptExistingEndpoints) {

    /**
     * A subnet of the existing VPC.
     *
     * @param subnetId         e.g. {@code subnet-0123456789abcdef0}
     * @param availabilityZone e.g. {@code eu-west-1a}
     */
    public record EndpointSubnet(String subnetId, String availabilityZone) {
    }

    public RegistryEndpointsProps {
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
        routeTableIds = routeTableIds == null ? List.of() : List.copyOf(routeTableIds);
        allowedIngressCidrs = allowedIngressCidrs == null || allowedIngressCidrs.isEmpty()
                ? (vpcCidrBlock == null ? List.of() : List.of(vpcCidrBlock))
                : List.copyOf(allowedIngressCidrs);
        adoptExistingEndpoints = adoptExistingEndpoints == null || adoptExistingEndpoints.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(RegistryEndpoints.Endpoint.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(adoptExistingEndpoints));
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String vpcId;
        private String vpcCidrBlock;
        private List<EndpointSubnet> subnets = List.of();
        private List<String> routeTableIds = List.of();
        private List<String> allowedIngressCidrs = List.of();
        private String organizationId;
        private boolean includeCloudWatchLogs;
        private boolean s3OnlyForEcr;
        private Set<RegistryEndpoints.Endpoint> adoptExistingEndpoints = Set.of();

        private Builder() {
        }

        public Builder vpcId(String value) {
            this.vpcId = value;
            return this;
        }

        public Builder vpcCidrBlock(String value) {
            this.vpcCidrBlock = value;
            return this;
        }

        public Builder subnets(List<EndpointSubnet> value) {
            this.subnets = value;
            return this;
        }

        public Builder routeTableIds(List<String> value) {
            this.routeTableIds = value;
            return this;
        }

        public Builder allowedIngressCidrs(List<String> value) {
            this.allowedIngressCidrs = value;
            return this;
        }

        public Builder organizationId(String value) {
            this.organizationId = value;
            return this;
        }

        public Builder includeCloudWatchLogs(boolean value) {
            this.includeCloudWatchLogs = value;
            return this;
        }

        public Builder s3OnlyForEcr(boolean value) {
            this.s3OnlyForEcr = value;
            return this;
        }

        public Builder adoptExistingEndpoints(Set<RegistryEndpoints.Endpoint> value) {
            this.adoptExistingEndpoints = value;
            return this;
        }

        public RegistryEndpointsProps build() {
            return new RegistryEndpointsProps(vpcId, vpcCidrBlock, subnets, routeTableIds, allowedIngressCidrs,
                    organizationId, includeCloudWatchLogs, s3OnlyForEcr, adoptExistingEndpoints);
        }
    }
}
