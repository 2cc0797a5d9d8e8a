package bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import stacks.ExampleAssemblies;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated execution policies against the examples' real templates: each account's policy allows every action of
 * {@link HandlerPermissions} for every resource deployed there, and nothing outside them. Evaluated with
 * {@link PolicyChecker} (see there for its scope).
 */
@Tag("validated")
class ExecutionPolicyExamplesTest {

    static BootstrapPlan plan(String example) {
        return BootstrapPlan.of(ExampleAssemblies.of(example), ExampleAssemblies.platform(example).name());
    }

    /** One request CloudFormation makes with the execution role while it deploys a resource. */
    record Request(String stack, String logicalId, String action, String resource, Map<String, String> context) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"delivery", "multi-account", "ecommerce", "anchors"})
    void everyAccountsPolicyAllowsEveryHandlerActionForEveryResourceDeployedThere(String example) {
        BootstrapPlan plan = plan(example);
        List<String> denied = new ArrayList<>();
        int checked = 0;
        for (DeployedStack stack : plan.stacks()) {
            List<JsonNode> policies = List.copyOf(plan.policies().get(stack.account()));
            for (Request request : requests(stack)) {
                checked++;
                if (!PolicyChecker.allows(policies, request.action(), request.resource(), request.context())) {
                    denied.add(request.toString());
                }
            }
        }
        assertThat(denied).isEmpty();
        assertThat(checked).isGreaterThan(500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"delivery", "multi-account", "ecommerce", "anchors"})
    void eachPolicyNamesExactlyTheTableActionsOfItsAccountsResourceTypes(String example) {
        BootstrapPlan plan = plan(example);
        plan.policies().forEach((account, policy) -> {
            Set<String> types = new TreeSet<>();
            plan.stacksIn(account).forEach(s -> types.addAll(s.resourceTypes()));
            Set<String> expected = new TreeSet<>(HandlerPermissions.actions(types));
            expected.addAll(HandlerPermissions.SSM_PARAMETER_ACTIONS);
            Set<String> named = new TreeSet<>();
            policy.forEach(document -> document.get("Statement").forEach(s -> s.get("Action").forEach(a -> named.add(a.asText()))));
            assertThat(named).as("account %s", account).isEqualTo(expected).noneMatch(a -> a.contains("*"));
        });
    }

    @Test
    void anActionOfAResourceTypeDeployedOnlyInAnotherAccountIsDenied() {
        BootstrapPlan plan = plan("delivery");
        List<JsonNode> dev = List.copyOf(plan.policies().get("111111111111"));
        List<JsonNode> tooling = List.copyOf(plan.policies().get("444444444444"));
        // only the pipeline account holds the pipeline, only prod's account has VPC endpoints
        assertThat(PolicyChecker.allows(dev, "codepipeline:CreatePipeline", "arn:aws:codepipeline:eu-west-1:111111111111:x", Map.of())).isFalse();
        assertThat(PolicyChecker.allows(dev, "ec2:CreateVpcEndpoint", "arn:aws:ec2:eu-west-1:111111111111:vpc-endpoint/x", Map.of())).isFalse();
        assertThat(PolicyChecker.allows(tooling, "ecr:CreateRepository", "arn:aws:ecr:eu-west-1:444444444444:repository/x", Map.of())).isFalse();
        assertThat(PolicyChecker.allows(dev, "lambda:CreateFunction", "*", Map.of())).isFalse();
    }

    @Test
    void iamIsAllowedOnlyOnThePlatformsNamesAndTheServiceLinkedRolesOfEcrAndInspector() {
        List<JsonNode> prod = List.copyOf(plan("delivery").policies().get("222222222222"));
        String iam = "arn:aws:iam::222222222222:";
        assertThat(PolicyChecker.allows(prod, "iam:CreateRole", iam + "role/shop-prod-promoter", Map.of())).isTrue();
        assertThat(PolicyChecker.allows(prod, "iam:CreateRole", iam + "role/OrganizationAccountAccessRole", Map.of())).isFalse();
        assertThat(PolicyChecker.allows(prod, "iam:PutRolePolicy", iam + "role/cdk-hnb659fds-cfn-exec-role-222222222222-eu-west-1", Map.of())).isFalse();
        assertThat(PolicyChecker.allows(prod, "iam:CreatePolicyVersion", iam + "policy/" + ExecutionPolicy.name("shop"), Map.of()))
                .as("the execution role cannot rewrite its own policy").isFalse();
        assertThat(PolicyChecker.allows(prod, "iam:CreateServiceLinkedRole", iam + "role/aws-service-role/replication.ecr.amazonaws.com/AWSServiceRoleForECRReplication",
                Map.of("iam:AWSServiceName", "replication.ecr.amazonaws.com"))).isTrue();
        assertThat(PolicyChecker.allows(prod, "iam:CreateServiceLinkedRole", iam + "role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing",
                Map.of("iam:AWSServiceName", "elasticloadbalancing.amazonaws.com"))).isFalse();
    }

    @Test
    void anAccountThatIsToolingAndTargetGetsTheUnionOfBoth() {
        List<JsonNode> media = List.copyOf(plan("multi-account").policies().get("444444444444"));
        assertThat(PolicyChecker.allows(media, "codepipeline:CreatePipeline", "*", Map.of())).isTrue();
        assertThat(PolicyChecker.allows(media, "codebuild:CreateProject", "*", Map.of())).isTrue();
        assertThat(PolicyChecker.allows(media, "ecr:CreateRepository", "*", Map.of())).isTrue();
        assertThat(PolicyChecker.allows(media, "inspector2:Enable", "*", Map.of())).isTrue();
        assertThat(PolicyChecker.allows(media, "iam:CreateServiceLinkedRole", "arn:aws:iam::444444444444:role/aws-service-role/inspector2.amazonaws.com/AWSServiceRoleForAmazonInspector2",
                Map.of("iam:AWSServiceName", "inspector2.amazonaws.com"))).isTrue();
    }

    /** Every request of the table's actions for each resource of the stack, with the resource's ARN where IAM scopes it. */
    static List<Request> requests(DeployedStack stack) {
        JsonNode resources = stack.template().path("Resources");
        List<Request> requests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String id = entry.getKey();
            JsonNode resource = entry.getValue();
            HandlerPermissions.Row row = HandlerPermissions.forType(resource.get("Type").asText());
            for (String action : row.actions()) {
                if (action.equals(HandlerPermissions.CREATE_SERVICE_LINKED_ROLE)) {
                    for (String service : row.serviceLinkedRoles()) {
                        requests.add(new Request(stack.name(), id, action, iamArn(stack, "role/aws-service-role/" + service + "/AWSServiceRole"),
                                Map.of("iam:AWSServiceName", service)));
                    }
                } else if (action.startsWith("iam:")) {
                    for (String arn : iamResources(stack, id, resource, action)) {
                        requests.add(new Request(stack.name(), id, action, arn, Map.of()));
                    }
                } else {
                    String service = action.substring(0, action.indexOf(':'));
                    requests.add(new Request(stack.name(), id, action,
                            "arn:aws:" + service + ":" + stack.region() + ":" + stack.account() + ":" + id, Map.of()));
                }
            }
        }
        if (stack.resolvesSsmParameters()) {
            requests.add(new Request(stack.name(), "BootstrapVersion", "ssm:GetParameters", "arn:aws:ssm:" + stack.region() + ":"
                    + stack.account() + ":parameter" + stack.template().at("/Parameters/BootstrapVersion/Default").asText(), Map.of()));
        }
        return requests;
    }

    /** What an IAM action of this resource's handler acts on, as CloudFormation names it. */
    static List<String> iamResources(DeployedStack stack, String id, JsonNode resource, String action) {
        JsonNode properties = resource.path("Properties");
        return switch (resource.get("Type").asText()) {
            case "AWS::IAM::Role" -> List.of(roleArn(stack, id, resource));
            case "AWS::IAM::ManagedPolicy" -> action.contains("RolePolicy") || action.contains("UserPolicy") || action.contains("GroupPolicy")
                    ? attachedTo(stack, properties, action)
                    : List.of(iamArn(stack, "policy/" + named(stack, id, properties.path("ManagedPolicyName"))));
            case "AWS::IAM::Policy" -> attachedTo(stack, properties, action);
            case "AWS::IAM::OIDCProvider" -> List.of(iamArn(stack, "oidc-provider/" + URI.create(properties.get("Url").asText()).getHost()));
            // PassRole and GetRole of other handlers: the role the resource is given, else one the stack would create
            default -> List.of(passedRole(stack, id, properties));
        };
    }

    static List<String> attachedTo(DeployedStack stack, JsonNode properties, String action) {
        String kind = action.contains("User") ? "Users" : action.contains("Group") ? "Groups" : "Roles";
        List<String> arns = new ArrayList<>();
        for (JsonNode target : properties.path(kind)) {
            String ref = target.path("Ref").asText(null);
            JsonNode role = ref == null ? null : stack.template().path("Resources").get(ref);
            arns.add(role != null ? roleArn(stack, ref, role) : iamArn(stack, kind.toLowerCase().replaceAll("s$", "") + "/" + target.asText()));
        }
        if (arns.isEmpty()) {
            // a managed policy attached to no user or group: the handler's Attach*Policy call names a platform entity
            arns.add(iamArn(stack, kind.toLowerCase().replaceAll("s$", "") + "/" + stack.name() + "-entity"));
        }
        return arns;
    }

    static String passedRole(DeployedStack stack, String id, JsonNode properties) {
        String text = properties.toString();
        for (Iterator<Map.Entry<String, JsonNode>> it = stack.template().path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> other = it.next();
            if (other.getValue().path("Type").asText().equals("AWS::IAM::Role") && text.contains("[\"" + other.getKey() + "\",\"Arn\"]")) {
                return roleArn(stack, other.getKey(), other.getValue());
            }
        }
        return iamArn(stack, "role/" + stack.name() + "-" + id + "-ROLE");
    }

    static String roleArn(DeployedStack stack, String id, JsonNode role) {
        return iamArn(stack, "role" + role.at("/Properties/Path").asText("/") + named(stack, id, role.at("/Properties/RoleName")));
    }

    /** The name given, or the one CloudFormation generates: {@code <stack name>-<logical id>-<random suffix>}. */
    static String named(DeployedStack stack, String id, JsonNode name) {
        return name.isTextual() ? name.asText() : stack.name() + "-" + id + "-A1B2C3D4E5F6";
    }

    static String iamArn(DeployedStack stack, String resource) {
        return "arn:aws:iam::" + stack.account() + ":" + resource;
    }
}
