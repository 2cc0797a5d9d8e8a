package compliance.rules;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.services.ecr.CfnRepository;
import software.amazon.awscdk.services.ecr.CfnRepositoryCreationTemplate;

/** Checkov CKV_AWS_32 done right: {@code ForAllValues:StringEquals} does not bind a {@code *} principal. */
public final class RepositoryPolicyPrincipals implements EcrRule {

    @Override
    public String suffix() {
        return "ECR5";
    }

    @Override
    public String info() {
        return "The ECR repository policy allows principal \"*\" without binding it to your organization.";
    }

    @Override
    public String explanation() {
        return "A \"*\" principal lets any AWS account pull (or push) images. Fix: name account roots with an aws:PrincipalArn "
                + "condition, or bind \"*\" with Condition {\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-...\"}}; "
                + "ForAllValues:StringEquals is true for requests without the key and does not bind.";
    }

    @Override
    public boolean appliesTo(CfnResource node) {
        return node instanceof CfnRepository || node instanceof CfnRepositoryCreationTemplate;
    }

    @Override
    public Outcome evaluate(CheckedResource resource) {
        Object policy = repositoryPolicy(resource);
        if (policy == null) {
            return Outcome.notApplicable();
        }
        JsonNode tree = PolicyDocuments.tree(policy);
        return Outcome.of(PolicyDocuments.openPrincipalProblems(tree).stream().map(p -> "Principal::" + p).toList());
    }

    /** The resolved repository policy of a repository or a creation template, or null. */
    static Object repositoryPolicy(CheckedResource resource) {
        return resource.property(resource.node() instanceof CfnRepository ? "repositoryPolicyText" : "repositoryPolicy");
    }
}
