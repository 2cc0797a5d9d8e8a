package publishing;

import java.util.regex.Pattern;

/**
 * Quotes a value for a POSIX shell command line, as Python's {@code shlex.quote} does: a value made only of characters
 * no shell treats specially is printed as it is; any other is wrapped in single quotes, with each single quote
 * written as {@code '"'"'}. Whatever a user passes on the command line reaches a printed command as one word.
 */
public final class ShellQuote {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9@%+=:,./_-]+");

    private ShellQuote() {
    }

    public static String quote(String value) {
        if (!value.isEmpty() && SAFE.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }
}
