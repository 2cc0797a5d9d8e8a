package stacks;

import constructs.network.RegistryEndpoints;
import constructs.network.S3GatewayPolicy;
import constructs.observability.ScanFindingAlerts;
import constructs.registry.CreationTemplateAppliedFor;
import constructs.registry.RegistryScanFrequency;
import constructs.registry.RegistryScanType;
import platform.ScanFrequency;
import platform.ScanType;
import platform.Severity;
import platform.TemplateAppliesTo;
import platform.VpcEndpointService;

/**
 * The platform model's choices as the constructs' enums. The two sides are separate types (the model is the file's
 * vocabulary, the constructs are API without the file), and each pair is mapped here by an exhaustive switch, not by
 * constant name: a value added on one side fails compilation here instead of a {@code valueOf} at synthesis.
 */
final class ConstructEnums {

    private ConstructEnums() {
    }

    static ScanFindingAlerts.Severity severity(Severity severity) {
        return switch (severity) {
            case INFORMATIONAL -> ScanFindingAlerts.Severity.INFORMATIONAL;
            case LOW -> ScanFindingAlerts.Severity.LOW;
            case MEDIUM -> ScanFindingAlerts.Severity.MEDIUM;
            case HIGH -> ScanFindingAlerts.Severity.HIGH;
            case CRITICAL -> ScanFindingAlerts.Severity.CRITICAL;
        };
    }

    static S3GatewayPolicy s3GatewayPolicy(platform.S3EndpointPolicy policy) {
        return switch (policy) {
            case OPEN -> S3GatewayPolicy.OPEN;
            case OWN_PRINCIPALS -> S3GatewayPolicy.OWN_PRINCIPALS;
            case ECR_LAYERS_ONLY -> S3GatewayPolicy.ECR_LAYERS_ONLY;
        };
    }

    static RegistryEndpoints.Endpoint endpoint(VpcEndpointService service) {
        return switch (service) {
            case ECR_API -> RegistryEndpoints.Endpoint.ECR_API;
            case ECR_DKR -> RegistryEndpoints.Endpoint.ECR_DKR;
            case S3 -> RegistryEndpoints.Endpoint.S3;
            case LOGS -> RegistryEndpoints.Endpoint.LOGS;
        };
    }

    static CreationTemplateAppliedFor appliedFor(TemplateAppliesTo scenario) {
        return switch (scenario) {
            case PULL_THROUGH_CACHE -> CreationTemplateAppliedFor.PULL_THROUGH_CACHE;
            case REPLICATION -> CreationTemplateAppliedFor.REPLICATION;
            case CREATE_ON_PUSH -> CreationTemplateAppliedFor.CREATE_ON_PUSH;
        };
    }

    static RegistryScanType scanType(ScanType type) {
        return switch (type) {
            case BASIC -> RegistryScanType.BASIC;
            case ENHANCED -> RegistryScanType.ENHANCED;
        };
    }

    static RegistryScanFrequency scanFrequency(ScanFrequency frequency) {
        return switch (frequency) {
            case SCAN_ON_PUSH -> RegistryScanFrequency.SCAN_ON_PUSH;
            case CONTINUOUS_SCAN -> RegistryScanFrequency.CONTINUOUS_SCAN;
            case MANUAL -> RegistryScanFrequency.MANUAL;
        };
    }

    static software.amazon.awscdk.services.codebuild.ComputeType computeType(platform.BuildComputeType type) {
        return switch (type) {
            case SMALL -> software.amazon.awscdk.services.codebuild.ComputeType.SMALL;
            case MEDIUM -> software.amazon.awscdk.services.codebuild.ComputeType.MEDIUM;
            case LARGE -> software.amazon.awscdk.services.codebuild.ComputeType.LARGE;
            case XLARGE -> software.amazon.awscdk.services.codebuild.ComputeType.X_LARGE;
            case XXLARGE -> software.amazon.awscdk.services.codebuild.ComputeType.X2_LARGE;
        };
    }
}
