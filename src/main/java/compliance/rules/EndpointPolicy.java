package compliance.rules;

import java.util.Set;


/** Interface and gateway endpoints (ecr.api, ecr.dkr, s3) carry a policy instead of the allow-all default. */
public final class EndpointPolicy implements EcrRule {

    public static final String ID = "EcrBlueprint-EndpointPolicy";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String legacyId() {
        return "EcrBlueprint-VPC1";
    }

    @Override
    public String info() {
        return "The VPC endpoint has no endpoint policy.";
    }

    @Override
    public String explanation() {
        return "Without a policy the endpoint allows every action on every resource of the service, in any account, "
                + "from inside the VPC.";
    }

    @Override
    public String fix() {
        return "Set policyDocument with the actions the VPC needs, restricted to your "
                + "registries and (for the S3 gateway) to the ECR layer bucket arn:aws:s3:::prod-<region>-starport-layer-bucket/*.";
    }

    @Override
    public String source() {
        return "Amazon ECR user guide, interface VPC endpoints (endpoint policies)";
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.VPC_ENDPOINT);
    }

    @Override
    public Outcome evaluate(TemplateResource resource) {
        if ("GatewayLoadBalancer".equals(resource.property("VpcEndpointType").asText())) {
            // Gateway Load Balancer endpoints do not support endpoint policies.
            return Outcome.notApplicable();
        }
        var policy = resource.property("PolicyDocument");
        return Outcome.when(!policy.isMissingNode() && !policy.isNull());
    }
}
