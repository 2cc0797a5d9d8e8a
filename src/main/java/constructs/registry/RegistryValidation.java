package constructs.registry;

import constructs.internal.Tokens;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Shared checks for registry-level settings: formats ECR documents and the one way every
 * construct of this family reports problems (all of them, once).
 */
final class RegistryValidation {

    static final Pattern ACCOUNT = Pattern.compile("^[0-9]{12}$");
    static final Pattern REGION = Pattern.compile("^[a-z]{2}(-[a-z]+)+-[0-9]$");

    private RegistryValidation() {
    }

    static void throwIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
    }

    static void checkAccount(List<String> problems, String field, String value) {
        if (value == null) {
            problems.add(field + " is missing: a 12-digit AWS account id is required. Hint: e.g. \"222222222222\"");
        } else if (!Tokens.isUnresolved(value) && !ACCOUNT.matcher(value).matches()) {
            problems.add(field + " \"" + value + "\" is invalid: must be a 12-digit AWS account id. Hint: e.g. \"222222222222\"");
        }
    }

    static void checkRegion(List<String> problems, String field, String value) {
        if (value == null) {
            problems.add(field + " is missing: an AWS region is required. Hint: e.g. \"eu-central-1\"");
        } else if (!Tokens.isUnresolved(value) && !REGION.matcher(value).matches()) {
            problems.add(field + " \"" + value + "\" is invalid: must be an AWS region code. Hint: e.g. \"eu-central-1\"");
        }
    }
}
