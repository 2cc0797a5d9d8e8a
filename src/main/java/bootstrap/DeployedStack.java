package bootstrap;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;
import java.util.TreeSet;

/**
 * One stack of a cloud assembly as the bootstrap plan sees it: where it deploys, who deploys it and what it declares.
 *
 * @param name       the CloudFormation stack name
 * @param account    the account it deploys to
 * @param region     the region it deploys to
 * @param inPipeline whether a delivery pipeline deploys it (a stack of a pipeline stage) rather than {@code cdk deploy}
 * @param template   the template as the CDK wrote it
 * @param terminationProtection whether the stack asks for termination protection (the cloud assembly's manifest): the
 *                   CDK CLI sets it on deploy, CodePipeline's CloudFormation action cannot
 */
public record DeployedStack(String name, String account, String region, boolean inPipeline, JsonNode template,
                            boolean terminationProtection) {

    /**
     * A stack without termination protection.
     *
     * @param name       the CloudFormation stack name
     * @param account    the account it deploys to
     * @param region     the region it deploys to
     * @param inPipeline whether a delivery pipeline deploys it
     * @param template   the template as the CDK wrote it
     */
    public DeployedStack(String name, String account, String region, boolean inPipeline, JsonNode template) {
        this(name, account, region, inPipeline, template, false);
    }

    /** Whether the stack asks for termination protection that nothing will set: a pipeline deploys it. */
    public boolean needsTerminationProtectionByHand() {
        return inPipeline && terminationProtection;
    }

    /** The resource types the template declares, sorted. */
    public Set<String> resourceTypes() {
        Set<String> types = new TreeSet<>();
        template.path("Resources").forEach(resource -> types.add(resource.path("Type").asText()));
        return types;
    }

    /** Whether a parameter is resolved from SSM with the stack's role (the CDK's BootstrapVersion is). */
    public boolean resolvesSsmParameters() {
        for (JsonNode parameter : template.path("Parameters")) {
            if (parameter.path("Type").asText().startsWith("AWS::SSM::Parameter::Value")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the stack is a delivery pipeline (a CodePipeline pipeline in it). */
    public boolean isPipeline() {
        return resourceTypes().contains("AWS::CodePipeline::Pipeline");
    }
}
