package compliance.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/** Repository policies (of repositories and creation templates) do not open the repository to every account. */
public final class RepositoryPolicyPrincipals implements EcrRule {

    public static final String ID = "EcrBlueprint-NoOpenRepositoryPolicy";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String legacyId() {
        return "EcrBlueprint-ECR5";
    }

    @Override
    public String info() {
        return "The ECR repository policy allows principal \"*\" without binding it to your organization.";
    }

    @Override
    public String explanation() {
        return "A \"*\" principal lets any AWS account pull (or push) images; ForAllValues:StringEquals is true for requests "
                + "without the key and does not bind.";
    }

    @Override
    public String fix() {
        return "Name account roots with an aws:PrincipalArn condition, or bind \"*\" with Condition "
                + "{\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-...\"}}.";
    }

    @Override
    public String source() {
        return "Checkov CKV_AWS_32 (done right: ForAllValues:StringEquals does not bind a \"*\" principal)";
    }

    @Override
    public Set<String> resourceTypes() {
        return Set.of(ResourceTypes.REPOSITORY, ResourceTypes.CREATION_TEMPLATE);
    }

    @Override
    public Outcome evaluate(TemplateResource resource) {
        JsonNode policy = repositoryPolicy(resource);
        if (policy.isMissingNode()) {
            return Outcome.notApplicable();
        }
        return Outcome.of(PolicyDocuments.openPrincipalProblems(policy).stream().map(p -> "Principal::" + p).toList());
    }

    /** The repository policy of a repository or a creation template; a missing node when none. */
    static JsonNode repositoryPolicy(TemplateResource resource) {
        return resource.policy(ResourceTypes.REPOSITORY.equals(resource.type()) ? "RepositoryPolicyText" : "RepositoryPolicy");
    }
}
