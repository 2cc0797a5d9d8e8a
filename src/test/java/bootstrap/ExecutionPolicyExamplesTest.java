package bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import access.IamSimulator;
import access.SimulationDecision;
import access.SimulationRequest;
import stacks.ExampleAssemblies;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated execution policies against the examples' real templates, evaluated by the offline IAM policy simulator
 * the access scenarios use ({@code @cloud-copilot/iam-simulate} through {@link IamSimulator}, strict mode): each
 * account's policy allows every action of {@link HandlerPermissions} for every resource deployed there (IAM actions on
 * the ARN of the role, policy or provider the template declares, the bootstrap-version parameter by its ARN), and denies
 * every table action of the resource types deployed only elsewhere, IAM on other names and other service-linked roles.
 * The principal is the CDK's CloudFormation execution role of the account, holding the account's policies and nothing
 * else (no SCPs, no boundary).
 */
@Tag("validated")
class ExecutionPolicyExamplesTest {

    static BootstrapPlan plan(String example) {
        return BootstrapPlan.of(ExampleAssemblies.of(example), ExampleAssemblies.platform(example).name());
    }

    /** One request CloudFormation makes with the execution role while it deploys a resource. */
    record Request(String stack, String logicalId, String action, String resource, Map<String, Object> context) {
    }

    /** The CDK's CloudFormation execution role of an account (default qualifier), the principal of every request. */
    static String executionRole(String account, String region) {
        return "arn:aws:iam::" + account + ":role/cdk-hnb659fds-cfn-exec-role-" + account + "-" + region;
    }

    /** The account's execution policies as the role's identity policies, by their managed-policy names. */
    static Map<String, JsonNode> identityPolicies(BootstrapPlan plan, String account) {
        Map<String, JsonNode> policies = new LinkedHashMap<>();
        List<? extends JsonNode> documents = plan.policies().get(account);
        for (int i = 0; i < documents.size(); i++) {
            policies.put(ExecutionPolicy.name(plan.platform(), i), documents.get(i));
        }
        return policies;
    }

    static SimulationRequest simulation(BootstrapPlan plan, String account, String region, String action, String resource,
                                        Map<String, Object> context) {
        return new SimulationRequest(executionRole(account, region), action, resource, account, context,
                identityPolicies(plan, account), null);
    }

    /** The simulator's decisions for requests of one account's execution role, keyed by what was asked. */
    static Map<String, SimulationDecision> decide(BootstrapPlan plan, String account, String region, List<Request> requests) {
        List<SimulationRequest> batch = requests.stream()
                .map(r -> simulation(plan, account, region, r.action(), r.resource(), r.context())).toList();
        List<SimulationDecision> decisions = IamSimulator.evaluate(batch);
        Map<String, SimulationDecision> byRequest = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            byRequest.put("#" + i + " " + requests.get(i), decisions.get(i));
        }
        return byRequest;
    }

    @ParameterizedTest
    @ValueSource(strings = {"delivery", "multi-account", "ecommerce", "anchors", "shared-key"})
    void everyAccountsPolicyAllowsEveryHandlerActionForEveryResourceDeployedThere(String example) {
        BootstrapPlan plan = plan(example);
        List<String> notAllowed = new ArrayList<>();
        int checked = 0;
        for (DeployedStack stack : plan.stacks()) {
            Map<String, SimulationDecision> decisions = decide(plan, stack.account(), stack.region(), requests(stack));
            checked += decisions.size();
            decisions.forEach((request, decision) -> {
                if (!decision.allowed()) {
                    notAllowed.add(request + ": " + decision.decision() + " (" + decision.reason() + ")");
                }
            });
        }
        assertThat(notAllowed).isEmpty();
        assertThat(checked).isGreaterThan(500);
    }

    /**
     * Nothing outside the table rows of the account's resource types: every action the table lists for a type deployed
     * only in other accounts (or in no example) is denied on any resource.
     */
    @ParameterizedTest
    @ValueSource(strings = {"delivery", "multi-account", "ecommerce"})
    void everyTableActionOfAResourceTypeNotDeployedInTheAccountIsDenied(String example) {
        BootstrapPlan plan = plan(example);
        Set<String> table = new TreeSet<>();
        HandlerPermissions.rows().values().forEach(row -> table.addAll(row.actions()));
        List<String> allowed = new ArrayList<>();
        int probes = 0;
        for (String account : plan.policies().keySet()) {
            Set<String> types = new TreeSet<>();
            plan.stacksIn(account).forEach(s -> types.addAll(s.resourceTypes()));
            Set<String> outside = new TreeSet<>(table);
            outside.removeAll(HandlerPermissions.actions(types));
            outside.removeAll(HandlerPermissions.SSM_PARAMETER_ACTIONS);
            String region = plan.stacksIn(account).get(0).region();
            List<Request> requests = outside.stream().map(action -> new Request("-", "-", action, "*", Map.<String, Object>of())).toList();
            probes += requests.size();
            decide(plan, account, region, requests).forEach((request, decision) -> {
                if (!decision.denied()) {
                    allowed.add(account + " " + request + ": " + decision.decision() + " (" + decision.reason() + ")");
                }
            });
        }
        assertThat(allowed).isEmpty();
        assertThat(probes).as("the probes are not empty").isGreaterThan(10);
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
            if (!ExecutionPolicy.permissionsBoundaries(account, plan.stacksIn(account)).isEmpty()) {
                expected.removeAll(ExecutionPolicy.NEVER_WITH_BOUNDARY);
            }
            Set<String> named = new TreeSet<>();
            policy.forEach(document -> document.get("Statement").forEach(s -> s.get("Action").forEach(a -> named.add(a.asText()))));
            assertThat(named).as("account %s", account).isEqualTo(expected).noneMatch(a -> a.contains("*"));
        });
    }

    static boolean allowed(BootstrapPlan plan, String account, String action, String resource, Map<String, Object> context) {
        String region = plan.stacksIn(account).get(0).region();
        SimulationDecision decision = IamSimulator.evaluate(List.of(simulation(plan, account, region, action, resource, context))).get(0);
        assertThat(decision.decision()).as("%s %s: %s", action, resource, decision.reason()).isNotEqualTo("Error");
        return decision.allowed();
    }

    @Test
    void anActionOfAResourceTypeDeployedOnlyInAnotherAccountIsDenied() {
        BootstrapPlan plan = plan("delivery");
        // only the pipeline account holds the pipeline, only prod's account has VPC endpoints
        assertThat(allowed(plan, "111111111111", "codepipeline:CreatePipeline", "arn:aws:codepipeline:eu-west-1:111111111111:x", Map.of())).isFalse();
        assertThat(allowed(plan, "111111111111", "ec2:CreateVpcEndpoint", "arn:aws:ec2:eu-west-1:111111111111:vpc-endpoint/vpce-1", Map.of())).isFalse();
        assertThat(allowed(plan, "444444444444", "ecr:CreateRepository", "arn:aws:ecr:eu-west-1:444444444444:repository/x", Map.of())).isFalse();
        assertThat(allowed(plan, "111111111111", "lambda:CreateFunction", "*", Map.of())).isFalse();
    }

    @Test
    void iamIsAllowedOnlyOnThePlatformsNamesAndTheServiceLinkedRolesOfEcrAndInspector() {
        BootstrapPlan plan = plan("delivery");
        String prod = "222222222222";
        String iam = "arn:aws:iam::222222222222:";
        // examples/delivery's roles carry the boundary: the calls below carry it too, so only the names decide
        Map<String, Object> boundary = Map.of("iam:PermissionsBoundary", iam + "policy/ecr-blueprint-boundary");
        assertThat(allowed(plan, prod, "iam:CreateRole", iam + "role/shop-prod-promoter", boundary)).isTrue();
        assertThat(allowed(plan, prod, "iam:CreateRole", iam + "role/OrganizationAccountAccessRole", boundary)).isFalse();
        assertThat(allowed(plan, prod, "iam:PutRolePolicy", iam + "role/cdk-hnb659fds-cfn-exec-role-222222222222-eu-west-1", boundary)).isFalse();
        assertThat(allowed(plan, prod, "iam:CreatePolicyVersion", iam + "policy/" + ExecutionPolicy.name("shop"), Map.of()))
                .as("the execution role cannot rewrite its own policy").isFalse();
        assertThat(allowed(plan, prod, "iam:CreateServiceLinkedRole", iam + "role/aws-service-role/replication.ecr.amazonaws.com/AWSServiceRoleForECRReplication",
                Map.of("iam:AWSServiceName", "replication.ecr.amazonaws.com"))).isTrue();
        assertThat(allowed(plan, prod, "iam:CreateServiceLinkedRole", iam + "role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing",
                Map.of("iam:AWSServiceName", "elasticloadbalancing.amazonaws.com"))).isFalse();
    }

    /**
     * examples/delivery gives every role the boundary ecr-blueprint-boundary (a policy of that name in each account):
     * each account's execution role may create and change platform roles only when the call carries that boundary, and
     * may never take a boundary off.
     */
    @Test
    void withAPermissionsBoundaryRolesAreCreatedAndChangedOnlyWithIt() {
        BootstrapPlan plan = plan("delivery");
        List<String> wrong = new ArrayList<>();
        for (String account : plan.policies().keySet()) {
            String boundary = "arn:aws:iam::" + account + ":policy/ecr-blueprint-boundary";
            String role = "arn:aws:iam::" + account + ":role/shop-some-role";
            List<Request> requests = new ArrayList<>();
            Map<Request, Boolean> expected = new LinkedHashMap<>();
            for (String action : ExecutionPolicy.BOUNDED_ROLE_ACTIONS) {
                expected.put(new Request(account, "with", action, role, Map.of("iam:PermissionsBoundary", boundary)), true);
                expected.put(new Request(account, "without", action, role, Map.of()), false);
                expected.put(new Request(account, "other", action, role,
                        Map.of("iam:PermissionsBoundary", "arn:aws:iam::" + account + ":policy/shop-wide-open")), false);
            }
            expected.put(new Request(account, "with", "iam:DeleteRolePermissionsBoundary", role,
                    Map.of("iam:PermissionsBoundary", boundary)), false);
            requests.addAll(expected.keySet());
            String region = plan.stacksIn(account).get(0).region();
            List<SimulationDecision> decisions = IamSimulator.evaluate(requests.stream()
                    .map(r -> simulation(plan, account, region, r.action(), r.resource(), r.context())).toList());
            for (int i = 0; i < requests.size(); i++) {
                SimulationDecision decision = decisions.get(i);
                boolean allow = expected.get(requests.get(i));
                if (allow ? !decision.allowed() : !decision.denied()) {
                    wrong.add(requests.get(i) + ": " + decision.decision() + " (" + decision.reason() + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anAccountThatIsToolingAndTargetGetsTheUnionOfBoth() {
        BootstrapPlan plan = plan("multi-account");
        String media = "444444444444";
        assertThat(allowed(plan, media, "codepipeline:CreatePipeline", "*", Map.of())).isTrue();
        assertThat(allowed(plan, media, "codebuild:CreateProject", "*", Map.of())).isTrue();
        assertThat(allowed(plan, media, "ecr:CreateRepository", "*", Map.of())).isTrue();
        assertThat(allowed(plan, media, "inspector2:Enable", "*", Map.of())).isTrue();
        assertThat(allowed(plan, media, "iam:CreateServiceLinkedRole", "arn:aws:iam::444444444444:role/aws-service-role/inspector2.amazonaws.com/AWSServiceRoleForAmazonInspector2",
                Map.of("iam:AWSServiceName", "inspector2.amazonaws.com"))).isTrue();
    }

    /** Every request of the table's actions for each resource of the stack, with the resource's ARN where the policy scopes it. */
    static List<Request> requests(DeployedStack stack) {
        JsonNode resources = stack.template().path("Resources");
        List<Request> requests = new ArrayList<>();
        // with a boundary every role of the account carries the same one (ExecutionPolicy fails otherwise): IAM sees it
        // as iam:PermissionsBoundary on the calls that create or change a role
        Set<String> boundaries = ExecutionPolicy.permissionsBoundaries(stack.account(), List.of(stack));
        Map<String, Object> withBoundary = boundaries.isEmpty() ? Map.of() : Map.of("iam:PermissionsBoundary", boundaries.iterator().next());
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
                    if (!boundaries.isEmpty() && ExecutionPolicy.NEVER_WITH_BOUNDARY.contains(action)) {
                        continue; // denied on purpose: withAPermissionsBoundaryRolesAreCreatedAndChangedOnlyWithIt
                    }
                    for (String arn : iamResources(stack, id, resource, action)) {
                        requests.add(new Request(stack.name(), id, action, arn,
                                ExecutionPolicy.BOUNDED_ROLE_ACTIONS.contains(action) ? withBoundary : Map.of()));
                    }
                } else {
                    // the policy grants these on "*" within the account; the simulator checks the action exists
                    requests.add(new Request(stack.name(), id, action, "*", Map.of()));
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

    /**
     * examples/shared-key's environment stacks read the shared key's ARN from the registry stack's output
     * ({@code Fn::GetStackOutput}, with the stack's own role): the execution role may describe that stack, and no other.
     */
    @Test
    void theExecutionRoleMayReadTheOutputsOfTheRegistryStackTheEnvironmentsReferenceAndNoOtherStack() {
        BootstrapPlan plan = plan("shared-key");
        String account = "999900000001";
        String stacks = "arn:aws:cloudformation:eu-west-1:" + account + ":stack/";
        Map<String, SimulationDecision> decisions = decide(plan, account, "eu-west-1", List.of(
                new Request("studio-dev", "-", "cloudformation:DescribeStacks",
                        stacks + "studio-registry-999900000001-eu-west-1/0a1b2c3d", Map.of()),
                new Request("studio-dev", "-", "cloudformation:DescribeStacks", stacks + "studio-dev/0a1b2c3d", Map.of()),
                new Request("studio-dev", "-", "cloudformation:DescribeStacks", stacks + "other-platform/0a1b2c3d", Map.of())));
        assertThat(decisions.values()).extracting(SimulationDecision::allowed).containsExactly(true, false, false);
        // prod's account reads no other stack's output.
        assertThat(plan.policies().get("999900000002").toString()).doesNotContain("cloudformation:");
    }
}
