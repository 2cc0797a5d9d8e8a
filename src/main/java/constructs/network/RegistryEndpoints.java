package constructs.network;

import limits.AwsFormats;
import constructs.internal.Tokens;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.CfnSecurityGroup;
import software.amazon.awscdk.services.ec2.CfnVPCEndpoint;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Private connectivity to Amazon ECR for an existing VPC: interface endpoints for {@code ecr.api} and
 * {@code ecr.dkr} (private DNS), the S3 gateway endpoint that serves image layers and, optionally, the
 * CloudWatch Logs interface endpoint.
 *
 * <p>Enforced: endpoint policies admit only principals of the own account (or organisation); the
 * security group admits HTTPS only from the VPC CIDR or the given CIDRs and allows no egress.
 * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html
 */
public class RegistryEndpoints extends Construct {

    /** The endpoints this construct can create. */
    public enum Endpoint {
        /** {@code com.amazonaws.<region>.ecr.api}: the ECR API (auth token, describe, push/pull metadata). */
        ECR_API("EcrApi", "ecr.api"),
        /** {@code com.amazonaws.<region>.ecr.dkr}: the Docker/OCI registry API used by docker and containerd. */
        ECR_DKR("EcrDkr", "ecr.dkr"),
        /** {@code com.amazonaws.<region>.s3} gateway: image layers are served from S3. */
        S3("S3Gateway", "s3"),
        /** {@code com.amazonaws.<region>.logs}: CloudWatch Logs, needed by ECS tasks using awslogs. */
        LOGS("Logs", "logs");

        private final String constructId;
        private final String serviceSuffix;

        Endpoint(String constructId, String serviceSuffix) {
            this.constructId = constructId;
            this.serviceSuffix = serviceSuffix;
        }

        /**
         * The id of the endpoint's construct (stable: part of its logical id).
         *
         * @return the construct id
         */
        public String constructId() {
            return constructId;
        }

        boolean isInterface() {
            return this != S3;
        }
    }

    /**
     * The bucket ECR serves image layers from; pulls through an S3 gateway endpoint fail without it.
     * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html#ecr-setting-up-s3-gateway
     */
    static final String LAYER_BUCKET_FORMAT = "arn:%s:s3:::prod-%s-starport-layer-bucket/*";

    private static final Pattern VPC_ID = Pattern.compile(AwsFormats.VPC_ID);
    private static final Pattern SUBNET_ID = Pattern.compile(AwsFormats.SUBNET_ID);
    private static final Pattern ROUTE_TABLE_ID = Pattern.compile(AwsFormats.ROUTE_TABLE_ID);
    private static final Pattern AZ = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d[a-z]");
    private static final Pattern ORG_ID = Pattern.compile(AwsFormats.ORGANIZATION_ID);
    private static final Pattern CIDR = Pattern.compile(AwsFormats.IPV4_CIDR);

    private final Map<Endpoint, CfnVPCEndpoint> endpoints = new EnumMap<>(Endpoint.class);
    private final CfnSecurityGroup securityGroup;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public RegistryEndpoints(Construct scope, String id, RegistryEndpointsProps props) {
        super(scope, id);
        Stack stack = Stack.of(this);
        List<Endpoint> toCreate = endpointsToCreate(props);
        validate(props, toCreate, stack.getRegion());

        String region = stack.getRegion();
        Map<String, Object> principalPolicy = principalScopedPolicy(props.organizationId(), stack.getAccount());

        boolean anyInterface = toCreate.stream().anyMatch(Endpoint::isInterface);
        securityGroup = anyInterface ? securityGroup(props) : null;
        List<String> subnetIds = props.subnets().stream().map(RegistryEndpointsProps.EndpointSubnet::subnetId).toList();

        for (Endpoint endpoint : toCreate) {
            String serviceName = "com.amazonaws." + region + "." + endpoint.serviceSuffix;
            CfnVPCEndpoint.Builder builder = CfnVPCEndpoint.Builder.create(this, endpoint.constructId())
                    .vpcId(props.vpcId())
                    .serviceName(serviceName);
            if (endpoint.isInterface()) {
                builder.vpcEndpointType("Interface")
                        .privateDnsEnabled(true)
                        .subnetIds(subnetIds)
                        .securityGroupIds(List.of(securityGroup.getAttrGroupId()))
                        .policyDocument(principalPolicy);
            } else {
                builder.vpcEndpointType("Gateway")
                        .routeTableIds(props.routeTableIds())
                        .policyDocument(s3GatewayPolicy(props, stack));
            }
            CfnVPCEndpoint created = builder.build();
            endpoints.put(endpoint, created);
            CfnOutput.Builder.create(this, endpoint.constructId() + "EndpointId")
                    .description("VPC endpoint " + serviceName)
                    .value(created.getRef())
                    .build();
        }
        for (Endpoint adopted : props.adoptExistingEndpoints()) {
            if (adopted != Endpoint.LOGS || props.includeCloudWatchLogs()) {
                Annotations.of(this).addWarningV2("ecr-blueprint:adoptedEndpoint",
                        "adoptExistingEndpoints: the " + adopted.serviceSuffix + " endpoint of " + props.vpcId()
                                + " is adopted, not managed here: check by hand that its policy "
                                + (adopted == Endpoint.S3
                                ? "allows s3:GetObject on the ECR layer bucket prod-<region>-starport-layer-bucket/*"
                                + " and that its route tables are those of the subnets that pull."
                                : "admits the principals that pull from ECR and that private DNS is on."));
            }
        }
        if (anyInterface && props.subnets().size() == 1) {
            Annotations.of(this).addWarningV2("ecr-blueprint:singleAzEndpoints",
                    "subnets: the interface endpoints live in one Availability Zone only ("
                            + props.subnets().get(0).availabilityZone()
                            + "): pulls fail when that zone is impaired. Add a subnet in a second zone.");
        }
    }

    /**
     * The endpoint created here, empty when it is adopted or not requested.
     *
     * @param endpoint which endpoint
     * @return the endpoint created here, empty when it is adopted or not requested
     */
    public Optional<CfnVPCEndpoint> endpoint(Endpoint endpoint) {
        return Optional.ofNullable(endpoints.get(endpoint));
    }

    /**
     * The security group of the interface endpoints, empty when no interface endpoint is created.
     *
     * @return the security group of the interface endpoints, empty when no interface endpoint is created
     */
    public Optional<CfnSecurityGroup> securityGroup() {
        return Optional.ofNullable(securityGroup);
    }

    private static List<Endpoint> endpointsToCreate(RegistryEndpointsProps props) {
        List<Endpoint> result = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            if (endpoint == Endpoint.LOGS && !props.includeCloudWatchLogs()) {
                continue;
            }
            if (!props.adoptExistingEndpoints().contains(endpoint)) {
                result.add(endpoint);
            }
        }
        return result;
    }

    private CfnSecurityGroup securityGroup(RegistryEndpointsProps props) {
        List<Object> ingress = new ArrayList<>();
        for (String cidr : props.allowedIngressCidrs()) {
            ingress.add(CfnSecurityGroup.IngressProperty.builder()
                    .ipProtocol("tcp").fromPort(443).toPort(443).cidrIp(cidr)
                    .description("HTTPS from " + cidr + " to the ECR interface endpoints")
                    .build());
        }
        // Interface endpoints only answer connections; they never open any. Without an explicit rule
        // EC2 adds allow-all egress, so this rule matches no traffic (the same sentinel aws-cdk uses).
        Object noEgress = CfnSecurityGroup.EgressProperty.builder()
                .ipProtocol("icmp").fromPort(252).toPort(86).cidrIp("255.255.255.255/32")
                .description("Disallow all traffic")
                .build();
        return CfnSecurityGroup.Builder.create(this, "SecurityGroup")
                .vpcId(props.vpcId())
                .groupDescription("ECR interface endpoints: HTTPS from inside the VPC only")
                .securityGroupIngress(ingress)
                .securityGroupEgress(List.of(noEgress))
                .build();
    }

    /**
     * Identity perimeter: only principals of the own account or organisation may use the endpoint.
     * The endpoint grants nothing by itself (identity and repository policies still decide), so the
     * action is not narrowed: a narrowed list silently breaks ECR APIs added later.
     * Source: https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html
     */
    static Map<String, Object> principalScopedPolicy(String organizationId, String account) {
        return policy(List.of(principalScopedStatement("AllowOwnPrincipalsOnly", "*", "*", organizationId, account)));
    }

    private static Map<String, Object> principalScopedStatement(String sid, String action, String resource,
                                                                String organizationId, String account) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Principal", "*");
        statement.put("Action", action);
        statement.put("Resource", resource);
        statement.put("Condition", organizationId != null
                ? Map.of("StringEquals", Map.of("aws:PrincipalOrgID", organizationId))
                : Map.of("StringEquals", Map.of("aws:PrincipalAccount", account)));
        return statement;
    }

    /**
     * Layer downloads use pre-signed URLs signed by ECR, so the layer statement cannot be scoped to own
     * principals. Once the gateway route exists, every S3 request from these route tables passes this policy:
     * {@link S3GatewayPolicy#OPEN} (the default) keeps the VPC's other S3 traffic, anonymous reads included, working.
     */
    static Map<String, Object> s3GatewayPolicy(RegistryEndpointsProps props, Stack stack) {
        if (props.s3GatewayPolicy() == S3GatewayPolicy.OPEN) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("Sid", "AllowAllS3");
            all.put("Effect", "Allow");
            all.put("Principal", "*");
            all.put("Action", "s3:*");
            all.put("Resource", "*");
            return policy(List.of(all));
        }
        Map<String, Object> layers = new LinkedHashMap<>();
        layers.put("Sid", "AllowEcrImageLayers");
        layers.put("Effect", "Allow");
        layers.put("Principal", "*");
        layers.put("Action", "s3:GetObject");
        layers.put("Resource", String.format(LAYER_BUCKET_FORMAT, stack.getPartition(), stack.getRegion()));
        if (props.s3GatewayPolicy() == S3GatewayPolicy.ECR_LAYERS_ONLY) {
            return policy(List.of(layers));
        }
        return policy(List.of(layers, principalScopedStatement("AllowOwnPrincipalsOtherS3", "s3:*", "*",
                props.organizationId(), stack.getAccount())));
    }

    private static Map<String, Object> policy(List<Map<String, Object>> statements) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements);
        return document;
    }

    private static void validate(RegistryEndpointsProps props, List<Endpoint> toCreate, String region) {
        List<String> problems = new ArrayList<>();
        boolean anyInterface = toCreate.stream().anyMatch(Endpoint::isInterface);
        boolean createsS3 = toCreate.contains(Endpoint.S3);

        if (props.vpcId() == null || props.vpcId().isBlank()) {
            problems.add("vpcId is missing: give the id of the existing VPC, e.g. \"vpc-0a1b2c3d4e5f67890\"");
        } else if (!Tokens.isUnresolved(props.vpcId()) && !VPC_ID.matcher(props.vpcId()).matches()) {
            problems.add("vpcId \"" + props.vpcId() + "\" is invalid: must be \"vpc-\" followed by 8 or 17 hex digits."
                    + " Hint: copy it from the VPC console, e.g. \"vpc-0a1b2c3d4e5f67890\"");
        }
        if (props.vpcCidrBlock() == null || props.vpcCidrBlock().isBlank()) {
            problems.add("vpcCidrBlock is missing: give the VPC's primary IPv4 CIDR, e.g. \"10.20.0.0/16\"");
        } else if (!Tokens.isUnresolved(props.vpcCidrBlock()) && !CIDR.matcher(props.vpcCidrBlock()).matches()) {
            problems.add("vpcCidrBlock \"" + props.vpcCidrBlock() + "\" is invalid: must be an IPv4 CIDR."
                    + " Hint: e.g. \"10.20.0.0/16\"");
        }
        for (String cidr : props.allowedIngressCidrs()) {
            if (cidr == null || Tokens.isUnresolved(cidr)) {
                continue;
            }
            if (!CIDR.matcher(cidr).matches()) {
                problems.add("allowedIngressCidrs entry \"" + cidr + "\" is invalid: must be an IPv4 CIDR."
                        + " Hint: e.g. \"10.20.0.0/19\"");
            } else if (cidr.endsWith("/0")) {
                problems.add("allowedIngressCidrs entry \"" + cidr + "\" is invalid: the endpoints must never be open"
                        + " to every address. Hint: use the VPC CIDR or the private subnets' CIDRs");
            }
        }
        if (props.organizationId() != null && !Tokens.isUnresolved(props.organizationId())
                && !ORG_ID.matcher(props.organizationId()).matches()) {
            problems.add("organizationId \"" + props.organizationId() + "\" is invalid: must be \"o-\" followed by"
                    + " 10 to 32 lowercase letters or digits. Hint: see AWS Organizations > Settings, e.g. \"o-a1b2c3d4e5\"");
        }

        if (anyInterface && props.subnets().isEmpty()) {
            problems.add("subnets is empty: the interface endpoints need at least one private subnet (two zones"
                    + " recommended). Hint: list subnetId and availabilityZone of each private subnet, or adopt the"
                    + " existing interface endpoints with adoptExistingEndpoints");
        }
        Set<String> zones = new HashSet<>();
        Set<String> subnetIds = new HashSet<>();
        for (RegistryEndpointsProps.EndpointSubnet subnet : props.subnets()) {
            String subnetId = subnet.subnetId();
            String zone = subnet.availabilityZone();
            if (subnetId == null || !Tokens.isUnresolved(subnetId) && !SUBNET_ID.matcher(subnetId).matches()) {
                problems.add("subnets entry subnetId \"" + subnetId + "\" is invalid: must be \"subnet-\" followed by"
                        + " 8 or 17 hex digits. Hint: e.g. \"subnet-0123456789abcdef0\"");
            } else if (!subnetIds.add(subnetId)) {
                problems.add("subnets entry subnetId \"" + subnetId + "\" is listed twice: list each subnet once");
            }
            if (zone == null || !Tokens.isUnresolved(zone) && !AZ.matcher(zone).matches()) {
                problems.add("subnets entry " + subnetId + " availabilityZone \"" + zone + "\" is invalid: must be a"
                        + " zone name. Hint: e.g. \"eu-west-1a\"");
            } else if (!Tokens.isUnresolved(zone)) {
                if (!Tokens.isUnresolved(region) && !zone.startsWith(region)) {
                    problems.add("subnets entry " + subnetId + " availabilityZone \"" + zone + "\" is not in the"
                            + " stack's region " + region + ": endpoints can only use subnets of their own region");
                }
                if (!zones.add(zone)) {
                    problems.add("subnets entry " + subnetId + " availabilityZone \"" + zone + "\" is used by two"
                            + " subnets: an interface endpoint takes at most one subnet per zone. Hint: keep one"
                            + " subnet per zone");
                }
            }
        }

        if (createsS3 && props.routeTableIds().isEmpty()) {
            problems.add("routeTableIds is empty: the S3 gateway endpoint, which serves image layers, needs the"
                    + " private subnets' route tables. Hint: list them, or add S3 to adoptExistingEndpoints when"
                    + " the VPC already has an S3 gateway endpoint");
        }
        Set<String> tables = new HashSet<>();
        for (String table : props.routeTableIds()) {
            if (table == null || !Tokens.isUnresolved(table) && !ROUTE_TABLE_ID.matcher(table).matches()) {
                problems.add("routeTableIds entry \"" + table + "\" is invalid: must be \"rtb-\" followed by 8 or 17"
                        + " hex digits. Hint: e.g. \"rtb-0123456789abcdef0\"");
            } else if (!tables.add(table)) {
                problems.add("routeTableIds entry \"" + table + "\" is listed twice: list each route table once");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("RegistryEndpoints: " + problems.size() + " problem(s):\n- "
                    + String.join("\n- ", problems));
        }
    }
}
