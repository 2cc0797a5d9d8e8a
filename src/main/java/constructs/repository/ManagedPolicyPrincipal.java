package constructs.repository;

import software.amazon.awscdk.services.iam.AddToPrincipalPolicyResult;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.PrincipalBase;
import software.amazon.awscdk.services.iam.PrincipalPolicyFragment;

/**
 * A role as seen by aws-cdk-lib's {@code Grant}, whose identity statements go to the role's
 * {@link RepositoryPrincipalPolicy} (customer-managed) instead of the role's inline default policy. Everything
 * else (its principal in a policy, its account) is the role's.
 */
final class ManagedPolicyPrincipal extends PrincipalBase {

    private final IRole role;
    private final RepositoryPrincipalPolicy policy;

    ManagedPolicyPrincipal(IRole role, RepositoryPrincipalPolicy policy) {
        this.role = role;
        this.policy = policy;
    }

    @Override
    public AddToPrincipalPolicyResult addToPrincipalPolicy(PolicyStatement statement) {
        policy.addRepositories(statement.getResources());
        return AddToPrincipalPolicyResult.builder().statementAdded(true).policyDependable(policy.managedPolicy()).build();
    }

    @Override
    public PrincipalPolicyFragment getPolicyFragment() {
        return role.getPolicyFragment();
    }

    @Override
    public String getPrincipalAccount() {
        return role.getPrincipalAccount();
    }

    @Override
    public String dedupeString() {
        return "ManagedPolicyPrincipal:" + role.getRoleArn();
    }
}
