package constructs.network;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryEndpointsTest {

    private static final String ACCOUNT = "111111111111";
    private static Stack defaultStack;
    private static Template defaults;
    private static Template orgScopedEcrOnly;
    private static Template adopted;
    private static Template ownPrincipalsS3;
    private static Stack adoptedStack;

    static RegistryEndpointsProps.Builder prodVpc() {
        return RegistryEndpointsProps.builder()
                .vpcId("vpc-0a1b2c3d4e5f67890")
                .vpcCidrBlock("10.20.0.0/16")
                .subnets(List.of(
                        new RegistryEndpointsProps.EndpointSubnet("subnet-0aaaaaaaaaaaaaaa1", "eu-west-1a"),
                        new RegistryEndpointsProps.EndpointSubnet("subnet-0bbbbbbbbbbbbbbb2", "eu-west-1b")))
                .routeTableIds(List.of("rtb-0aaaaaaaaaaaaaaa1", "rtb-0bbbbbbbbbbbbbbb2"));
    }

    /** One app per stack: a synthesized app keeps its cached assembly. */
    static Stack stack(String id) {
        return new Stack(new App(), id, StackProps.builder()
                .env(Environment.builder().account(ACCOUNT).region("eu-west-1").build()).build());
    }

    @BeforeAll
    static void synth() {
        defaultStack = stack("Defaults");
        new RegistryEndpoints(defaultStack, "Endpoints", prodVpc().includeCloudWatchLogs(true).build());
        Aspects.of(defaultStack).add(new AwsSolutionsChecks());
        defaults = Template.fromStack(defaultStack);

        Stack org = stack("OrgScoped");
        new RegistryEndpoints(org, "Endpoints", prodVpc().organizationId("o-a1b2c3d4e5")
                .s3GatewayPolicy(S3GatewayPolicy.ECR_LAYERS_ONLY)
                .allowedIngressCidrs(List.of("10.20.0.0/19", "10.20.32.0/19")).build());
        orgScopedEcrOnly = Template.fromStack(org);

        Stack ownPrincipals = stack("OwnPrincipals");
        new RegistryEndpoints(ownPrincipals, "Endpoints", prodVpc().s3GatewayPolicy(S3GatewayPolicy.OWN_PRINCIPALS).build());
        ownPrincipalsS3 = Template.fromStack(ownPrincipals);

        adoptedStack = stack("Adopted");
        new RegistryEndpoints(adoptedStack, "Endpoints", prodVpc().routeTableIds(List.of())
                .adoptExistingEndpoints(EnumSet.of(RegistryEndpoints.Endpoint.S3)).build());
        adopted = Template.fromStack(adoptedStack);
    }

    private static final Map<String, Object> LAYER_BUCKET = Map.of("Fn::Join", List.of("", List.of(
            "arn:", Map.of("Ref", "AWS::Partition"), ":s3:::prod-eu-west-1-starport-layer-bucket/*")));

    private static Map<String, Object> accountCondition() {
        return Map.of("StringEquals", Map.of("aws:PrincipalAccount", ACCOUNT));
    }

    @Nested
    class InterfaceEndpoints {

        @Test
        void ecrApiAndDkrGetPrivateDnsInTheGivenSubnetsWithTheEndpointSecurityGroup() {
            for (String service : List.of("ecr.api", "ecr.dkr", "logs")) {
                defaults.hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of(
                        "ServiceName", "com.amazonaws.eu-west-1." + service,
                        "VpcEndpointType", "Interface",
                        "VpcId", "vpc-0a1b2c3d4e5f67890",
                        "PrivateDnsEnabled", true,
                        "SubnetIds", List.of("subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"),
                        "SecurityGroupIds", List.of(Map.of("Fn::GetAtt",
                                List.of(Match.stringLikeRegexp("EndpointsSecurityGroup.*"), "GroupId")))));
            }
        }

        @Test
        void ecrEndpointPolicyAdmitsOnlyPrincipalsOfTheOwnAccount() {
            defaults.hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of(
                    "ServiceName", "com.amazonaws.eu-west-1.ecr.dkr",
                    "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                            "Sid", "AllowOwnPrincipalsOnly",
                            "Effect", "Allow",
                            "Principal", "*",
                            "Action", "*",
                            "Resource", "*",
                            "Condition", accountCondition())))));
        }

        @Test
        void ecrEndpointPolicyAdmitsTheOrganisationWhenOneIsGiven() {
            orgScopedEcrOnly.hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of(
                    "ServiceName", "com.amazonaws.eu-west-1.ecr.api",
                    "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                            "Sid", "AllowOwnPrincipalsOnly",
                            "Effect", "Allow",
                            "Principal", "*",
                            "Action", "*",
                            "Resource", "*",
                            "Condition", Map.of("StringEquals", Map.of("aws:PrincipalOrgID", "o-a1b2c3d4e5")))))));
        }

        @Test
        void serviceNamesFollowTheDeployRegionInAnEnvironmentAgnosticStack() {
            Stack agnostic = new Stack(new App(), "Agnostic");
            new RegistryEndpoints(agnostic, "Endpoints", prodVpc().build());
            Template.fromStack(agnostic).hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of(
                    "ServiceName", Map.of("Fn::Join", List.of("", List.of(
                            "com.amazonaws.", Map.of("Ref", "AWS::Region"), ".ecr.dkr")))));
        }

        @Test
        void cloudWatchLogsEndpointIsOnlyCreatedWhenAskedFor() {
            orgScopedEcrOnly.resourcePropertiesCountIs("AWS::EC2::VPCEndpoint",
                    Map.of("ServiceName", "com.amazonaws.eu-west-1.logs"), 0);
            defaults.resourcePropertiesCountIs("AWS::EC2::VPCEndpoint",
                    Map.of("ServiceName", "com.amazonaws.eu-west-1.logs"), 1);
        }
    }

    @Nested
    class SecurityGroupRules {

        @Test
        void admitsHttpsFromTheVpcCidrOnlyAndNoEgressByDefault() {
            defaults.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                    "VpcId", "vpc-0a1b2c3d4e5f67890",
                    "SecurityGroupIngress", List.of(Map.of(
                            "IpProtocol", "tcp", "FromPort", 443, "ToPort", 443, "CidrIp", "10.20.0.0/16",
                            "Description", "HTTPS from 10.20.0.0/16 to the ECR interface endpoints")),
                    "SecurityGroupEgress", List.of(Map.of(
                            "IpProtocol", "icmp", "FromPort", 252, "ToPort", 86, "CidrIp", "255.255.255.255/32",
                            "Description", "Disallow all traffic"))));
        }

        @Test
        void admitsHttpsFromEachGivenSubnetCidr() {
            orgScopedEcrOnly.hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                    "SecurityGroupIngress", List.of(
                            Map.of("IpProtocol", "tcp", "FromPort", 443, "ToPort", 443, "CidrIp", "10.20.0.0/19",
                                    "Description", "HTTPS from 10.20.0.0/19 to the ECR interface endpoints"),
                            Map.of("IpProtocol", "tcp", "FromPort", 443, "ToPort", 443, "CidrIp", "10.20.32.0/19",
                                    "Description", "HTTPS from 10.20.32.0/19 to the ECR interface endpoints"))));
        }
    }

    @Nested
    class S3Gateway {

        @Test
        void keepsEveryOtherS3RequestWorkingByDefaultAnonymousOnesIncluded() {
            // A condition on the principal would deny anonymous reads (public buckets, OS package repositories on
            // S3) that worked before the gateway route existed.
            defaults.hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of(
                    "ServiceName", "com.amazonaws.eu-west-1.s3",
                    "VpcEndpointType", "Gateway",
                    "RouteTableIds", List.of("rtb-0aaaaaaaaaaaaaaa1", "rtb-0bbbbbbbbbbbbbbb2"),
                    "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(
                            Map.of("Sid", "AllowAllS3",
                                    "Effect", "Allow",
                                    "Principal", "*",
                                    "Action", "s3:*",
                                    "Resource", "*")))));
        }

        @Test
        void allowsTheLayerBucketToAnyoneAndOtherS3ToOwnPrincipalsWhenAskedFor() {
            ownPrincipalsS3.hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of(
                    "ServiceName", "com.amazonaws.eu-west-1.s3",
                    "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(
                            Map.of("Sid", "AllowEcrImageLayers",
                                    "Effect", "Allow",
                                    "Principal", "*",
                                    "Action", "s3:GetObject",
                                    "Resource", LAYER_BUCKET),
                            Map.of("Sid", "AllowOwnPrincipalsOtherS3",
                                    "Effect", "Allow",
                                    "Principal", "*",
                                    "Action", "s3:*",
                                    "Resource", "*",
                                    "Condition", accountCondition())))));
        }

        @Test
        void allowsOnlyTheLayerBucketWhenS3IsOnlyForEcr() {
            orgScopedEcrOnly.hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of(
                    "ServiceName", "com.amazonaws.eu-west-1.s3",
                    "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(
                            Map.of("Sid", "AllowEcrImageLayers",
                                    "Effect", "Allow",
                                    "Principal", "*",
                                    "Action", "s3:GetObject",
                                    "Resource", LAYER_BUCKET)))));
        }
    }

    @Nested
    class AdoptingExistingEndpoints {

        @Test
        void anAdoptedS3GatewayIsNotCreatedAndNeedsNoRouteTables() {
            adopted.resourcePropertiesCountIs("AWS::EC2::VPCEndpoint",
                    Map.of("ServiceName", "com.amazonaws.eu-west-1.s3"), 0);
            adopted.resourcePropertiesCountIs("AWS::EC2::VPCEndpoint",
                    Map.of("ServiceName", "com.amazonaws.eu-west-1.ecr.dkr"), 1);
        }

        @Test
        void warnsThatTheAdoptedEndpointPolicyMustAllowTheLayerBucket() {
            Annotations.fromStack(adoptedStack).hasWarning("/Adopted/Endpoints", Match.stringLikeRegexp(
                    "adoptExistingEndpoints: the s3 endpoint of vpc-0a1b2c3d4e5f67890 is adopted, not managed here:"
                            + " check by hand that its policy allows s3:GetObject on the ECR layer bucket.*"));
        }

        @Test
        void adoptingEveryEndpointCreatesNoSecurityGroupAndNeedsNoSubnets() {
            Stack stack = stack("AllAdopted");
            new RegistryEndpoints(stack, "Endpoints", RegistryEndpointsProps.builder()
                    .vpcId("vpc-0a1b2c3d4e5f67890").vpcCidrBlock("10.20.0.0/16")
                    .adoptExistingEndpoints(Set.of(RegistryEndpoints.Endpoint.ECR_API,
                            RegistryEndpoints.Endpoint.ECR_DKR, RegistryEndpoints.Endpoint.S3))
                    .build());
            Template template = Template.fromStack(stack);
            template.resourceCountIs("AWS::EC2::SecurityGroup", 0);
            template.resourceCountIs("AWS::EC2::VPCEndpoint", 0);
        }
    }

    @Nested
    class Validation {

        @Test
        void reportsEveryProblemAtOnce() {
            Stack stack = stack("Invalid");
            var props = RegistryEndpointsProps.builder()
                    .vpcId("vpc-123")
                    .vpcCidrBlock("10.20.0.0")
                    .allowedIngressCidrs(List.of("0.0.0.0/0"))
                    .organizationId("org-1")
                    .subnets(List.of(
                            new RegistryEndpointsProps.EndpointSubnet("subnet-0aaaaaaaaaaaaaaa1", "eu-west-1a"),
                            new RegistryEndpointsProps.EndpointSubnet("subnet-0bbbbbbbbbbbbbbb2", "eu-west-1a"),
                            new RegistryEndpointsProps.EndpointSubnet("subnet-0ccccccccccccccc3", "us-east-1a")))
                    .build();
            assertThatThrownBy(() -> new RegistryEndpoints(stack, "Endpoints", props))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("RegistryEndpoints: 7 problem(s):\n"
                            + "- vpcId \"vpc-123\" is invalid: must be \"vpc-\" followed by 8 or 17 hex digits."
                            + " Hint: copy it from the VPC console, e.g. \"vpc-0a1b2c3d4e5f67890\"\n"
                            + "- vpcCidrBlock \"10.20.0.0\" is invalid: must be an IPv4 CIDR. Hint: e.g. \"10.20.0.0/16\"\n"
                            + "- allowedIngressCidrs entry \"0.0.0.0/0\" is invalid: the endpoints must never be open"
                            + " to every address. Hint: use the VPC CIDR or the private subnets' CIDRs\n"
                            + "- organizationId \"org-1\" is invalid: must be \"o-\" followed by 10 to 32 lowercase"
                            + " letters or digits. Hint: see AWS Organizations > Settings, e.g. \"o-a1b2c3d4e5\"\n"
                            + "- subnets entry subnet-0bbbbbbbbbbbbbbb2 availabilityZone \"eu-west-1a\" is used by two"
                            + " subnets: an interface endpoint takes at most one subnet per zone. Hint: keep one subnet"
                            + " per zone\n"
                            + "- subnets entry subnet-0ccccccccccccccc3 availabilityZone \"us-east-1a\" is not in the"
                            + " stack's region eu-west-1: endpoints can only use subnets of their own region\n"
                            + "- routeTableIds is empty: the S3 gateway endpoint, which serves image layers, needs the"
                            + " private subnets' route tables. Hint: list them, or add S3 to adoptExistingEndpoints"
                            + " when the VPC already has an S3 gateway endpoint");
        }

        @Test
        void failsWhenInterfaceEndpointsHaveNoSubnet() {
            Stack stack = stack("NoSubnets");
            var props = prodVpc().subnets(List.of()).build();
            assertThatThrownBy(() -> new RegistryEndpoints(stack, "Endpoints", props))
                    .hasMessage("RegistryEndpoints: 1 problem(s):\n- subnets is empty: the interface endpoints need at"
                            + " least one private subnet (two zones recommended). Hint: list subnetId and"
                            + " availabilityZone of each private subnet, or adopt the existing interface endpoints"
                            + " with adoptExistingEndpoints");
        }

        @Test
        void warnsWhenEndpointsLiveInOneZoneOnly() {
            Stack stack = stack("OneZone");
            new RegistryEndpoints(stack, "Endpoints", prodVpc().subnets(List.of(
                    new RegistryEndpointsProps.EndpointSubnet("subnet-0aaaaaaaaaaaaaaa1", "eu-west-1a"))).build());
            Annotations.fromStack(stack).hasWarning("/OneZone/Endpoints", Match.stringLikeRegexp(
                    "subnets: the interface endpoints live in one Availability Zone only \\(eu-west-1a\\).*"));
        }
    }

    @Test
    void passesCdkNagAwsSolutions() {
        assertThat(Annotations.fromStack(defaultStack)
                .findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
        assertThat(Annotations.fromStack(defaultStack)
                .findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
    }
}
