package compliance.rules;

import com.fasterxml.jackson.databind.JsonNode;
import constructs.access.Persona;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A role tagged {@value Persona#TAG_KEY} holds only the actions of its persona
 * ({@link Persona#allowedActions()}), counting inline policies and the managed and inline
 * policies of the same stack attached to it.
 */
public final class PersonaActions implements EcrRule {

    public static final String ID = "EcrBlueprint-PersonaActions";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String legacyId() {
        return "EcrBlueprint-IAM1";
    }

    @Override
    public String info() {
        return "The role holds actions outside the persona table of its " + Persona.TAG_KEY + " tag.";
    }

    @Override
    public String explanation() {
        return "Personas (publisher, puller, promoter, ...) are the reviewed least-privilege sets; an extra action on a "
                + "persona role is privilege nobody reviewed.";
    }

    @Override
    public String fix() {
        return "Remove the action, or use the persona whose table holds it "
                + "(constructs.access.Persona).";
    }

    @Override
    public String source() {
        return "IAM least privilege; the persona tables of constructs.access.Persona";
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.ROLE);
    }

    @Override
    public Outcome evaluate(TemplateResource role) {
        String tag = role.tags().get(Persona.TAG_KEY);
        if (tag == null) {
            return Outcome.notApplicable();
        }
        Optional<Persona> persona = Persona.fromTag(tag);
        if (persona.isEmpty()) {
            return Outcome.of(List.of("Persona::" + tag));
        }
        var allowed = persona.get().allowedActions();
        boolean buildRole = persona.get() == Persona.PUBLISHER && servesCodeBuildProject(role, false);
        boolean vpcBuildRole = buildRole && servesCodeBuildProject(role, true);
        var extra = new TreeSet<String>();
        for (JsonNode document : policyDocuments(role)) {
            for (JsonNode statement : PolicyDocuments.statements(document)) {
                if (!PolicyDocuments.isAllow(statement)) {
                    continue;
                }
                for (String action : PolicyDocuments.strings(statement.path("Action"))) {
                    if (!allowed.contains(action) && !(buildRole && buildAction(role, action, statement.path("Resource"), vpcBuildRole))) {
                        extra.add(action);
                    }
                }
            }
        }
        return Outcome.of(extra.stream().map(a -> "Action::" + a).toList());
    }

    /**
     * A publisher that is a CodeBuild project's service role may also hold what its builds need
     * ({@link Persona#BUILD_RESOURCE_ACTIONS}), each only on one resource of the required type in its own template (the
     * pipeline's log group, artifact bucket, key), never on {@code *} or a literal ARN; and where the project runs in
     * a VPC, {@link Persona#BUILD_VPC_ACTIONS} and {@link Persona#BUILD_VPC_PERMISSION_ACTION}.
     */
    private static boolean buildAction(TemplateResource role, String action, JsonNode resources, boolean vpc) {
        if (vpc && (Persona.BUILD_VPC_ACTIONS.contains(action) || Persona.BUILD_VPC_PERMISSION_ACTION.equals(action))) {
            return true;
        }
        String type = Persona.BUILD_RESOURCE_ACTIONS.get(action);
        if (type == null) {
            return false;
        }
        List<JsonNode> list = resources.isArray() ? elements(resources) : List.of(resources);
        for (JsonNode resource : list) {
            List<String> referenced = new ArrayList<>();
            references(resource, referenced);
            if (referenced.size() != 1 || role.template().resources().stream()
                    .noneMatch(r -> r.logicalId().equals(referenced.get(0)) && r.type().equals(type))) {
                return false;
            }
        }
        return !list.isEmpty();
    }

    /** Whether a CodeBuild project of the role's template runs as this role (and, with {@code vpc}, in a VPC). */
    private static boolean servesCodeBuildProject(TemplateResource role, boolean vpc) {
        for (TemplateResource project : role.template().resources()) {
            if (!"AWS::CodeBuild::Project".equals(project.type()) || vpc && project.property("VpcConfig").isMissingNode()) {
                continue;
            }
            List<String> referenced = new ArrayList<>();
            references(project.property("ServiceRole"), referenced);
            if (referenced.contains(role.logicalId())) {
                return true;
            }
        }
        return false;
    }

    /** The logical ids a value names with {@code Ref} or {@code Fn::GetAtt}, anywhere inside it. */
    private static void references(JsonNode value, List<String> ids) {
        if (value.isObject()) {
            if (value.has("Ref")) {
                ids.add(value.get("Ref").asText());
            } else if (value.has("Fn::GetAtt")) {
                JsonNode getAtt = value.get("Fn::GetAtt");
                ids.add(getAtt.isArray() ? getAtt.get(0).asText() : getAtt.asText().split("\\.")[0]);
            } else {
                value.elements().forEachRemaining(v -> references(v, ids));
            }
        } else if (value.isArray()) {
            value.elements().forEachRemaining(v -> references(v, ids));
        }
    }

    /** Inline policies of the role, and policies of its template that name the role (or that the role names). */
    private static List<JsonNode> policyDocuments(TemplateResource role) {
        List<JsonNode> documents = new ArrayList<>();
        for (JsonNode inline : role.property("Policies")) {
            if (!inline.path("PolicyDocument").isMissingNode()) {
                documents.add(PolicyDocuments.tree(inline.path("PolicyDocument")));
            }
        }
        JsonNode roleRef = role.ref();
        List<JsonNode> managedArns = elements(role.property("ManagedPolicyArns"));
        for (TemplateResource other : role.template().resources()) {
            boolean namesRole = elements(other.property("Roles")).contains(roleRef);
            if (ResourceTypes.MANAGED_POLICY.equals(other.type()) && (namesRole || managedArns.contains(other.ref()))
                    || ResourceTypes.POLICY.equals(other.type()) && namesRole) {
                documents.add(other.policy("PolicyDocument"));
            }
        }
        return documents;
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }
}
