package compliance;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cdk-nag suppression as written into a template ({@code Metadata.cdk_nag.rules_to_suppress} of a resource, or of
 * the template for stack-wide ones): the rule id, the reason and, for granular rules, the findings it covers
 * ({@code applies_to}: exact finding ids or {@code {"regex": "/.../"}}).
 *
 * <p>It applies as cdk-nag's own suppressions do: same rule id; without {@code applies_to} to every finding of the
 * rule, with it only to the findings it names.
 *
 * @param id        the rule id the suppression names
 * @param reason    why the finding is accepted
 * @param appliesTo the findings covered: exact ids, or patterns written as {@code /regex/flags}; empty for all
 */
public record NagSuppression(String id, String reason, List<String> appliesTo) {

    private static final Pattern REGEX = Pattern.compile("^/(.*)/([a-z]*)$", Pattern.DOTALL);

    public NagSuppression {
        appliesTo = List.copyOf(appliesTo);
    }

    /** The suppressions in a {@code Metadata} node (a resource's or the template's); none when absent. */
    public static List<NagSuppression> in(JsonNode metadata) {
        List<NagSuppression> suppressions = new ArrayList<>();
        for (JsonNode rule : metadata.path("cdk_nag").path("rules_to_suppress")) {
            String reason = rule.path("reason").asText();
            if (rule.path("is_reason_encoded").asBoolean(false)) {
                reason = new String(Base64.getDecoder().decode(reason), StandardCharsets.UTF_8);
            }
            List<String> appliesTo = new ArrayList<>();
            for (JsonNode applies : rule.path("applies_to")) {
                appliesTo.add(applies.isTextual() ? applies.asText() : applies.path("regex").asText());
            }
            suppressions.add(new NagSuppression(rule.path("id").asText(), reason, appliesTo));
        }
        return suppressions;
    }

    /** Whether it covers {@code finding} (null for a rule without findings) of the rule known as {@code ruleId}. */
    public boolean covers(String ruleId, String finding) {
        if (!id.equals(ruleId)) {
            return false;
        }
        if (appliesTo.isEmpty()) {
            return true;
        }
        if (finding == null) {
            return false;
        }
        for (String entry : appliesTo) {
            Matcher regex = REGEX.matcher(entry);
            if (entry.equals(finding) || regex.matches() && Pattern.compile(regex.group(1), flags(regex.group(2))).matcher(finding).find()) {
                return true;
            }
        }
        return false;
    }

    private static int flags(String javaScriptFlags) {
        int flags = 0;
        if (javaScriptFlags.contains("i")) {
            flags |= Pattern.CASE_INSENSITIVE;
        }
        if (javaScriptFlags.contains("m")) {
            flags |= Pattern.MULTILINE;
        }
        if (javaScriptFlags.contains("s")) {
            flags |= Pattern.DOTALL;
        }
        return flags;
    }
}
