package compliance;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error annotations a synthesis recorded for one stack in the cloud assembly's {@code manifest.json}: cdk-nag's
 * packs (AwsSolutions, NIST, ...) annotate every finding no suppression covers as an error
 * ({@code Annotations.of(node).addError}), and so may any construct. The CDK CLI refuses to deploy such an assembly;
 * {@link EcrBlueprintValidation} turns them into validation-report violations so that {@code app.synth()} fails too.
 */
final class NagErrors {

    /** {@code cxschema.ArtifactMetadataEntryType.ERROR}. */
    static final String ERROR_METADATA = "aws:cdk:error";

    /** cdk-nag's message: {@code AwsSolutions-IAM5[Action::s3:*]: info explanation}. */
    private static final Pattern RULE = Pattern.compile("^([A-Za-z0-9]+-[A-Za-z0-9.]+)(\\[[^\\]]*\\])?:\\s*");

    /**
     * One error annotation.
     *
     * @param ruleId        the cdk-nag rule id ({@code AwsSolutions-IAM5}), or {@code error-annotation} for another error
     * @param finding       the finding in brackets ({@code Action::s3:*}), or null
     * @param constructPath the annotated construct's path, without the leading slash
     * @param message       the annotation's text without the rule id
     */
    record Error(String ruleId, String finding, String constructPath, String message) {
    }

    private NagErrors() {
    }

    /** The errors in a stack artifact's {@code metadata} (construct path to entries) of a manifest. */
    static List<Error> in(JsonNode artifactMetadata) {
        List<Error> errors = new ArrayList<>();
        artifactMetadata.properties().forEach(construct -> {
            for (JsonNode entry : construct.getValue()) {
                if (ERROR_METADATA.equals(entry.path("type").asText())) {
                    String text = entry.path("data").asText().strip();
                    String path = construct.getKey().replaceFirst("^/", "");
                    Matcher rule = RULE.matcher(text);
                    errors.add(rule.find()
                            ? new Error(rule.group(1), rule.group(2) == null ? null
                                    : rule.group(2).substring(1, rule.group(2).length() - 1), path, text.substring(rule.end()))
                            : new Error("error-annotation", null, path, text));
                }
            }
        });
        return errors;
    }
}
