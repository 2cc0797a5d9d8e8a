package constructs.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry's permissions policy, built from typed statements.
 *
 * @param statements at least one statement; sids unique
 */
public record RegistryPolicyProps(List<RegistryPolicyStatement> statements) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param statements at least one statement; sids unique
     */
    public RegistryPolicyProps {
        statements = statements == null ? List.of() : List.copyOf(statements);
    }

    /**
     * Props with these statements.
     *
     * @param statements the statements
     * @return the props
     */
    public static RegistryPolicyProps of(RegistryPolicyStatement... statements) {
        return new RegistryPolicyProps(List.of(statements));
    }

    /**
     * Every problem ECR would reject, each message starting with {@code path}.
     *
     * @param path where the policy is declared
     * @return the problems, empty when valid
     */
    public List<String> problems(String path) {
        List<String> problems = new ArrayList<>();
        if (statements.isEmpty()) {
            problems.add(path + "statements is empty: a registry policy needs at least one statement."
                    + " Hint: leave the registry policy out instead");
        }
        Map<String, Integer> sids = new HashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            RegistryPolicyStatement statement = statements.get(i);
            problems.addAll(statement.problems(path + "statements[" + i + "]."));
            Integer first = sids.putIfAbsent(statement.sid(), i);
            if (first != null) {
                problems.add(path + "statements[" + i + "].sid \"" + statement.sid() + "\" repeats statements[" + first
                        + "]: sids must be unique in a policy. Hint: merge the two statements or rename one");
            }
        }
        return problems;
    }
}
