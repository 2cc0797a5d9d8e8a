package constructs.repository;

import constructs.access.Persona;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;
import software.constructs.IConstruct;

import java.util.List;

/**
 * The customer-managed policy through which {@link PrivateRepository#grantPull} and
 * {@link PrivateRepository#grantPush} give a role access: one policy per role and persona, created as a
 * child of the role on the first grant, listing every repository granted since. A managed policy rather than
 * the role's inline default policy, because the NIST 800-53, HIPAA and PCI DSS packs reject inline policies;
 * one per role rather than one per repository, because a role holds at most 10 managed policies by default.
 *
 * <p>Two statements: the persona's actions on the granted repositories' ARNs, and
 * {@value Persona#AUTHORIZATION_TOKEN_ACTION} on {@code *} (it is account-wide and has no resource), with a
 * granular AwsSolutions-IAM5 suppression for exactly that {@code *}.
 */
public class RepositoryPrincipalPolicy extends Construct {

    /** Statement id of the repository actions. */
    public static final String SID_REPOSITORIES = "RepositoryActions";
    /** Statement id of {@code ecr:GetAuthorizationToken}. */
    public static final String SID_AUTHORIZATION_TOKEN = "GetAuthorizationToken";

    private final ManagedPolicy policy;
    private final PolicyStatement repositories;

    private RepositoryPrincipalPolicy(Construct scope, String id, IRole role, Persona persona) {
        super(scope, id);
        this.repositories = PolicyStatement.Builder.create()
                .sid(SID_REPOSITORIES)
                .effect(Effect.ALLOW)
                .actions(persona.actions())
                .build();
        PolicyStatement token = PolicyStatement.Builder.create()
                .sid(SID_AUTHORIZATION_TOKEN)
                .effect(Effect.ALLOW)
                .actions(List.of(Persona.AUTHORIZATION_TOKEN_ACTION))
                .resources(List.of("*"))
                .build();
        this.policy = ManagedPolicy.Builder.create(this, "Resource")
                .description("ecr-blueprint " + persona.tagValue() + ": Amazon ECR access granted to this role")
                .statements(List.of(repositories, token))
                .roles(List.of(role))
                .build();
        NagSuppressions.addResourceSuppressions(policy, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("ecr:GetAuthorizationToken has no resource-level permissions, so it can only be granted on *; "
                        + "every repository action is scoped to repository ARNs.")
                .appliesTo(List.of("Resource::*"))
                .build()), true);
    }

    /**
     * The policy of {@code role} for {@code persona}, created on first use: as a child of the role, or, for a
     * role known only through an interface (an imported role), as a child of {@code fallbackScope}'s stack with
     * the role's construct address in its id.
     */
    static RepositoryPrincipalPolicy of(IRole role, Persona persona, IConstruct fallbackScope) {
        String id = "Ecr" + Character.toUpperCase(persona.tagValue().charAt(0)) + persona.tagValue().substring(1)
                + "Policy";
        Construct scope;
        if (role instanceof Construct roleConstruct) {
            scope = roleConstruct;
        } else {
            scope = Stack.of(fallbackScope);
            id = id + role.getNode().getAddr();
        }
        IConstruct existing = scope.getNode().tryFindChild(id);
        if (existing == null) {
            return new RepositoryPrincipalPolicy(scope, id, role, persona);
        }
        if (existing instanceof RepositoryPrincipalPolicy policy) {
            return policy;
        }
        throw new IllegalStateException("role " + role.getNode().getPath() + " already has a child \"" + id
                + "\" that is not a RepositoryPrincipalPolicy: rename that child");
    }

    void addRepository(String repositoryArn) {
        repositories.addResources(repositoryArn);
    }

    /**
     * The customer-managed policy attached to the role.
     *
     * @return the customer-managed policy attached to the role
     */
    public ManagedPolicy managedPolicy() {
        return policy;
    }
}
