package compliance;

import software.constructs.IConstruct;
import software.constructs.IValidation;
import software.constructs.MetadataEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the error annotations under a scope (cdk-nag findings at level ERROR that no suppression
 * covers) into validation errors, so {@code app.synth()} fails in Java too, not only {@code cdk synth}.
 * Validation runs after all Aspects, so every pack has reported by then.
 */
final class UnsuppressedErrors implements IValidation {

    /** {@code cxschema.ArtifactMetadataEntryType.ERROR}. */
    static final String ERROR_METADATA = "aws:cdk:error";

    private final IConstruct scope;

    UnsuppressedErrors(IConstruct scope) {
        this.scope = scope;
    }

    @Override
    public List<String> validate() {
        List<String> errors = new ArrayList<>();
        for (IConstruct construct : scope.getNode().findAll()) {
            for (MetadataEntry entry : construct.getNode().getMetadata()) {
                if (ERROR_METADATA.equals(entry.getType())) {
                    errors.add("[" + construct.getNode().getPath() + "] " + String.valueOf(entry.getData()).strip());
                }
            }
        }
        return errors;
    }
}
