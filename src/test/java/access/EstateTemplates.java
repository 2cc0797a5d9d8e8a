package access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import snapshots.Synthesis;
import software.amazon.awscdk.App;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The access-relevant parts of an estate's synthesized templates, with every CloudFormation intrinsic resolved to
 * the concrete value it takes when deployed in its stack's account and region (partition {@code aws}): each role's
 * identity policies (managed and inline) and trust policy, each repository's policy, each registry's policy, the
 * repository creation templates (whose repository policy ECR gives to the repositories it creates: replicas and
 * cached images), and each KMS key's policy.
 *
 * <p>Resolution follows CloudFormation's own rules: {@code Ref} of a pseudo parameter or resource (a role's
 * {@code Ref} is its name, a topic's its ARN, a repository's its name), {@code Fn::GetAtt ... Arn},
 * {@code Fn::Join}, {@code Fn::Sub}, and {@code Fn::GetStackOutput} (a weak reference to an output of another stack of
 * the estate: the shared repository key). A value it cannot resolve (an import) fails the test naming it.
 */
public final class EstateTemplates {

    static final String PARTITION = "aws";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    /** Where a stack deploys. */
    public record StackEnvironment(String stackName, String account, String region) {
    }

    /** A role with its policies, as IAM holds them after deployment. */
    public record Role(String arn, String name, String account, String stack, String persona, JsonNode trustPolicy,
                       Map<String, JsonNode> policies) {
    }

    /** A repository creation template of a registry. */
    public record CreationTemplate(String account, String region, String prefix, List<String> appliedFor,
                                   JsonNode repositoryPolicy, JsonNode properties) {

        /** Whether ECR applies this template to a repository of that name ({@code ROOT} matches every name). */
        boolean matches(String repositoryName) {
            return prefix.equals("ROOT") || repositoryName.startsWith(prefix + "/");
        }
    }

    /** The ARN of a resource as {@code Fn::GetAtt [id, Arn]} gives it. */
    public String arnOf(Resource resource) {
        return getAtt(resource.logicalId(), "Arn", resource.stack(), templates.get(resource.stack()));
    }

    /** A resource of a template with its properties resolved. */
    public record Resource(String stack, String logicalId, String type, JsonNode properties, String account, String region) {
    }

    private final Map<String, StackEnvironment> environments = new LinkedHashMap<>();
    private final Map<String, JsonNode> templates;
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, JsonNode> repositoryPolicies = new LinkedHashMap<>();
    private final Map<String, JsonNode> registryPolicies = new LinkedHashMap<>();
    private final Map<String, JsonNode> keyPolicies = new LinkedHashMap<>();
    private final Map<String, JsonNode> topicPolicies = new LinkedHashMap<>();
    private final List<CreationTemplate> creationTemplates = new ArrayList<>();
    private final List<Resource> resources = new ArrayList<>();

    private EstateTemplates(Synthesis synthesis, List<StackEnvironment> stackEnvironments) {
        stackEnvironments.forEach(e -> environments.put(e.stackName(), e));
        this.templates = synthesis.templates();
        templates.forEach(this::index);
    }

    /** The templates of {@code app}, already synthesized into {@code synthesis} (the assembly is cached: no second synthesis). */
    public static EstateTemplates of(App app, Synthesis synthesis) {
        List<StackEnvironment> environments = new ArrayList<>();
        for (CloudFormationStackArtifact stack : app.synth().getStacksRecursively()) {
            environments.add(new StackEnvironment(stack.getStackName(), stack.getEnvironment().getAccount(),
                    stack.getEnvironment().getRegion()));
        }
        return new EstateTemplates(synthesis, environments);
    }

    public Map<String, Role> roles() {
        return roles;
    }

    public Optional<Role> role(String arn) {
        return Optional.ofNullable(roles.get(arn));
    }

    /** Repository ARN to its policy ({@code null} values: a repository without policy). */
    public Map<String, JsonNode> repositoryPolicies() {
        return repositoryPolicies;
    }

    /** {@code <account>/<region>} to the registry's policy. */
    public Map<String, JsonNode> registryPolicies() {
        return registryPolicies;
    }

    /** Key ARN ({@code arn:aws:kms:<region>:<account>:key/<stack>/<logical id>}) to its key policy. */
    public Map<String, JsonNode> keyPolicies() {
        return keyPolicies;
    }

    /** Topic ARN to its topic policy. */
    public Map<String, JsonNode> topicPolicies() {
        return topicPolicies;
    }

    public List<CreationTemplate> creationTemplates() {
        return creationTemplates;
    }

    /** Every resource of every stack, properties resolved. */
    public List<Resource> resources() {
        return resources;
    }

    public List<Resource> resources(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    private void index(String stackName, JsonNode template) {
        StackEnvironment env = environments.get(stackName);
        if (env == null) {
            throw new IllegalStateException("no environment for stack " + stackName);
        }
        JsonNode resourceNodes = template.path("Resources");
        Map<String, List<JsonNode>> policiesByRole = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resourceNodes.fields(); it.hasNext(); ) {
            var entry = it.next();
            String type = entry.getValue().path("Type").asText();
            JsonNode properties = resolve(entry.getValue().path("Properties"), stackName, template);
            resources.add(new Resource(stackName, entry.getKey(), type, properties, env.account(), env.region()));
            switch (type) {
                case "AWS::ECR::Repository" -> repositoryPolicies.put(
                        repositoryArn(env.account(), env.region(), properties.path("RepositoryName").asText()),
                        properties.has("RepositoryPolicyText") ? properties.get("RepositoryPolicyText") : null);
                case "AWS::ECR::RegistryPolicy" -> registryPolicies.put(env.account() + "/" + env.region(),
                        properties.get("PolicyText"));
                case "AWS::KMS::Key" -> keyPolicies.put(keyArn(env, entry.getKey()), properties.get("KeyPolicy"));
                case "AWS::SNS::TopicPolicy" -> properties.path("Topics").forEach(topic ->
                        topicPolicies.put(topic.asText(), properties.get("PolicyDocument")));
                case "AWS::ECR::RepositoryCreationTemplate" -> {
                    List<String> appliedFor = new ArrayList<>();
                    properties.path("AppliedFor").forEach(a -> appliedFor.add(a.asText()));
                    creationTemplates.add(new CreationTemplate(env.account(), env.region(),
                            properties.path("Prefix").asText(), appliedFor, policy(properties.get("RepositoryPolicy")),
                            properties));
                }
                case "AWS::IAM::ManagedPolicy", "AWS::IAM::Policy" -> properties.path("Roles").forEach(r ->
                        policiesByRole.computeIfAbsent(r.asText(), k -> new ArrayList<>()).add(named(entry.getKey(), properties)));
                default -> {
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = resourceNodes.fields(); it.hasNext(); ) {
            var entry = it.next();
            if (!entry.getValue().path("Type").asText().equals("AWS::IAM::Role")) {
                continue;
            }
            JsonNode properties = resolve(entry.getValue().path("Properties"), stackName, template);
            String name = properties.path("RoleName").asText(entry.getKey());
            Map<String, JsonNode> policies = new LinkedHashMap<>();
            properties.path("Policies").forEach(p -> policies.put(p.path("PolicyName").asText(), p.get("PolicyDocument")));
            policiesByRole.getOrDefault(name, List.of()).forEach(p -> policies.put(p.path("name").asText(), p.get("document")));
            String persona = null;
            for (JsonNode tag : properties.path("Tags")) {
                if (tag.path("Key").asText().equals("ecr-blueprint:persona")) {
                    persona = tag.path("Value").asText();
                }
            }
            String arn = roleArn(env.account(), name);
            roles.put(arn, new Role(arn, name, env.account(), stackName, persona,
                    properties.get("AssumeRolePolicyDocument"), policies));
        }
    }

    private static JsonNode named(String id, JsonNode properties) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", properties.path("ManagedPolicyName").asText(properties.path("PolicyName").asText(id)));
        node.set("document", properties.get("PolicyDocument"));
        return node;
    }

    /** CloudFormation takes a repository policy as an object or as JSON text. */
    private static JsonNode policy(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual()) {
            try {
                return JSON.readTree(value.asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return value;
    }

    public static String repositoryArn(String account, String region, String name) {
        return "arn:" + PARTITION + ":ecr:" + region + ":" + account + ":repository/" + name;
    }

    public static String roleArn(String account, String name) {
        return "arn:" + PARTITION + ":iam::" + account + ":role/" + name;
    }

    /** The ARN this class gives a key resource (the key id is known only after deployment). */
    public static String keyArn(Resource key) {
        return "arn:" + PARTITION + ":kms:" + key.region() + ":" + key.account() + ":key/" + key.stack() + "-" + key.logicalId();
    }

    private static String keyArn(StackEnvironment env, String logicalId) {
        return "arn:" + PARTITION + ":kms:" + env.region() + ":" + env.account() + ":key/" + env.stackName() + "-" + logicalId;
    }

    /** The value {@code node} takes when deployed in {@code stackName}. */
    JsonNode resolve(JsonNode node, String stackName, JsonNode template) {
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(n -> out.add(resolve(n, stackName, template)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.size() == 1) {
            String key = node.fieldNames().next();
            JsonNode arg = node.get(key);
            switch (key) {
                case "Ref":
                    return TextNode.valueOf(ref(arg.asText(), stackName, template));
                case "Fn::GetAtt":
                    return TextNode.valueOf(getAtt(arg.get(0).asText(), arg.get(1).asText(), stackName, template));
                case "Fn::Join": {
                    StringBuilder text = new StringBuilder();
                    JsonNode parts = resolve(arg.get(1), stackName, template);
                    for (int i = 0; i < parts.size(); i++) {
                        text.append(i == 0 ? "" : arg.get(0).asText()).append(parts.get(i).asText());
                    }
                    return TextNode.valueOf(text.toString());
                }
                case "Fn::Sub":
                    return TextNode.valueOf(sub(arg, stackName, template));
                case "Fn::GetStackOutput": {
                    // A weak cross-stack reference (cdk.json's defaultCrossStackReferences): the output of another
                    // stack of the same account and region, read when this stack deploys (after that one).
                    String producer = arg.path("StackName").asText();
                    JsonNode producerTemplate = templates.get(producer);
                    JsonNode output = producerTemplate == null ? null
                            : producerTemplate.path("Outputs").get(arg.path("OutputName").asText());
                    if (output == null || !arg.path("Region").asText().equals(environments.get(producer).region())) {
                        throw new IllegalStateException("cannot resolve " + key + " in stack " + stackName + ": " + node);
                    }
                    return resolve(output.get("Value"), producer, producerTemplate);
                }
                default:
                    if (key.startsWith("Fn::")) {
                        throw new IllegalStateException("cannot resolve " + key + " in stack " + stackName + ": " + node);
                    }
            }
        }
        ObjectNode out = JSON.createObjectNode();
        node.fields().forEachRemaining(e -> out.set(e.getKey(), resolve(e.getValue(), stackName, template)));
        return out;
    }

    private String sub(JsonNode arg, String stackName, JsonNode template) {
        String text = arg.isArray() ? arg.get(0).asText() : arg.asText();
        JsonNode variables = arg.isArray() ? arg.get(1) : JsonNodeFactory.instance.objectNode();
        Matcher m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (variables.has(name)) {
                value = resolve(variables.get(name), stackName, template).asText();
            } else if (name.contains(".")) {
                value = getAtt(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1), stackName, template);
            } else {
                value = ref(name, stackName, template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String ref(String name, String stackName, JsonNode template) {
        StackEnvironment env = environments.get(stackName);
        switch (name) {
            case "AWS::Partition":
                return PARTITION;
            case "AWS::AccountId":
                return env.account();
            case "AWS::Region":
                return env.region();
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::StackName":
                return stackName;
            default:
                break;
        }
        JsonNode resource = template.path("Resources").path(name);
        if (resource.isMissingNode()) {
            JsonNode parameter = template.path("Parameters").path(name);
            if (parameter.has("Default")) {
                return parameter.get("Default").asText();
            }
            throw new IllegalStateException("Ref " + name + " in stack " + stackName + " names no resource");
        }
        JsonNode properties = resource.path("Properties");
        return switch (resource.path("Type").asText()) {
            case "AWS::IAM::Role" -> literal(properties.path("RoleName"), name, stackName, template);
            case "AWS::ECR::Repository" -> literal(properties.path("RepositoryName"), name, stackName, template);
            case "AWS::SNS::Topic" -> "arn:" + PARTITION + ":sns:" + env.region() + ":" + env.account() + ":"
                    + literal(properties.path("TopicName"), name, stackName, template);
            case "AWS::KMS::Key" -> stackName + "-" + name;
            default -> name;
        };
    }

    private String getAtt(String logicalId, String attribute, String stackName, JsonNode template) {
        StackEnvironment env = environments.get(stackName);
        JsonNode resource = template.path("Resources").path(logicalId);
        String type = resource.path("Type").asText();
        JsonNode properties = resource.path("Properties");
        if (attribute.equals("Arn")) {
            switch (type) {
                case "AWS::ECR::Repository":
                    return repositoryArn(env.account(), env.region(), literal(properties.path("RepositoryName"), logicalId, stackName, template));
                case "AWS::IAM::Role":
                    return roleArn(env.account(), literal(properties.path("RoleName"), logicalId, stackName, template));
                case "AWS::KMS::Key":
                    return keyArn(env, logicalId);
                case "AWS::SNS::Topic":
                    return ref(logicalId, stackName, template);
                case "AWS::Events::Rule":
                    return "arn:" + PARTITION + ":events:" + env.region() + ":" + env.account() + ":rule/"
                            + literal(properties.path("Name"), logicalId, stackName, template);
                default:
                    break;
            }
        }
        return "arn:" + PARTITION + ":unresolved:" + env.region() + ":" + env.account() + ":" + logicalId + "/" + attribute;
    }

    private String literal(JsonNode value, String logicalId, String stackName, JsonNode template) {
        if (value.isMissingNode() || value.isNull()) {
            return logicalId;
        }
        return resolve(value, stackName, template).asText();
    }
}
