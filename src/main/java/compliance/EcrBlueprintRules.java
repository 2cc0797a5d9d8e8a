package compliance;

import compliance.rules.CustomerManagedEncryption;
import compliance.rules.EcrRule;
import compliance.rules.EndpointPolicy;
import compliance.rules.AccountRootTrust;
import compliance.rules.GitHubOidcSubject;
import compliance.rules.ImmutableTags;
import compliance.rules.KeyGrantRestriction;
import compliance.rules.KeyRotation;
import compliance.rules.LifecyclePolicyPresent;
import compliance.rules.LifecyclePolicyValidator;
import compliance.rules.NoWildcardActions;
import compliance.rules.PersonaActions;
import compliance.rules.ProductionRepositoryRetained;
import compliance.rules.RepositoryPolicyPrincipals;
import compliance.rules.RepositoryPolicySize;
import compliance.rules.ScanOnPush;
import compliance.rules.TopicCustomerManagedKey;

import java.util.List;

/** The rules of the {@value EcrBlueprintChecks#PACK_NAME} pack, in report order. */
public final class EcrBlueprintRules {

    private EcrBlueprintRules() {
    }

    /** Every rule, lifecycle policies checked by {@link LifecyclePolicyValidator#full()}. */
    public static List<EcrRule> all() {
        return all(LifecyclePolicyValidator.full());
    }

    /** Every rule, lifecycle policies checked by {@code lifecycleValidator}. */
    public static List<EcrRule> all(LifecyclePolicyValidator lifecycleValidator) {
        return List.of(
                new ScanOnPush(),
                new ImmutableTags(),
                new LifecyclePolicyPresent(lifecycleValidator),
                new CustomerManagedEncryption(),
                new RepositoryPolicyPrincipals(),
                new RepositoryPolicySize(),
                new ProductionRepositoryRetained(),
                new KeyRotation(),
                new KeyGrantRestriction(),
                new PersonaActions(),
                new GitHubOidcSubject(),
                new AccountRootTrust(),
                new NoWildcardActions(),
                new EndpointPolicy(),
                new TopicCustomerManagedKey());
    }
}
