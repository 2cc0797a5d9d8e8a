package compliance.rules;

import constructs.access.Persona;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.services.iam.CfnManagedPolicy;
import software.amazon.awscdk.services.iam.CfnPolicy;
import software.amazon.awscdk.services.iam.CfnRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A role tagged {@value Persona#TAG_KEY} holds only the actions of its persona
 * ({@link Persona#allowedActions()}), counting inline policies and the managed and inline
 * policies of the same stack attached to it.
 */
public final class PersonaActions implements EcrRule {

    @Override
    public String suffix() {
        return "IAM1";
    }

    @Override
    public String info() {
        return "The role holds actions outside the persona table of its " + Persona.TAG_KEY + " tag.";
    }

    @Override
    public String explanation() {
        return "Personas (publisher, puller, promoter, ...) are the reviewed least-privilege sets; an extra action on a "
                + "persona role is privilege nobody reviewed. Fix: remove the action, or use the persona whose table holds it "
                + "(constructs.access.Persona).";
    }

    @Override
    public boolean appliesTo(CfnResource node) {
        return node instanceof CfnRole;
    }

    @Override
    public Outcome evaluate(CheckedResource role) {
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
        for (Object document : policyDocuments(role)) {
            for (String action : PolicyDocuments.allowedActions(PolicyDocuments.tree(document))) {
                if (!allowed.contains(action)) {
                    extra.add(action);
                }
            }
        }
        return Outcome.of(extra.stream().map(a -> "Action::" + a).toList());
    }

    /** Inline policies of the role, and policies of its stack that name the role (or that the role names). */
    private static List<Object> policyDocuments(CheckedResource role) {
        List<Object> documents = new ArrayList<>();
        for (Object inline : role.list("policies")) {
            if (inline instanceof Map<?, ?> policy && policy.get("policyDocument") != null) {
                documents.add(policy.get("policyDocument"));
            }
        }
        Object roleRef = role.ref();
        List<?> managedArns = role.list("managedPolicyArns");
        for (CheckedResource other : role.stack().resources()) {
            if (other.node() instanceof CfnManagedPolicy) {
                boolean attached = other.list("roles").contains(roleRef)
                        || !managedArns.isEmpty() && managedArns.contains(other.ref());
                if (attached) {
                    documents.add(other.property("policyDocument"));
                }
            } else if (other.node() instanceof CfnPolicy && other.list("roles").contains(roleRef)) {
                documents.add(other.property("policyDocument"));
            }
        }
        return documents;
    }
}
