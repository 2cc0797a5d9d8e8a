package compliance.rules;

import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.services.ec2.CfnVPCEndpoint;

/** Interface and gateway endpoints (ecr.api, ecr.dkr, s3) carry a policy instead of the allow-all default. */
public final class EndpointPolicy implements EcrRule {

    @Override
    public String suffix() {
        return "VPC1";
    }

    @Override
    public String info() {
        return "The VPC endpoint has no endpoint policy.";
    }

    @Override
    public String explanation() {
        return "Without a policy the endpoint allows every action on every resource of the service, in any account, "
                + "from inside the VPC. Fix: set policyDocument with the actions the VPC needs, restricted to your "
                + "registries and (for the S3 gateway) to the ECR layer bucket arn:aws:s3:::prod-<region>-starport-layer-bucket/*.";
    }

    @Override
    public boolean appliesTo(CfnResource node) {
        return node instanceof CfnVPCEndpoint;
    }

    @Override
    public Outcome evaluate(CheckedResource resource) {
        Object type = resource.property("vpcEndpointType");
        if ("GatewayLoadBalancer".equals(type)) {
            // Gateway Load Balancer endpoints do not support endpoint policies.
            return Outcome.notApplicable();
        }
        return Outcome.when(resource.property("policyDocument") != null);
    }
}
