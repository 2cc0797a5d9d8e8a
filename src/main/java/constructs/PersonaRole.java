package constructs;

import software.amazon.awscdk.services.iam.CfnManagedPolicy;
import software.amazon.awscdk.services.iam.CfnRole;
import software.amazon.awscdk.services.iam.IRole;
import software.constructs.Construct;

/**
 * What every persona role construct offers: one IAM role ({@code Resource}) tagged with its persona,
 * with exactly one customer-managed policy ({@code Policy}) and no inline policy. Subclasses decide the
 * trust and the grants and build both through {@link PersonaRoleSupport#build}.
 */
public abstract class PersonaRole extends Construct {

    private PersonaRoleSupport.Built built;

    protected PersonaRole(Construct scope, String id) {
        super(scope, id);
    }

    /** Called once by the subclass constructor with what {@link PersonaRoleSupport#build} returned. */
    final void built(PersonaRoleSupport.Built value) {
        this.built = value;
    }

    /** The role, for services that take an {@link IRole}; immutable, so nothing can add inline policies to it. */
    public IRole getRole() {
        return built.importedRole();
    }

    public String getRoleArn() {
        return built.role().getAttrArn();
    }

    public String getRoleName() {
        return built.role().getRoleName();
    }

    public CfnRole getResource() {
        return built.role();
    }

    public CfnManagedPolicy getPolicy() {
        return built.policy();
    }
}
