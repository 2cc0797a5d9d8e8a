package constructs.access;

import constructs.internal.StackValues;

import software.amazon.awscdk.services.iam.CfnManagedPolicy;
import software.amazon.awscdk.services.iam.CfnRole;
import software.amazon.awscdk.services.iam.FromRoleArnOptions;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * What every persona role construct offers: one IAM role ({@code Resource}) tagged with its persona,
 * with exactly one customer-managed policy ({@code Policy}) and no inline policy. Subclasses decide the
 * trust and the grants and build both through {@link PersonaRoleSupport#build}.
 */
public abstract class PersonaRole extends Construct {

    private PersonaRoleSupport.Built built;
    private final StackValues stackValues;
    private IRole importedRole;

    /**
     * A role of one persona; the subclass adds the trust and the policy.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     */
    protected PersonaRole(Construct scope, String id) {
        super(scope, id);
        this.stackValues = StackValues.of(scope);
    }

    /** The values of this role's stack, read once per stack where the stack keeps them. */
    StackValues stackValues() {
        return stackValues;
    }

    /** Called once by the subclass constructor with what {@link PersonaRoleSupport#build} returned. */
    final void built(PersonaRoleSupport.Built value) {
        this.built = value;
    }

    /**
     * The role, for services that take an {@link IRole}; immutable, so nothing can add inline policies to it.
     *
     * @return the role, for services that take an {@link IRole}
     */
    public IRole getRole() {
        // Imported on first use (child "Role"): most roles are never passed to a service, and the import
        // costs three jsii round trips per role. It holds no resource, so the template is the same.
        if (importedRole == null) {
            importedRole = Role.fromRoleArn(this, "Role", getRoleArn(), FromRoleArnOptions.builder().mutable(false).build());
        }
        return importedRole;
    }

    /**
     * The role's ARN.
     *
     * @return the role ARN
     */
    public String getRoleArn() {
        return built.role().getAttrArn();
    }

    /**
     * The role's name.
     *
     * @return the role name
     */
    public String getRoleName() {
        return built.role().getRoleName();
    }

    /**
     * The underlying CloudFormation role.
     *
     * @return the {@code AWS::IAM::Role}
     */
    public CfnRole getResource() {
        return built.role();
    }

    /**
     * The customer-managed policy that holds the persona's actions.
     *
     * @return the {@code AWS::IAM::ManagedPolicy}
     */
    public CfnManagedPolicy getPolicy() {
        return built.policy();
    }
}
