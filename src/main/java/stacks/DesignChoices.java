package stacks;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;

import java.util.Map;

/**
 * Warnings of the constructs that this project's stacks answer by design: acknowledged where the choice is made,
 * so {@code cdk synth} stays quiet, and recorded with the reason under aws-cdk-lib's
 * {@value Validations#ACKNOWLEDGED_RULES_METADATA_KEY} metadata, which the cloud assembly keeps and the compliance
 * report lists. A warning nobody acknowledged is printed.
 */
final class DesignChoices {

    /** Pull-through cache templates keep MUTABLE tags (constructs.RepositoryCreationTemplate). */
    static final String MUTABLE_CACHE_TEMPLATE = "ecr-blueprint:mutableCacheTemplate";
    static final String MUTABLE_CACHE_TEMPLATE_REASON = "ECR refreshes a cached tag from the upstream registry, so"
            + " pull-through cache repositories must keep MUTABLE tags; workloads pin cached base images by digest"
            + " (docs/registry.md).";

    /** ENHANCED scanning needs Amazon Inspector permissions of the deploying role (constructs.RegistryScanning). */
    static final String ENHANCED_SCANNING_NEEDS_INSPECTOR = "ecr-blueprint:enhancedScanningNeedsInspector";
    static final String ENHANCED_SCANNING_NEEDS_INSPECTOR_REASON = "The environment profile asks for ENHANCED scanning;"
            + " the deploying role's Amazon Inspector permissions are part of the documented execution policy"
            + " (docs/registry.md).";

    private DesignChoices() {
    }

    /** Acknowledges warning {@code id} on {@code scope} and everything under it, recording {@code reason}. */
    static void acknowledge(IConstruct scope, String id, String reason) {
        // The id as the warning was added (addWarningV2 tags "[ack: <id>]"); Validations.acknowledge would add the
        // "Annotation::" prefix, which these warnings do not carry.
        Annotations.of(scope).acknowledgeWarning(id, reason);
        scope.getNode().addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, Map.of(id, reason));
    }
}
