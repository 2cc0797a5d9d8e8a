package platform;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the parsed tree into the model records, key by key as their {@link Field}s declare them, reporting the shape
 * problems: unknown keys (with a "did you mean"), missing required keys, wrong types and value formats. A value that
 * cannot be read becomes absent and is marked unusable, so the validator does not report it a second time.
 */
final class PlatformBinder {

    private final Problems problems;

    PlatformBinder(Problems problems) {
        this.problems = problems;
    }

    Platform bind(JsonNode root) {
        return (Platform) record(Platform.class, root, "");
    }

    /** The key of a component in the file. */
    static String key(RecordComponent component) {
        Field field = component.getAnnotation(Field.class);
        return field == null || field.key().isEmpty() ? component.getName() : field.key();
    }

    private Object record(Class<?> type, JsonNode node, String path) {
        RecordComponent[] components = type.getRecordComponents();
        Map<String, RecordComponent> byKey = new LinkedHashMap<>();
        for (RecordComponent c : components) {
            byKey.put(key(c), c);
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!byKey.containsKey(name)) {
                Optional<String> closest = NameFormats.closest(name, byKey.keySet());
                problems.add(join(path, name), "unknown key \"" + name + "\"",
                        closest.map(c -> "did you mean \"" + c + "\"?")
                                .orElse("remove it; the keys here are " + String.join(", ", byKey.keySet())));
            }
        });
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String key = key(c);
            String childPath = join(path, key);
            JsonNode value = node.get(key);
            Field field = c.getAnnotation(Field.class);
            boolean absent = value == null || value.isNull() || (value.isArray() && value.isEmpty());
            if (absent && field != null && field.required()) {
                String what = value != null && value.isArray() ? "\"" + key + "\" is empty" : "\"" + key + "\" is missing";
                problems.add(childPath, what, "add " + key + ": " + sentence(field.value()));
                problems.unusable(childPath);
            }
            args[i] = value == null || value.isNull()
                    ? (c.getType() == boolean.class ? Boolean.FALSE : null)
                    : value(c.getGenericType(), value, childPath, key, field);
            if (args[i] == null && c.getType() == boolean.class) {
                args[i] = Boolean.FALSE;
            }
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName() + " at " + path, e);
        }
    }

    private Object value(Type type, JsonNode node, String path, String key, Field field) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            if (!node.isArray()) {
                return unusable(path, key + " must be a list, got " + describe(node),
                        "write it as a list, e.g. " + key + ": [" + (node.isValueNode() ? node.asText() : "...") + "]");
            }
            List<Object> list = new ArrayList<>();
            boolean usable = true;
            for (int i = 0; i < node.size(); i++) {
                Object item = node.get(i).isNull()
                        ? unusable(path + "[" + i + "]", "list item " + (i + 1) + " of " + key + " is empty",
                        "remove the empty item")
                        : value(element, node.get(i), path + "[" + i + "]", key, field);
                usable &= item != null;
                list.add(item);
            }
            if (!usable) {
                problems.unusable(path);
                return null;
            }
            return list;
        }
        if (raw.isRecord()) {
            if (!node.isObject()) {
                return unusable(path, key + " must be a mapping, got " + describe(node),
                        "write it as keys under " + key + ": " + Arrays.stream(raw.getRecordComponents())
                                .map(PlatformBinder::key).collect(Collectors.joining(", ")));
            }
            return record(raw, node, path);
        }
        if (raw.isEnum()) {
            return enumValue(raw, node, path, key);
        }
        if (raw == String.class) {
            if (!node.isTextual()) {
                String written = problems.written(path);
                if (written != null && !written.equals(node.asText())) {
                    return unusable(path, key + " must be text, got " + written + ", which YAML 1.1 reads as " + yaml11(written, node),
                            "quote it: \"" + written + "\"");
                }
                boolean account = field != null && field.pattern().equals(NameFormats.ACCOUNT) && node.isNumber();
                return unusable(path, key + " must be text, got " + describe(node),
                        !node.isValueNode() ? "write a single quoted value"
                                : "quote it: \"" + node.asText() + "\"" + (account ? " (unquoted, YAML reads a number and drops leading zeros)" : ""));
            }
            String text = node.asText();
            if (field != null && !field.pattern().isEmpty()) {
                var violation = Formats.check(field.pattern(), text);
                if (violation.isPresent()) {
                    return unusable(path, key + " \"" + text + "\" " + violation.get().rule(), violation.get().hint());
                }
            }
            return text;
        }
        if (raw == Integer.class || raw == int.class) {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                boolean quotedNumber = node.isTextual() && node.asText().matches("-?[0-9]{1,9}");
                return unusable(path, key + " must be a whole number, got " + describe(node), quotedNumber
                        ? "write it without quotes: " + key + ": " + node.asText()
                        : "write e.g. " + key + ": 30");
            }
            String written = problems.written(path);
            if (written != null && !written.equals(node.asText())) {
                return unusable(path, key + " " + written + " is read by YAML 1.1 as " + yaml11(written, node),
                        "write the number in decimal digits without a leading zero, e.g. " + key + ": " + node.asText());
            }
            return node.intValue();
        }
        if (raw == Boolean.class || raw == boolean.class) {
            if (!node.isBoolean()) {
                return unusable(path, key + " must be true or false, got " + describe(node), "write " + key + ": true or " + key + ": false");
            }
            return node.booleanValue();
        }
        throw new IllegalStateException("no reader for " + type + " at " + path);
    }

    private Object enumValue(Class<?> type, JsonNode node, String path, String key) {
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(c -> ((FileValue) c).fileValue()).toList();
        String list = String.join(", ", allowed);
        String written = problems.written(path);
        if (!node.isTextual() && written != null && !written.equals(node.asText())) {
            return unusable(path, key + " must be one of " + list + ", got " + written + ", which YAML 1.1 reads as "
                    + yaml11(written, node), "use one of " + list);
        }
        if (!node.isTextual()) {
            return unusable(path, key + " must be one of " + list + ", got " + describe(node), "use one of " + list);
        }
        for (Object constant : type.getEnumConstants()) {
            if (((FileValue) constant).fileValue().equals(node.asText())) {
                return constant;
            }
        }
        return unusable(path, key + " \"" + node.asText() + "\" is not one of " + list,
                NameFormats.closest(node.asText(), allowed).map(c -> "use \"" + c + "\"").orElse("use one of " + list));
    }

    private Object unusable(String path, String what, String hint) {
        problems.add(path, what, hint);
        problems.unusable(path);
        return null;
    }

    /** What YAML 1.1 made of an unquoted value, for a hint that names what the user wrote. */
    private static String yaml11(String written, JsonNode node) {
        if (node.isBoolean()) {
            return "the boolean " + node.asText();
        }
        if (node.isNull()) {
            return "null (no value)";
        }
        String unsigned = written.replaceFirst("^[-+]", "");
        String why = unsigned.startsWith("0x") ? "hexadecimal"
                : unsigned.startsWith("0b") ? "binary"
                : unsigned.contains(":") ? "sexagesimal (base 60)"
                : unsigned.matches("0[0-7_]+") ? "octal (a leading 0)"
                : "";
        return "the " + (why.isEmpty() ? "" : why + " ") + "number " + node.asText();
    }

    private static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        return "\"" + node.asText() + "\"";
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A description as a hint: first letter lowercase (unless an acronym), no final period. */
    static String sentence(String description) {
        String text = description.endsWith(".") ? description.substring(0, description.length() - 1) : description;
        boolean acronym = text.length() > 1 && Character.isUpperCase(text.charAt(1));
        return acronym ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
