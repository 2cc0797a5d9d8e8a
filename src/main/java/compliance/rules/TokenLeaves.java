package compliance.rules;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Resolves only the parts of L1 property values that hold tokens, in one call to the stack.
 *
 * <p>Why: {@code Stack.resolve} of a whole property bag sends every value to Node and back, and most
 * values are plain strings, numbers and maps that come back unchanged. jsii hands Java a property bag
 * with a proxy object wherever the value is a token (a {@code Ref}, a {@code Fn::GetAtt}), a string
 * token as {@code ${Token[...]}} text, a list token as {@code #{Token[...]}} inside a list and a number
 * token as a huge negative number. Those leaves (a whole list when it holds a list token) are resolved
 * together; the rest is copied as it is. A conservative test: a plain string that merely contains
 * {@code Token[} is resolved too, and comes back unchanged. Like {@code resolve}, a value that resolves to
 * nothing is left out of its map or list.
 */
final class TokenLeaves {

    /** cdk-nag and CloudFormation intrinsics never need these; number tokens are about -1.9e+289. */
    private static final double NUMBER_TOKEN_MAGNITUDE = 1e288;

    private static final String LEAF = "leaf";

    private TokenLeaves() {
    }

    /**
     * {@code values} with every token resolved by {@code resolve}, which is called once, with a list of
     * one-entry maps {@code {"leaf": token}}, and must return them resolved in the same order.
     */
    static List<Object> resolve(List<?> values, UnaryOperator<List<Object>> resolve) {
        List<Object> leaves = new ArrayList<>();
        for (Object value : values) {
            collect(value, leaves);
        }
        if (leaves.isEmpty()) {
            return new ArrayList<>(values);
        }
        // Each leaf goes in a one-entry map: resolve drops what resolves to nothing from a list, which would
        // shift every later leaf; from a map it only drops the entry.
        List<Object> wrapped = new ArrayList<>(leaves.size());
        for (Object leaf : leaves) {
            wrapped.add(Map.of(LEAF, leaf));
        }
        List<Object> answers = resolve.apply(wrapped);
        if (answers.size() != leaves.size()) {
            throw new IllegalStateException("resolved " + answers.size() + " token values for " + leaves.size());
        }
        Iterator<Object> resolved = answers.stream().map(answer -> answer instanceof Map<?, ?> m ? (Object) m.get(LEAF) : null).iterator();
        List<Object> result = new ArrayList<>(values.size());
        for (Object value : values) {
            result.add(rebuild(value, resolved));
        }
        return result;
    }

    private static boolean isLeaf(Object value) {
        if (value == null || value instanceof Boolean) {
            return false;
        }
        if (value instanceof String text) {
            return text.contains("Token[");
        }
        if (value instanceof Number number) {
            return Math.abs(number.doubleValue()) >= NUMBER_TOKEN_MAGNITUDE;
        }
        if (value instanceof List<?> list) {
            // A list token is a one-element list "#{Token[...]}": only the whole list resolves it.
            return list.stream().anyMatch(item -> item instanceof String text && text.contains("#{Token["));
        }
        // Maps are walked; anything else is a jsii proxy of a JavaScript object: a token.
        return !(value instanceof Map<?, ?>);
    }

    private static void collect(Object value, List<Object> leaves) {
        if (isLeaf(value)) {
            leaves.add(value);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> collect(item, leaves));
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collect(item, leaves));
        }
    }

    private static Object rebuild(Object value, Iterator<?> resolved) {
        if (isLeaf(value)) {
            return resolved.next();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> {
                Object rebuilt = rebuild(item, resolved);
                if (rebuilt != null) {
                    copy.put(String.valueOf(key), rebuilt);
                }
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                Object rebuilt = rebuild(item, resolved);
                if (rebuilt != null) {
                    copy.add(rebuilt);
                }
            }
            return copy;
        }
        return value;
    }
}
