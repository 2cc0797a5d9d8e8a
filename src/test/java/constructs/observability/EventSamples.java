package constructs.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awscdk.assertions.Template;
import software.amazon.event.ruler.Machine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * AWS's sample events (src/test/resources/events, each with its source page in the README there) and EventBridge's
 * matcher: AWS's Event Ruler decides whether a synthesized event pattern matches an event, as EventBridge would.
 */
public final class EventSamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSamples() {
    }

    /**
     * A fresh copy of a sample event, for the test to change.
     *
     * @param file the file name under src/test/resources/events
     * @return the event
     */
    public static ObjectNode sample(String file) {
        try (InputStream in = EventSamples.class.getResourceAsStream("/events/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample event " + file);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The CloudTrail {@code PutImage} sample with its repository and, for a role's session, its identity replaced.
     *
     * @param repositoryName the pushed repository
     * @param roleArn the role whose session pushed (the CloudTrail userIdentity sample for an assumed role, with this
     *                role as session issuer), or null for the sample's IAM user
     * @return the event
     */
    public static ObjectNode putImage(String repositoryName, String roleArn) {
        ObjectNode event = sample("cloudtrail-put-image.json");
        ObjectNode detail = (ObjectNode) event.get("detail");
        ((ObjectNode) detail.get("requestParameters")).put("repositoryName", repositoryName);
        if (roleArn != null) {
            ObjectNode identity = sample("cloudtrail-user-identity-assumed-role.json");
            ((ObjectNode) identity.get("sessionContext").get("sessionIssuer")).put("arn", roleArn);
            detail.set("userIdentity", identity);
        }
        return event;
    }

    /**
     * Whether EventBridge would deliver {@code event} to a rule with {@code pattern}.
     *
     * @param pattern the event pattern (as synthesized)
     * @param event the event
     * @return true where the pattern matches
     */
    public static boolean matches(Object pattern, JsonNode event) {
        try {
            Machine machine = new Machine();
            machine.addRule("rule", JSON.writeValueAsString(pattern));
            return !machine.rulesForJSONEvent(event).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The synthesized event pattern of the rule named {@code ruleName}.
     *
     * @param template the synthesized template
     * @param ruleName the rule's Name property
     * @return the EventPattern property
     */
    @SuppressWarnings("unchecked")
    public static Object pattern(Template template, String ruleName) {
        Map<String, Map<String, Object>> rules = template.findResources("AWS::Events::Rule",
                Map.of("Properties", Map.of("Name", ruleName)));
        if (rules.size() != 1) {
            throw new IllegalArgumentException(rules.size() + " rules named " + ruleName);
        }
        Map<String, Object> properties = (Map<String, Object>) rules.values().iterator().next().get("Properties");
        return properties.get("EventPattern");
    }
}
