package constructs.internal;

import java.util.regex.Pattern;

/**
 * {@code Token.isUnresolved} for strings, answered in Java. Every {@code Token} call is a synchronous round trip
 * to the jsii Node process, and validation asks it several times per repository; the answer only depends on
 * the characters of the string, so we compute it here.
 *
 * <p>Mirrors aws-cdk-lib 2.263.0, {@code core/lib/private/encoding.js} {@code unresolved(obj)} for a string:
 * {@code obj.includes("Token[") && STRING_TOKEN_REGEX.test(obj)}, where the regex matches a string token
 * {@code ${Token[<key>]}} or a stringified number token. Revisit on a major aws-cdk-lib upgrade.
 */
public final class Tokens {

    /** {@code BEGIN_STRING_TOKEN_MARKER}, {@code VALID_KEY_CHARS}, {@code END_TOKEN_MARKER}, {@code STRINGIFIED_NUMBER_PATTERN}. */
    private static final Pattern STRING_TOKEN = Pattern.compile(
            "\\$\\{Token\\[[a-zA-Z0-9:._-]+\\]\\}|-1\\.\\d{10,16}e\\+289");

    private Tokens() {
    }

    /** Whether {@code value} holds a token, as {@code Token.isUnresolved(value)} answers; false for null. */
    public static boolean isUnresolved(String value) {
        return value != null && value.contains("Token[") && STRING_TOKEN.matcher(value).find();
    }
}
