package compliance;

import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;
import software.constructs.MetadataEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * The error annotations (cdk-nag findings at level ERROR that no suppression covers) of the given
 * stacks, as validation errors: {@code [path] RuleId[finding]: info explanation}. Reading annotations
 * costs a round trip to Node per construct and entry, so {@link ComplianceValidation} only calls this for
 * stacks whose reports hold an error.
 */
final class UnsuppressedErrors {

    /** {@code cxschema.ArtifactMetadataEntryType.ERROR}. */
    static final String ERROR_METADATA = "aws:cdk:error";

    private UnsuppressedErrors() {
    }

    static List<String> in(List<Stack> stacks) {
        List<String> errors = new ArrayList<>();
        for (Stack stack : stacks) {
            for (IConstruct construct : stack.getNode().findAll()) {
                for (MetadataEntry entry : construct.getNode().getMetadata()) {
                    if (ERROR_METADATA.equals(entry.getType())) {
                        errors.add("[" + construct.getNode().getPath() + "] " + String.valueOf(entry.getData()).strip());
                    }
                }
            }
        }
        return errors;
    }
}
