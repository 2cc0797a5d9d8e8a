package compliance.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * No Allow statement grants a wildcard action ({@code *}, {@code ecr:*}, {@code ecr:Get*}) or uses
 * NotAction, in IAM policies and repository, registry and creation-template policies: everything
 * that grants. Out of scope: key policies (the AWS default key policy gives the account root
 * {@code kms:*} so the key can never become unmanageable) and VPC endpoint policies, which never
 * grant but only filter what identity policies already allow; the AWS guides bound them by
 * principal ({@code aws:PrincipalAccount} / {@code aws:PrincipalOrgID}), and listing actions there
 * would silently break ECR APIs added later. EcrBlueprint-EndpointPolicy checks that every endpoint has one.
 */
public final class NoWildcardActions implements EcrRule {

    public static final String ID = "EcrBlueprint-NoWildcardActions";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String legacyId() {
        return "EcrBlueprint-IAM3";
    }

    @Override
    public String info() {
        return "A policy allows a wildcard action (such as * or ecr:*) or uses NotAction.";
    }

    @Override
    public String explanation() {
        return "Wildcards grant every action the service has or will add, including deletes and policy changes.";
    }

    @Override
    public String fix() {
        return "List "
                + "the exact actions (the persona tables in constructs.access.Persona list them for ECR).";
    }

    @Override
    public String source() {
        return "Security Hub IAM.21 (no wildcard actions), IAM least-privilege best practice";
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.MANAGED_POLICY, ResourceTypes.POLICY, ResourceTypes.ROLE, ResourceTypes.REPOSITORY, ResourceTypes.REGISTRY_POLICY, ResourceTypes.CREATION_TEMPLATE);
    }

    @Override
    public Outcome evaluate(TemplateResource resource) {
        List<JsonNode> documents = documents(resource);
        if (documents.isEmpty()) {
            return Outcome.notApplicable();
        }
        List<String> findings = new ArrayList<>();
        for (JsonNode document : documents) {
            for (JsonNode statement : PolicyDocuments.statements(document)) {
                if (!PolicyDocuments.isAllow(statement)) {
                    continue;
                }
                if (statement.has("NotAction")) {
                    findings.add("NotAction::Allow");
                }
                for (String action : PolicyDocuments.strings(statement.path("Action"))) {
                    if (action.contains("*") || action.contains("?")) {
                        findings.add("Action::" + action);
                    }
                }
            }
        }
        return Outcome.of(findings.stream().distinct().toList());
    }

    private static List<JsonNode> documents(TemplateResource resource) {
        List<JsonNode> documents = new ArrayList<>();
        switch (resource.type()) {
            case ResourceTypes.MANAGED_POLICY, ResourceTypes.POLICY -> add(documents, resource.policy("PolicyDocument"));
            case ResourceTypes.ROLE -> {
                for (JsonNode inline : resource.property("Policies")) {
                    add(documents, PolicyDocuments.tree(inline.path("PolicyDocument")));
                }
            }
            case ResourceTypes.REPOSITORY -> add(documents, resource.policy("RepositoryPolicyText"));
            case ResourceTypes.REGISTRY_POLICY -> add(documents, resource.policy("PolicyText"));
            case ResourceTypes.CREATION_TEMPLATE -> add(documents, resource.policy("RepositoryPolicy"));
            default -> {
            }
        }
        return documents;
    }

    private static void add(List<JsonNode> documents, JsonNode document) {
        if (!document.isMissingNode() && !document.isNull()) {
            documents.add(document);
        }
    }
}
