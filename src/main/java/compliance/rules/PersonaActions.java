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
        var extra = new TreeSet<String>();
        for (JsonNode document : policyDocuments(role)) {
            for (String action : PolicyDocuments.allowedActions(document)) {
                if (!allowed.contains(action)) {
                    extra.add(action);
                }
            }
        }
        return Outcome.of(extra.stream().map(a -> "Action::" + a).toList());
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
