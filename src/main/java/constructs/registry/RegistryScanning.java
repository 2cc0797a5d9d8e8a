package constructs.registry;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.services.ecr.CfnRegistryScanningConfiguration;
import software.constructs.Construct;

import java.util.List;

/**
 * The registry's scanning configuration (one per account and region).
 *
 * <p>Repositories keep {@code ScanOnPush: true} even under ENHANCED scanning: Control Tower's
 * CT.ECR.PR.2 checks the repository property, while the registry rules decide what is scanned.
 * ENHANCED needs Amazon Inspector enabled for ECR in the account, by the deploying role (see
 * docs/registry.md for the exact permissions).
 */
public class RegistryScanning extends Construct {

    private final RegistryScanningProps props;
    private final CfnRegistryScanningConfiguration resource;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public RegistryScanning(Construct scope, String id, RegistryScanningProps props) {
        super(scope, id);
        this.props = props == null ? RegistryScanningProps.builder().build() : props;
        RegistryValidation.throwIfAny(this.props.problems(""));
        // MANUAL is ECR's behaviour for unmatched repositories and not a CloudFormation value.
        List<Object> rules = this.props.rules().stream()
                .filter(rule -> rule.frequency().automatic())
                .map(rule -> (Object) CfnRegistryScanningConfiguration.ScanningRuleProperty.builder()
                        .scanFrequency(rule.frequency().name())
                        .repositoryFilters(rule.filters().stream()
                                .map(filter -> (Object) CfnRegistryScanningConfiguration.RepositoryFilterProperty.builder()
                                        .filter(filter).filterType("WILDCARD").build())
                                .toList())
                        .build())
                .toList();
        this.resource = CfnRegistryScanningConfiguration.Builder.create(this, "Resource")
                .scanType(this.props.scanType().name())
                .rules(rules)
                .build();
        if (this.props.scanType() == RegistryScanType.ENHANCED) {
            Annotations.of(this).addWarningV2("ecr-blueprint:enhancedScanningNeedsInspector",
                    "ENHANCED scanning hands scanning to Amazon Inspector: the deploying role needs inspector2:Enable, "
                            + "inspector2:Disable, inspector2:ListAccountPermissions, inspector2:ListCoverage, "
                            + "inspector2:ListFindings and iam:CreateServiceLinkedRole (iam:AWSServiceName "
                            + "inspector2.amazonaws.com); see docs/registry.md");
        }
    }

    /**
     * The props the scanning was created with.
     *
     * @return the props
     */
    public RegistryScanningProps props() {
        return props;
    }

    /**
     * The underlying CloudFormation resource.
     *
     * @return the {@code AWS::ECR::RegistryScanningConfiguration}
     */
    public CfnRegistryScanningConfiguration resource() {
        return resource;
    }
}
