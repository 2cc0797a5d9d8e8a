package constructs.repository;

import software.amazon.awscdk.services.iam.AddToPrincipalPolicyResult;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.PrincipalBase;
import software.amazon.awscdk.services.iam.PrincipalPolicyFragment;

/**
 * A role (or user) as seen by aws-cdk-lib's {@code Grant}, whose identity statements go to its
 * {@link RepositoryPrincipalPolicy} (customer-managed) instead of its inline default policy. Everything
 * else (its principal in a policy, its account) is the role's or user's.
 */
final class ManagedPolicyPrincipal extends PrincipalBase {

    private final IPrincipal identity;
    private final String arn;
    private final RepositoryPrincipalPolicy policy;

    ManagedPolicyPrincipal(IPrincipal identity, String arn, RepositoryPrincipalPolicy policy) {
        this.identity = identity;
        this.arn = arn;
        this.policy = policy;
    }

    @Override
    public AddToPrincipalPolicyResult addToPrincipalPolicy(PolicyStatement statement) {
        policy.addRepositories(statement.getResources());
        return AddToPrincipalPolicyResult.builder().statementAdded(true).policyDependable(policy.managedPolicy()).build();
    }

    @Override
    public PrincipalPolicyFragment getPolicyFragment() {
        return identity.getPolicyFragment();
    }

    @Override
    public String getPrincipalAccount() {
        return identity.getPrincipalAccount();
    }

    @Override
    public String dedupeString() {
        return "ManagedPolicyPrincipal:" + arn;
    }
}
