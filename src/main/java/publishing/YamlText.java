package publishing;

import java.util.regex.Pattern;

/**
 * A small, deterministic YAML text writer: the generated files keep comments, key order and literal shell blocks,
 * which a data serializer would drop or reflow.
 */
final class YamlText {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9$_./(][A-Za-z0-9 $_./@{}()!=&|'<>,+-]*");

    private final StringBuilder text = new StringBuilder();

    YamlText comment(String line) {
        text.append(line.isEmpty() ? "#" : "# " + line).append('\n');
        return this;
    }

    /** A comment line aligned with keys at {@code indent}. */
    YamlText comment(int indent, String line) {
        text.append("  ".repeat(indent)).append("# ").append(line).append('\n');
        return this;
    }

    YamlText blank() {
        text.append('\n');
        return this;
    }

    /** {@code key:} opening a mapping or sequence at {@code indent} levels of two spaces. */
    YamlText key(int indent, String key) {
        text.append("  ".repeat(indent)).append(key).append(":\n");
        return this;
    }

    YamlText entry(int indent, String key, String value) {
        text.append("  ".repeat(indent)).append(key).append(": ").append(scalar(value)).append('\n');
        return this;
    }

    /** {@code key: value} with the value written as is (booleans, numbers). */
    YamlText raw(int indent, String key, String value) {
        text.append("  ".repeat(indent)).append(key).append(": ").append(value).append('\n');
        return this;
    }

    /** A sequence item {@code - value}. */
    YamlText item(int indent, String value) {
        text.append("  ".repeat(indent)).append("- ").append(scalar(value)).append('\n');
        return this;
    }

    /** A sequence item that opens a mapping: {@code - key: value}; later keys of the item go at {@code indent + 1}. */
    YamlText itemEntry(int indent, String key, String value) {
        text.append("  ".repeat(indent)).append("- ").append(key).append(": ").append(scalar(value)).append('\n');
        return this;
    }

    /** {@code key: |} followed by the lines of {@code block}, kept literally. */
    YamlText block(int indent, String key, String block) {
        text.append("  ".repeat(indent)).append(key).append(": |\n");
        appendBlock(indent + 1, block);
        return this;
    }

    /** A sequence item holding a literal block: {@code - |}. */
    YamlText itemBlock(int indent, String block) {
        text.append("  ".repeat(indent)).append("- |\n");
        appendBlock(indent + 1, block);
        return this;
    }

    private void appendBlock(int indent, String block) {
        for (String line : block.stripTrailing().split("\n", -1)) {
            text.append(line.isEmpty() ? "" : "  ".repeat(indent) + line).append('\n');
        }
    }

    /** Plain where YAML reads it back unchanged as a string, single-quoted otherwise. */
    static String scalar(String value) {
        boolean plain = PLAIN.matcher(value).matches() && !value.endsWith(" ") && !value.contains(": ")
                && !value.contains(" #") && !value.matches("(?i)true|false|yes|no|on|off|null|y|n")
                && !value.matches("[0-9.]+");
        return plain ? value : "'" + value.replace("'", "''") + "'";
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
