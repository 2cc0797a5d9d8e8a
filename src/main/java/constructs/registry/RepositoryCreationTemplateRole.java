package constructs.registry;

import constructs.access.Persona;
import constructs.internal.Tokens;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The role ECR assumes for repository creation templates that set KMS encryption or resource
 * tags (trusted by {@code ecr.amazonaws.com}), with the actions of
 * {@link Persona#CREATION_TEMPLATE} in a customer-managed policy, scoped to the templates'
 * repository namespaces and keys.
 * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-creation-templates-create-iam.html
 */
public class RepositoryCreationTemplateRole extends Construct {

    private final Role role;
    private final ManagedPolicy policy;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public RepositoryCreationTemplateRole(Construct scope, String id, RepositoryCreationTemplateRoleProps props) {
        super(scope, id);
        List<String> problems = new ArrayList<>();
        if (props.repositoryPrefixes().isEmpty()) {
            problems.add("repositoryPrefixes is empty: the role must be scoped to the templates' prefixes."
                    + " Hint: pass every template prefix, e.g. \"shop/prod\"");
        }
        for (int i = 0; i < props.repositoryPrefixes().size(); i++) {
            String prefix = props.repositoryPrefixes().get(i);
            if (!Tokens.isUnresolved(prefix)
                    && (prefix == null || !RepositoryCreationTemplateProps.PREFIX.matcher(prefix).matches())) {
                problems.add("repositoryPrefixes[" + i + "] \"" + prefix + "\" is invalid: must be a repository namespace"
                        + " or ROOT. Hint: e.g. \"shop/prod\"");
            }
        }
        if (props.encryptionKeys().isEmpty()) {
            problems.add("encryptionKeys is empty: templates encrypt with the region's KMS key, which the role must use."
                    + " Hint: pass that key");
        }
        RegistryValidation.throwIfAny(problems);

        this.role = Role.Builder.create(this, "Resource")
                // Only for this account's registry (confused deputy).
                .assumedBy(new ServicePrincipal("ecr.amazonaws.com").withConditions(
                        Map.of("StringEquals", Map.of("aws:SourceAccount", Stack.of(scope).getAccount()))))
                .description("ecr-blueprint: assumed by Amazon ECR to apply repository creation templates")
                .build();
        Tags.of(role).add(Persona.TAG_KEY, Persona.CREATION_TEMPLATE.tagValue());

        Stack stack = Stack.of(this);
        List<String> repositories = props.repositoryPrefixes().stream()
                .map(p -> stack.formatArn(software.amazon.awscdk.ArnComponents.builder()
                        .service("ecr").resource("repository")
                        .resourceName("ROOT".equals(p) ? "*" : stripSlash(p) + "/*").build()))
                .toList();
        List<String> ecrActions = Persona.CREATION_TEMPLATE.actions().stream().filter(a -> a.startsWith("ecr:")).toList();
        List<String> kmsActions = Persona.CREATION_TEMPLATE.actions().stream().filter(a -> a.startsWith("kms:")).toList();
        this.policy = ManagedPolicy.Builder.create(this, "Policy")
                .description("ecr-blueprint: creates repositories from creation templates with KMS encryption and tags")
                .statements(List.of(
                        PolicyStatement.Builder.create().sid("CreateTemplatedRepositories")
                                .actions(ecrActions).resources(repositories).build(),
                        PolicyStatement.Builder.create().sid("EncryptTemplatedRepositories")
                                .actions(kmsActions)
                                .resources(props.encryptionKeys().stream().map(IKey::getKeyArn).toList()).build()))
                .roles(List.of(role))
                .build();
        NagSuppressions.addResourceSuppressions(policy, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("ECR creates repositories whose names are not known in advance: the role is limited to the "
                        + "namespaces of its creation templates (repository/<prefix>/*).")
                .appliesTo(List.of(RegexAppliesTo.builder().regex("/^Resource::arn:.*:repository\\/.*\\*$/g").build()))
                .build()), true);
    }

    private static String stripSlash(String prefix) {
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    /**
     * The role ECR assumes to create repositories from the template.
     *
     * @return the role
     */
    public IRole role() {
        return role;
    }

    /**
     * The role's customer-managed policy.
     *
     * @return the policy
     */
    public ManagedPolicy policy() {
        return policy;
    }
}
