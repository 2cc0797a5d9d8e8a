package bootstrap;

import limits.AwsLimits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The least-privilege CloudFormation execution policy of one account (one managed policy, or a few when IAM's size
 * quota requires): exactly the actions {@link HandlerPermissions}
 * lists for the resource types of the stacks deployed there, nothing else.
 *
 * <ul>
 *   <li>IAM actions only on the platform's own names: roles and customer-managed policies whose names start with
 *       {@code <platform>-} (explicit names, and the names CloudFormation generates from the stack name
 *       {@code <platform>-...}), the OIDC providers the templates declare, and {@code iam:CreateServiceLinkedRole} only
 *       for the services whose roles the ECR and Inspector handlers create ({@code iam:AWSServiceName}).</li>
 *   <li>{@code ssm:GetParameters} only on the parameters the templates resolve (the CDK's bootstrap version), and
 *       {@code cloudformation:DescribeStacks} only on the stacks whose outputs they read ({@code Fn::GetStackOutput}).</li>
 *   <li>Every other action on {@code "*"}: the handlers' actions of ECR, KMS, SNS, CloudWatch, EventBridge, EC2, S3,
 *       CodePipeline and CodeBuild, in the account the role lives in.</li>
 * </ul>
 * The policy's own name ({@link #name}) lies outside {@code <platform>-*}, so the execution role cannot rewrite it.
 */
public final class ExecutionPolicy {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * IAM's quota for a customer-managed policy, in characters without white space ({@link AwsLimits#IAM_MANAGED_POLICY}):
     * checked here, not at create-policy.
     */
    public static final int MAX_POLICY_CHARACTERS = AwsLimits.IAM_MANAGED_POLICY;

    private ExecutionPolicy() {
    }

    /** The customer-managed policy's name, outside the {@code <platform>-} names the policy lets CloudFormation manage. */
    public static String name(String platform) {
        return "ecr-blueprint-" + platform + "-cfn-exec";
    }

    /** The name of an account's {@code index}-th policy (from 0) when its actions need more than one. */
    public static String name(String platform, int index) {
        return index == 0 ? name(platform) : name(platform) + "-" + (index + 1);
    }

    public static String arn(String account, String platform, int index) {
        return "arn:aws:iam::" + account + ":policy/" + name(platform, index);
    }

    /** A statement id from a service prefix: {@code ecr-public} becomes {@code EcrPublic}. */
    private static String sid(String service) {
        StringBuilder sid = new StringBuilder();
        for (String part : service.split("[^A-Za-z0-9]+")) {
            sid.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sid.toString();
    }

    /** Which IAM resource an IAM action of the table acts on (Service Authorization Reference, IAM's actions table). */
    enum IamResource {
        ROLE, POLICY, USER_OR_GROUP, OIDC_PROVIDER, SERVICE_LINKED_ROLE, INSTANCE_PROFILE;

        static IamResource of(String action) {
            String name = action.substring("iam:".length());
            if (action.equals(HandlerPermissions.CREATE_SERVICE_LINKED_ROLE)) {
                return SERVICE_LINKED_ROLE;
            }
            if (name.contains("OpenIDConnectProvider")) {
                return OIDC_PROVIDER;
            }
            if (name.contains("InstanceProfile")) {
                return INSTANCE_PROFILE; // AddRoleToInstanceProfile and RemoveRoleFromInstanceProfile act on the profile
            }
            if (name.contains("UserPolic") || name.contains("GroupPolic")) {
                return USER_OR_GROUP;
            }
            if (name.contains("Role")) {
                return ROLE;
            }
            if (name.contains("Polic")) {
                return POLICY;
            }
            throw new IllegalArgumentException(action + ": no IAM resource known for it in bootstrap.ExecutionPolicy."
                    + " Hint: add it to IamResource from the IAM table of the Service Authorization Reference");
        }
    }

    /**
     * The policy documents for the stacks deployed in {@code account}: one statement per service (and per IAM resource
     * kind), packed in order into as few managed policies as IAM's size quota allows; usually one.
     */
    public static List<ObjectNode> of(String account, String platform, Collection<DeployedStack> stacks) {
        Set<String> types = new TreeSet<>();
        Set<String> serviceLinkedRoles = new TreeSet<>();
        Set<String> oidcProviders = new TreeSet<>();
        Set<String> ssmParameters = new TreeSet<>();
        Set<String> stacksRead = new TreeSet<>();
        for (DeployedStack stack : stacks) {
            if (!stack.account().equals(account)) {
                throw new IllegalArgumentException("stack " + stack.name() + " deploys to " + stack.account() + ", not " + account);
            }
            types.addAll(stack.resourceTypes());
            stack.resourceTypes().forEach(t -> serviceLinkedRoles.addAll(HandlerPermissions.forType(t).serviceLinkedRoles()));
            for (JsonNode resource : stack.template().path("Resources")) {
                if (resource.path("Type").asText().equals("AWS::IAM::OIDCProvider")) {
                    oidcProviders.add(oidcProviderHost(stack, resource));
                }
            }
            stackOutputsRead(stack, stack.template(), stacksRead);
            for (JsonNode parameter : stack.template().path("Parameters")) {
                if (parameter.path("Type").asText().startsWith("AWS::SSM::Parameter::Value")) {
                    ssmParameters.add("arn:aws:ssm:" + stack.region() + ":" + account + ":parameter" + parameter.path("Default").asText());
                }
            }
        }
        Set<String> boundaries = permissionsBoundaries(account, stacks);
        Map<IamResource, Set<String>> iam = new LinkedHashMap<>();
        Map<String, Set<String>> byService = new TreeMap<>();
        for (String action : HandlerPermissions.actions(types)) {
            if (action.startsWith("iam:")) {
                iam.computeIfAbsent(IamResource.of(action), r -> new TreeSet<>()).add(action);
            } else {
                byService.computeIfAbsent(action.substring(0, action.indexOf(':')), k -> new TreeSet<>()).add(action);
            }
        }
        String iamArn = "arn:aws:iam::" + account + ":";
        List<ObjectNode> statements = new ArrayList<>();
        byService.forEach((service, actions) -> add(statements, "Deploy" + sid(service), actions, List.of("*"), null));
        Set<String> roleActions = new TreeSet<>(iam.getOrDefault(IamResource.ROLE, Set.of()));
        if (!boundaries.isEmpty()) {
            roleActions.removeAll(NEVER_WITH_BOUNDARY);
            Set<String> bounded = new TreeSet<>(roleActions);
            bounded.retainAll(BOUNDED_ROLE_ACTIONS);
            roleActions.removeAll(BOUNDED_ROLE_ACTIONS);
            ObjectNode condition = JSON.createObjectNode();
            ArrayNode arns = condition.putObject("StringEquals").putArray("iam:PermissionsBoundary");
            boundaries.forEach(arns::add);
            add(statements, "ManagePlatformRolesWithinTheirBoundary", bounded, List.of(iamArn + "role/" + platform + "-*"), condition);
        }
        add(statements, "ManagePlatformRoles", roleActions, List.of(iamArn + "role/" + platform + "-*"), null);
        add(statements, "ManagePlatformPolicies", iam.get(IamResource.POLICY), List.of(iamArn + "policy/" + platform + "-*"), null);
        add(statements, "AttachPlatformPoliciesToUsersAndGroups", iam.get(IamResource.USER_OR_GROUP),
                List.of(iamArn + "group/" + platform + "-*", iamArn + "user/" + platform + "-*"), null);
        add(statements, "ManagePlatformInstanceProfiles", iam.get(IamResource.INSTANCE_PROFILE),
                List.of(iamArn + "instance-profile/" + platform + "-*"), null);
        add(statements, "ManageOidcProviders", iam.get(IamResource.OIDC_PROVIDER),
                oidcProviders.stream().map(host -> iamArn + "oidc-provider/" + host).toList(), null);
        if (iam.containsKey(IamResource.SERVICE_LINKED_ROLE)) {
            ObjectNode condition = JSON.createObjectNode();
            ArrayNode names = condition.putObject("StringEquals").putArray("iam:AWSServiceName");
            serviceLinkedRoles.forEach(names::add);
            add(statements, "CreateEcrAndInspectorServiceLinkedRoles", iam.get(IamResource.SERVICE_LINKED_ROLE),
                    List.of(iamArn + "role/aws-service-role/*"), condition);
        }
        add(statements, "ReadReferencedStackOutputs", stacksRead.isEmpty() ? Set.of() : HandlerPermissions.STACK_OUTPUT_ACTIONS,
                List.copyOf(stacksRead), null);
        add(statements, "ResolveCdkBootstrapVersion", ssmParameters.isEmpty() ? Set.of() : HandlerPermissions.SSM_PARAMETER_ACTIONS,
                List.copyOf(ssmParameters), null);
        List<ObjectNode> documents = new ArrayList<>();
        ObjectNode document = null;
        for (ObjectNode statement : statements) {
            if (document != null) {
                ((ArrayNode) document.get("Statement")).add(statement);
                if (document.toString().length() <= MAX_POLICY_CHARACTERS) {
                    continue;
                }
                ((ArrayNode) document.get("Statement")).remove(document.get("Statement").size() - 1);
            }
            document = JSON.createObjectNode();
            document.put("Version", "2012-10-17");
            document.putArray("Statement").add(statement);
            if (document.toString().length() > MAX_POLICY_CHARACTERS) {
                throw new IllegalArgumentException("account " + account + ": the execution policy's statement "
                        + statement.get("Sid").asText() + " alone exceeds IAM's " + MAX_POLICY_CHARACTERS
                        + " characters for a managed policy");
            }
            documents.add(document);
        }
        return documents;
    }

    /**
     * The stacks whose outputs {@code node} reads with the stack's own role ({@code Fn::GetStackOutput} without
     * {@code RoleArn}), as stack ARNs of the account.
     */
    private static void stackOutputsRead(DeployedStack stack, JsonNode node, Set<String> arns) {
        JsonNode reference = node.get("Fn::GetStackOutput");
        if (reference != null && reference.isObject() && !reference.has("RoleArn")) {
            String region = reference.path("Region").asText(stack.region());
            arns.add("arn:aws:cloudformation:" + (region.isEmpty() ? stack.region() : region) + ":" + stack.account()
                    + ":stack/" + reference.path("StackName").asText() + "/*");
        }
        node.forEach(child -> stackOutputsRead(stack, child, arns));
    }

    /**
     * The role actions that may set or widen a role's permissions, allowed only where the role has the boundary when the
     * templates give their roles one (IAM's condition key {@code iam:PermissionsBoundary}, Service Authorization
     * Reference, IAM's actions table; the set AWS's "permissions boundaries for IAM entities" guide conditions).
     */
    public static final Set<String> BOUNDED_ROLE_ACTIONS = Set.of("iam:CreateRole", "iam:PutRolePermissionsBoundary",
            "iam:AttachRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePolicy", "iam:DeleteRolePolicy");

    /** Never allowed when the roles carry a boundary: it would let a template take the boundary off a role. */
    public static final Set<String> NEVER_WITH_BOUNDARY = Set.of("iam:DeleteRolePermissionsBoundary");

    /**
     * The permissions boundaries the account's roles carry (the CDK writes them into each role's
     * {@code PermissionsBoundary}), as ARNs; empty when no role has one. Fails when some roles have one and others none,
     * or when a boundary is no literal ARN: the policy's condition could not admit both.
     */
    static Set<String> permissionsBoundaries(String account, Collection<DeployedStack> stacks) {
        Set<String> boundaries = new TreeSet<>();
        List<String> without = new ArrayList<>();
        for (DeployedStack stack : stacks) {
            for (var it = stack.template().path("Resources").fields(); it.hasNext(); ) {
                var entry = it.next();
                String type = entry.getValue().path("Type").asText();
                if (!type.equals("AWS::IAM::Role") && !type.equals("AWS::IAM::User")) {
                    continue;
                }
                JsonNode boundary = entry.getValue().at("/Properties/PermissionsBoundary");
                if (boundary.isMissingNode()) {
                    without.add(stack.name() + "/" + entry.getKey());
                } else {
                    boundaries.add(literalArn(stack, entry.getKey(), boundary, account));
                }
            }
        }
        if (!boundaries.isEmpty() && !without.isEmpty()) {
            throw new IllegalArgumentException("account " + account + ": some roles carry the permissions boundary " + boundaries
                    + " and these none: " + without + ". Hint: apply the boundary to every stack of the account"
                    + " (PermissionsBoundary.of(scope) or the @aws-cdk/core:permissionsBoundary context at the app)");
        }
        return boundaries;
    }

    /** A boundary ARN as the CDK writes it: a string, or a join of strings and the partition or account pseudo parameters. */
    private static String literalArn(DeployedStack stack, String role, JsonNode value, String account) {
        if (value.isTextual()) {
            return value.asText();
        }
        JsonNode join = value.path("Fn::Join");
        if (join.isArray() && join.get(0).asText().isEmpty()) {
            StringBuilder arn = new StringBuilder();
            for (JsonNode part : join.get(1)) {
                String ref = part.path("Ref").asText(null);
                if (part.isTextual()) {
                    arn.append(part.asText());
                } else if ("AWS::Partition".equals(ref)) {
                    arn.append("aws");
                } else if ("AWS::AccountId".equals(ref)) {
                    arn.append(account);
                } else {
                    arn = null;
                    break;
                }
            }
            if (arn != null) {
                return arn.toString();
            }
        }
        throw new IllegalArgumentException("stack " + stack.name() + ", role " + role + ": the permissions boundary " + value
                + " is no literal ARN, so the execution policy cannot condition role creation on it."
                + " Hint: give the boundary as a policy name or ARN");
    }

    private static void add(List<ObjectNode> statements, String sid, Set<String> actions, List<String> resources, ObjectNode condition) {
        if (actions == null || actions.isEmpty()) {
            return;
        }
        if (resources.isEmpty()) {
            throw new IllegalStateException(sid + ": actions " + actions + " but no resource to scope them to");
        }
        ObjectNode statement = JSON.createObjectNode();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        ArrayNode actionArray = statement.putArray("Action");
        new TreeSet<>(actions).forEach(actionArray::add);
        ArrayNode resourceArray = statement.putArray("Resource");
        new TreeSet<>(resources).forEach(resourceArray::add);
        if (condition != null) {
            statement.set("Condition", condition);
        }
        statements.add(statement);
    }

    private static String oidcProviderHost(DeployedStack stack, JsonNode provider) {
        JsonNode url = provider.at("/Properties/Url");
        if (!url.isTextual()) {
            throw new IllegalArgumentException("stack " + stack.name() + ": an AWS::IAM::OIDCProvider's Url is not a literal,"
                    + " so the execution policy cannot name the provider. Hint: give the provider URL as a string");
        }
        URI uri = URI.create(url.asText());
        return uri.getHost() + (uri.getPath() == null ? "" : uri.getPath().replaceAll("/$", ""));
    }
}
