package constructs.repository;

import constructs.access.Persona;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.IUser;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;
import software.constructs.IConstruct;

import java.util.List;

/**
 * The customer-managed policy through which {@link PrivateRepository#grantPull},
 * {@link PrivateRepository#grantPush} and {@link PrivateRepository#grantPullPush} give a role (or an IAM user)
 * access: one policy per role and persona, created as a child of the role on the first grant, listing every
 * repository granted since. A managed policy rather than the role's inline default policy, because the NIST 800-53,
 * HIPAA and PCI DSS packs reject inline policies; one per role rather than one per repository, because a role holds
 * at most 10 managed policies by default (a user 10 as well).
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
    private IGrantable grantee;

    /** {@code identity} is an {@link IRole} or an {@link IUser}. */
    private RepositoryPrincipalPolicy(Construct scope, String id, IPrincipal identity, Persona persona) {
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
        var builder = ManagedPolicy.Builder.create(this, "Resource")
                .statements(List.of(repositories, token));
        if (identity instanceof IRole role) {
            builder.description("ecr-blueprint " + persona.tagValue() + ": Amazon ECR access granted to this role")
                    .roles(List.of(role));
        } else {
            builder.description("ecr-blueprint " + persona.tagValue() + ": Amazon ECR access granted to this user")
                    .users(List.of((IUser) identity));
        }
        this.policy = builder.build();
        NagSuppressions.addResourceSuppressions(policy, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("ecr:GetAuthorizationToken has no resource-level permissions, so it can only be granted on *; "
                        + "every repository action is scoped to repository ARNs.")
                .appliesTo(List.of("Resource::*"))
                .build()), true);
    }

    /**
     * The policy of {@code identity} (an {@link IRole} or an {@link IUser}) for {@code persona}, created on first
     * use: as a child of the role or user, or, for one known only through an interface (an imported role), as a
     * child of {@code fallbackScope}'s stack with the identity's construct address in its id.
     */
    static RepositoryPrincipalPolicy of(IPrincipal identity, Persona persona, IConstruct fallbackScope) {
        if (!(identity instanceof IRole) && !(identity instanceof IUser)) {
            // PrivateRepository calls this for roles and users only.
            throw new IllegalStateException("a repository principal policy is for a role or a user, not "
                    + identity.getClass().getName());
        }
        IConstruct node = (IConstruct) identity;
        String id = "Ecr" + Character.toUpperCase(persona.tagValue().charAt(0)) + persona.tagValue().substring(1)
                + "Policy";
        Construct scope;
        if (identity instanceof Construct construct) {
            scope = construct;
        } else {
            scope = Stack.of(fallbackScope);
            id = id + node.getNode().getAddr();
        }
        IConstruct existing = scope.getNode().tryFindChild(id);
        if (existing == null) {
            return new RepositoryPrincipalPolicy(scope, id, identity, persona);
        }
        if (existing instanceof RepositoryPrincipalPolicy policy) {
            return policy;
        }
        throw new IllegalStateException(node.getNode().getPath() + " already has a child \"" + id
                + "\" that is not a RepositoryPrincipalPolicy: rename that child");
    }

    /**
     * The principal through which aws-cdk-lib's {@code Grant} adds to this policy: a statement granted to it
     * lands in the one repository statement (its repositories are appended), and what depends on the grant
     * depends on the managed policy.
     *
     * @param identity the role or user this policy is attached to
     */
    IGrantable grantee(IPrincipal identity) {
        if (grantee == null) {
            grantee = new ManagedPolicyPrincipal(identity,
                    identity instanceof IRole role ? role.getRoleArn() : ((IUser) identity).getUserArn(), this);
        }
        return grantee;
    }

    /** Adds the statement's repositories; its actions are the persona's, which this policy already holds. */
    void addRepositories(List<String> repositoryArns) {
        repositories.addResources(repositoryArns.toArray(String[]::new));
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
