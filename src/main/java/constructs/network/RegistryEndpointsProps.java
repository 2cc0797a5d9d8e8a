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
 * @param s3GatewayPolicy        the S3 gateway endpoint's policy, which every S3 request from the route tables
 *                               passes. Default: {@link S3GatewayPolicy#OPEN}, the VPC's other S3 traffic (anonymous
 *                               reads of public buckets and package repositories included) keeps working.
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
        S3GatewayPolicy s3GatewayPolicy,
        Set<RegistryEndpoints.Endpoint> adoptExistingEndpoints) {

    /**
     * A subnet of the existing VPC.
     *
     * @param subnetId         e.g. {@code subnet-0123456789abcdef0}
     * @param availabilityZone e.g. {@code eu-west-1a}
     */
    public record EndpointSubnet(String subnetId, String availabilityZone) {
    }

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param vpcId the VPC, e.g. {@code vpc-0a1b2c3d4e5f67890}. Required.
     * @param vpcCidrBlock the VPC's primary IPv4 CIDR, e.g. {@code 10.20.0.0/16}. Required.
     * @param subnets the private subnets that get an interface-endpoint network interface, at most one per Availability Zone. Required unless every interface endpoint is adopted.
     * @param routeTableIds the route tables of those subnets; the S3 gateway endpoint is added to them. Required unless the S3 endpoint is adopted.
     * @param allowedIngressCidrs who may reach the interface endpoints on 443. Default: the VPC CIDR ({@code vpcCidrBlock}) only.
     * @param organizationId the AWS Organizations id ({@code o-...}) whose principals may use the endpoints. Default: principals of the stack's own account only ({@code aws:PrincipalAccount}).
     * @param includeCloudWatchLogs also create the CloudWatch Logs interface endpoint (ECS needs it to start tasks with the awslogs driver). Default: false, no Logs endpoint.
     * @param s3GatewayPolicy the S3 gateway endpoint's policy. Default: open, so other S3 traffic from the VPC (package mirrors, public buckets) keeps working.
     * @param adoptExistingEndpoints endpoints that already exist in this VPC (created by another stack or by hand) and must not be created again: a second private-DNS endpoint for a service, or a second S3 gateway on the same route tables, fails at deploy. Default: none adopted, all are created.
     */
    public RegistryEndpointsProps {
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
        routeTableIds = routeTableIds == null ? List.of() : List.copyOf(routeTableIds);
        allowedIngressCidrs = allowedIngressCidrs == null || allowedIngressCidrs.isEmpty()
                ? (vpcCidrBlock == null ? List.of() : List.of(vpcCidrBlock))
                : List.copyOf(allowedIngressCidrs);
        s3GatewayPolicy = s3GatewayPolicy == null ? S3GatewayPolicy.OPEN : s3GatewayPolicy;
        adoptExistingEndpoints = adoptExistingEndpoints == null || adoptExistingEndpoints.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(RegistryEndpoints.Endpoint.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(adoptExistingEndpoints));
    }

    /**
     * A builder of {@link RegistryEndpointsProps}; every prop left unset takes its documented default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link RegistryEndpointsProps}; every prop left unset takes its documented default.
     */
    public static final class Builder {
        private String vpcId;
        private String vpcCidrBlock;
        private List<EndpointSubnet> subnets = List.of();
        private List<String> routeTableIds = List.of();
        private List<String> allowedIngressCidrs = List.of();
        private String organizationId;
        private boolean includeCloudWatchLogs;
        private S3GatewayPolicy s3GatewayPolicy;
        private Set<RegistryEndpoints.Endpoint> adoptExistingEndpoints = Set.of();

        private Builder() {
        }

        /**
         * The VPC, e.g. {@code vpc-0a1b2c3d4e5f67890}. Required.
         *
         * @param value the value of {@code vpcId}
         * @return this builder
         */
        public Builder vpcId(String value) {
            this.vpcId = value;
            return this;
        }

        /**
         * The VPC's primary IPv4 CIDR, e.g. {@code 10.20.0.0/16}. Required.
         *
         * @param value the value of {@code vpcCidrBlock}
         * @return this builder
         */
        public Builder vpcCidrBlock(String value) {
            this.vpcCidrBlock = value;
            return this;
        }

        /**
         * The private subnets that get an interface-endpoint network interface, at most one per Availability Zone. Required unless every interface endpoint is adopted.
         *
         * @param value the value of {@code subnets}
         * @return this builder
         */
        public Builder subnets(List<EndpointSubnet> value) {
            this.subnets = value;
            return this;
        }

        /**
         * The route tables of those subnets; the S3 gateway endpoint is added to them. Required unless the S3 endpoint is adopted.
         *
         * @param value the value of {@code routeTableIds}
         * @return this builder
         */
        public Builder routeTableIds(List<String> value) {
            this.routeTableIds = value;
            return this;
        }

        /**
         * Who may reach the interface endpoints on 443. Default: the VPC CIDR ({@code vpcCidrBlock}) only.
         *
         * @param value the value of {@code allowedIngressCidrs}
         * @return this builder
         */
        public Builder allowedIngressCidrs(List<String> value) {
            this.allowedIngressCidrs = value;
            return this;
        }

        /**
         * The AWS Organizations id ({@code o-...}) whose principals may use the endpoints. Default: principals of the stack's own account only ({@code aws:PrincipalAccount}).
         *
         * @param value the value of {@code organizationId}
         * @return this builder
         */
        public Builder organizationId(String value) {
            this.organizationId = value;
            return this;
        }

        /**
         * Also create the CloudWatch Logs interface endpoint (ECS needs it to start tasks with the awslogs driver). Default: false, no Logs endpoint.
         *
         * @param value the value of {@code includeCloudWatchLogs}
         * @return this builder
         */
        public Builder includeCloudWatchLogs(boolean value) {
            this.includeCloudWatchLogs = value;
            return this;
        }

        /**
         * The S3 gateway endpoint's policy. Default: {@link S3GatewayPolicy#OPEN}.
         *
         * @param value the value of {@code s3GatewayPolicy}
         * @return this builder
         */
        public Builder s3GatewayPolicy(S3GatewayPolicy value) {
            this.s3GatewayPolicy = value;
            return this;
        }

        /**
         * Endpoints that already exist in this VPC (created by another stack or by hand) and must not be created again: a second private-DNS endpoint for a service, or a second S3 gateway on the same route tables, fails at deploy. Default: none adopted, all are created.
         *
         * @param value the value of {@code adoptExistingEndpoints}
         * @return this builder
         */
        public Builder adoptExistingEndpoints(Set<RegistryEndpoints.Endpoint> value) {
            this.adoptExistingEndpoints = value;
            return this;
        }

        /**
         * Builds the props.
         *
         * @return the props, with the defaults applied
         */
        public RegistryEndpointsProps build() {
            return new RegistryEndpointsProps(vpcId, vpcCidrBlock, subnets, routeTableIds, allowedIngressCidrs,
                    organizationId, includeCloudWatchLogs, s3GatewayPolicy, adoptExistingEndpoints);
        }
    }
}
