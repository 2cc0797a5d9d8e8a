package validation;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which Control Tower controls a template must pass, written into the template itself so that whoever checks it
 * (the {@link ControlTowerValidation} of any App, the compliance report, a reviewer) reads the same thing:
 * <ul>
 *   <li>template {@code Metadata} {@value #TEMPLATE_KEY}: {@code {"enforcedFamilies": ["KMS", "S3"], "exceptions":
 *       [{"control": "CT.S3.PR.9", "reason": "..."}]}} — from the platform file's {@code controlTower} section;
 *       without it every family is enforced and nothing is excepted;</li>
 *   <li>resource {@code Metadata} {@value #RESOURCE_KEY}: {@code [{"control": "CT.S3.PR.9", "reason": "..."}]} — a
 *       design choice made where the resource is made, for that resource only.</li>
 * </ul>
 * Neither changes what CloudFormation deploys.
 */
public final class ControlTowerSettings {

    /** Template metadata key of the platform's settings. */
    public static final String TEMPLATE_KEY = "EcrBlueprint::ControlTower";
    /** Resource metadata key of the resource's documented exceptions. */
    public static final String RESOURCE_KEY = "EcrBlueprint::ControlTowerExceptions";

    private static final Pattern CONTROL_ID = Pattern.compile("CT\\.[A-Z0-9]+\\.PR\\.\\d+");
    private static final Pattern FAMILY = Pattern.compile("[A-Z0-9]+");

    /** A control not enforced on purpose, and why. */
    public record ControlException(String control, String reason) {

        /** @throws IllegalArgumentException when the id is not a Control Tower proactive control's or the reason is blank */
        public ControlException {
            Objects.requireNonNull(control, "control");
            if (!CONTROL_ID.matcher(control).matches()) {
                throw new IllegalArgumentException("control \"" + control + "\" is not a Control Tower proactive control"
                        + " id. Hint: ids look like CT.S3.PR.9");
            }
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("the exception of " + control + " needs a reason: say why the control"
                        + " cannot hold here");
            }
        }

        Map<String, String> toMetadata() {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("control", control);
            entry.put("reason", reason);
            return entry;
        }
    }

    private ControlTowerSettings() {
    }

    /**
     * Records on {@code stack}'s template the families of controls it must pass ({@code enforcedFamilies}, empty: all)
     * and the platform's exceptions. Writes nothing when both are the defaults.
     */
    public static void applyTo(Stack stack, Set<String> enforcedFamilies, List<ControlException> exceptions) {
        if (enforcedFamilies.isEmpty() && exceptions.isEmpty()) {
            return;
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        if (!enforcedFamilies.isEmpty()) {
            for (String family : enforcedFamilies) {
                if (!FAMILY.matcher(family).matches()) {
                    throw new IllegalArgumentException("control family \"" + family + "\" is not a Control Tower family:"
                            + " the upper-case part after CT. of a control id, for example KMS or S3");
                }
            }
            settings.put("enforcedFamilies", List.copyOf(new TreeSet<>(enforcedFamilies)));
        }
        if (!exceptions.isEmpty()) {
            settings.put("exceptions", exceptions.stream().map(ControlException::toMetadata).toList());
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        Map<String, Object> existing = stack.getTemplateOptions().getMetadata();
        if (existing != null) {
            metadata.putAll(existing);
        }
        metadata.put(TEMPLATE_KEY, settings);
        stack.getTemplateOptions().setMetadata(metadata);
    }

    /** Excepts {@code resource} from {@code control}, with the reason the control cannot hold for it. */
    public static void exceptResource(CfnResource resource, String control, String reason) {
        ControlException exception = new ControlException(control, reason);
        List<Object> entries = new ArrayList<>();
        Object existing = resource.getMetadata(RESOURCE_KEY);
        if (existing instanceof List<?> list) {
            entries.addAll(list);
        }
        entries.add(exception.toMetadata());
        resource.addMetadata(RESOURCE_KEY, entries);
    }

    /** The families a template enforces; empty: all. */
    static Set<String> enforcedFamilies(JsonNode template) {
        Set<String> families = new TreeSet<>();
        template.path("Metadata").path(TEMPLATE_KEY).path("enforcedFamilies").forEach(f -> families.add(f.asText()));
        return families;
    }

    /** The exceptions of the whole template, by control id. */
    static Map<String, String> templateExceptions(JsonNode template) {
        return exceptions(template.path("Metadata").path(TEMPLATE_KEY).path("exceptions"));
    }

    /** The exceptions of one resource, by control id. */
    static Map<String, String> resourceExceptions(JsonNode template, String logicalId) {
        return exceptions(template.path("Resources").path(logicalId).path("Metadata").path(RESOURCE_KEY));
    }

    private static Map<String, String> exceptions(JsonNode entries) {
        Map<String, String> byControl = new LinkedHashMap<>();
        entries.forEach(entry -> byControl.put(entry.path("control").asText(), entry.path("reason").asText()));
        return byControl;
    }
}
