package constructs.registry;

import constructs.internal.Tokens;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One Allow statement of a registry policy, for principals of another account.
 *
 * @param sid                 statement id, letters and digits, unique in the policy
 * @param principalAccount    the 12-digit account allowed; named as its root ({@code arn:...:iam::<acct>:root})
 * @param actions             a non-empty subset of {@link RegistryPolicyAction}
 * @param repositoryPrefixes  namespaces the statement applies to (e.g. {@code "shop/prod"}). Default:
 *                            every repository of the registry ({@code repository/*})
 * @param principalArnPatterns optional {@code aws:PrincipalArn} patterns ({@code ArnLike}) that narrow
 *                            the account to given roles which may not exist yet. Default: no condition,
 *                            as replication is performed by the source account's ECR service role
 */
public record RegistryPolicyStatement(String sid, String principalAccount, List<RegistryPolicyAction> actions,
                                      List<String> repositoryPrefixes, List<String> principalArnPatterns) {

    static final Pattern SID = Pattern.compile("^[A-Za-z0-9]+$");
    static final Pattern PREFIX = Pattern.compile("^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$");

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param sid statement id, letters and digits, unique in the policy
     * @param principalAccount the 12-digit account allowed; named as its root ({@code arn:...:iam::<acct>:root})
     * @param actions a non-empty subset of {@link RegistryPolicyAction}
     * @param repositoryPrefixes namespaces the statement applies to (e.g. {@code "shop/prod"}). Default: every repository of the registry ({@code repository/*})
     * @param principalArnPatterns optional {@code aws:PrincipalArn} patterns ({@code ArnLike}) that narrow the account to given roles which may not exist yet. Default: no condition, as replication is performed by the source account's ECR service role
     */
    public RegistryPolicyStatement {
        actions = actions == null ? List.of() : List.copyOf(actions);
        repositoryPrefixes = repositoryPrefixes == null ? List.of() : List.copyOf(repositoryPrefixes);
        principalArnPatterns = principalArnPatterns == null ? List.of() : List.copyOf(principalArnPatterns);
    }

    /**
     * Lets {@code sourceAccount} replicate into this registry; with {@code createRepository} ECR
     * also creates missing repositories (otherwise they must exist before the first replication).
     * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry-permissions-create-replication.html
     *
     * @param sourceAccount the account the images come from
     * @param createRepository whether replication may create missing repositories
     * @param repositoryPrefixes the repository prefixes the source may replicate into
     * @return the statement
     */
    public static RegistryPolicyStatement allowReplicationFrom(String sourceAccount, boolean createRepository,
                                                               String... repositoryPrefixes) {
        List<RegistryPolicyAction> actions = createRepository
                ? List.of(RegistryPolicyAction.CREATE_REPOSITORY, RegistryPolicyAction.REPLICATE_IMAGE)
                : List.of(RegistryPolicyAction.REPLICATE_IMAGE);
        return new RegistryPolicyStatement("ReplicationFrom" + sourceAccount, sourceAccount, actions,
                List.of(repositoryPrefixes), List.of());
    }

    List<String> problems(String path) {
        List<String> problems = new ArrayList<>();
        if (sid == null || !SID.matcher(sid).matches()) {
            problems.add(path + "sid \"" + sid + "\" is invalid: must be letters and digits only (IAM Sid)."
                    + " Hint: e.g. \"ReplicationFrom222222222222\"");
        }
        RegistryValidation.checkAccount(problems, path + "principalAccount", principalAccount);
        if (actions.isEmpty()) {
            problems.add(path + "actions is empty: a statement must allow at least one action."
                    + " Hint: e.g. REPLICATE_IMAGE");
        } else if (EnumSet.copyOf(actions).size() != actions.size()) {
            problems.add(path + "actions " + actions + " repeats an action. Hint: list each action once");
        }
        for (int i = 0; i < repositoryPrefixes.size(); i++) {
            String prefix = repositoryPrefixes.get(i);
            if (!Tokens.isUnresolved(prefix) && (prefix == null || !PREFIX.matcher(prefix).matches())) {
                problems.add(path + "repositoryPrefixes[" + i + "] \"" + prefix + "\" is invalid: must be a repository"
                        + " namespace (lowercase letters, digits, . _ - separated by /, no trailing /). Hint: e.g. \"shop/prod\"");
            }
        }
        for (int i = 0; i < principalArnPatterns.size(); i++) {
            String arn = principalArnPatterns.get(i);
            if (Tokens.isUnresolved(arn)) {
                continue;
            }
            if (arn == null || !arn.matches("^arn:aws[a-z-]*:iam::[0-9]{12}:.+$")
                    || (principalAccount != null && !arn.contains(":iam::" + principalAccount + ":"))) {
                problems.add(path + "principalArnPatterns[" + i + "] \"" + arn + "\" is invalid: must be an IAM ARN"
                        + " pattern in account " + principalAccount + ". Hint: e.g. \"arn:aws:iam::" + principalAccount
                        + ":role/ci-*\"");
            }
        }
        return problems;
    }
}
