package compliance.rules;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.services.ecr.CfnRegistryPolicy;
import software.amazon.awscdk.services.ecr.CfnRepository;
import software.amazon.awscdk.services.ecr.CfnRepositoryCreationTemplate;
import software.amazon.awscdk.services.iam.CfnManagedPolicy;
import software.amazon.awscdk.services.iam.CfnPolicy;
import software.amazon.awscdk.services.iam.CfnRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * No Allow statement grants a wildcard action ({@code *}, {@code ecr:*}, {@code ecr:Get*}) or uses
 * NotAction, in IAM policies and repository, registry and creation-template policies: everything
 * that grants. Out of scope: key policies (the AWS default key policy gives the account root
 * {@code kms:*} so the key can never become unmanageable) and VPC endpoint policies, which never
 * grant but only filter what identity policies already allow; the AWS guides bound them by
 * principal ({@code aws:PrincipalAccount} / {@code aws:PrincipalOrgID}), and listing actions there
 * would silently break ECR APIs added later. EcrBlueprint-VPC1 checks that every endpoint has one.
 */
public final class NoWildcardActions implements EcrRule {

    @Override
    public String suffix() {
        return "IAM3";
    }

    @Override
    public String info() {
        return "A policy allows a wildcard action (such as * or ecr:*) or uses NotAction.";
    }

    @Override
    public String explanation() {
        return "Wildcards grant every action the service has or will add, including deletes and policy changes. Fix: list "
                + "the exact actions (the persona tables in constructs.access.Persona list them for ECR).";
    }

    @Override
    public boolean appliesTo(CfnResource node) {
        return node instanceof CfnManagedPolicy || node instanceof CfnPolicy || node instanceof CfnRole
                || node instanceof CfnRepository || node instanceof CfnRegistryPolicy
                || node instanceof CfnRepositoryCreationTemplate;
    }

    @Override
    public Outcome evaluate(CheckedResource resource) {
        List<Object> documents = documents(resource);
        if (documents.isEmpty()) {
            return Outcome.notApplicable();
        }
        List<String> findings = new ArrayList<>();
        for (Object document : documents) {
            for (JsonNode statement : PolicyDocuments.statements(PolicyDocuments.tree(document))) {
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

    private static List<Object> documents(CheckedResource resource) {
        List<Object> documents = new ArrayList<>();
        CfnResource node = resource.node();
        if (node instanceof CfnManagedPolicy || node instanceof CfnPolicy) {
            add(documents, resource.property("policyDocument"));
        } else if (node instanceof CfnRole) {
            for (Object inline : resource.list("policies")) {
                if (inline instanceof Map<?, ?> policy) {
                    add(documents, policy.get("policyDocument"));
                }
            }
        } else if (node instanceof CfnRepository) {
            add(documents, resource.property("repositoryPolicyText"));
        } else if (node instanceof CfnRegistryPolicy) {
            add(documents, resource.property("policyText"));
        } else if (node instanceof CfnRepositoryCreationTemplate) {
            add(documents, resource.property("repositoryPolicy"));
        }
        return documents;
    }

    private static void add(List<Object> documents, Object document) {
        if (document != null) {
            documents.add(document);
        }
    }
}
