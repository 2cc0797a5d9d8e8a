package snapshots;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * How snapshot tests behave in this run, read once from the JVM's system properties and environment.
 *
 * @param ci     the environment variable {@value #CI_VARIABLE} is set (to anything but empty or "false"):
 *               a missing snapshot fails instead of being written
 * @param update the system property {@value #UPDATE_PROPERTY} is "true": differing snapshots are rewritten
 * @param base   the base the guard compares with: system property {@value #BASE_PROPERTY}, else environment
 *               variable {@value #BASE_VARIABLE}; {@code null} to pick one ({@code origin/main}, {@code main})
 */
public record RunMode(boolean ci, boolean update, String base) {

    public static final String CI_VARIABLE = "CI";
    public static final String UPDATE_PROPERTY = "snapshots.update";
    public static final String BASE_PROPERTY = "snapshots.base";
    public static final String BASE_VARIABLE = "SNAPSHOT_BASE";

    /** The mode of this JVM. */
    public static RunMode current() {
        Properties properties = System.getProperties();
        Map<String, String> props = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> props.put(name, properties.getProperty(name)));
        return from(System.getenv(), props);
    }

    /** The mode that the given environment variables and system properties select. */
    public static RunMode from(Map<String, String> environment, Map<String, String> systemProperties) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(systemProperties, "systemProperties");
        String ci = environment.get(CI_VARIABLE);
        boolean inCi = ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci.trim());
        boolean update = "true".equalsIgnoreCase(systemProperties.getOrDefault(UPDATE_PROPERTY, "").trim());
        String base = firstNonBlank(systemProperties.get(BASE_PROPERTY), environment.get(BASE_VARIABLE));
        return new RunMode(inCi, update, base);
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first.trim();
        }
        return second != null && !second.isBlank() ? second.trim() : null;
    }
}
