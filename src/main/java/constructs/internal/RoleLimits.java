package constructs.internal;


import java.util.List;
import java.util.regex.Pattern;

/**
 * The IAM limits we check at synth time rather than learn about from a failed deployment.
 * Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */
public final class RoleLimits {

    /** A customer-managed policy, whitespace excluded. */
    public static final int MANAGED_POLICY_CHARACTERS = 6_144;

    /** A role trust policy at the default quota (raisable to 4,096 through Service Quotas). */
    public static final int TRUST_POLICY_CHARACTERS = 2_048;

    /** A role name. */
    public static final int ROLE_NAME_CHARACTERS = 64;

    /** One hour: the longest session a CI job or a service needs from these roles. */
    public static final int MAX_SESSION_SECONDS = 3_600;

    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]+");

    private RoleLimits() {
    }

    /**
     * Adds a problem when {@code roleName} is missing, too long or uses a character IAM rejects.
     * Explicit names are required: other accounts' repository policies refer to these roles by
     * {@code aws:PrincipalArn}, so the name must be known before the role exists.
     */
    public static void checkRoleName(String roleName, List<String> problems) {
        if (roleName == null || roleName.isBlank()) {
            problems.add("roleName is required: other accounts' repository policies name the role through "
                    + "aws:PrincipalArn, so its name must be deterministic. Hint: use the construct's "
                    + "defaultRoleName(...), e.g. \"shop-dev-api-publisher\"");
            return;
        }
        if (Tokens.isUnresolved(roleName)) {
            return;
        }
        if (roleName.length() > ROLE_NAME_CHARACTERS) {
            problems.add("roleName \"" + roleName + "\" is " + roleName.length() + " characters: IAM allows at most "
                    + ROLE_NAME_CHARACTERS + ". Hint: shorten the platform, environment or service name");
        }
        if (!ROLE_NAME.matcher(roleName).matches()) {
            problems.add("roleName \"" + roleName + "\" is invalid: IAM role names may only contain letters, digits "
                    + "and + = , . @ _ -. Hint: use \"<platform>-<env>-<service>-<persona>\"");
        }
    }

    /** Throws one IllegalArgumentException listing every problem, if there is any. */
    public static void throwIfAny(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(what + ": " + String.join("; ", problems));
        }
    }
}
