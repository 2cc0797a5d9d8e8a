package constructs.registry;

import software.amazon.awscdk.services.ecr.CfnPullTimeUpdateExclusion;
import software.constructs.Construct;

/**
 * Excludes a principal from updating images' last recorded pull time, so that lifecycle rules
 * counting days since the last pull (archive or expire) see only real use, not scanners, CI
 * caches or the promoter. Amazon Inspector's pulls are excluded by ECR already.
 * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-time-update-exclusions.html
 */
public class PullTimeUpdateExclusion extends Construct {

    private final CfnPullTimeUpdateExclusion resource;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public PullTimeUpdateExclusion(Construct scope, String id, PullTimeUpdateExclusionProps props) {
        super(scope, id);
        RegistryValidation.throwIfAny(props.problems(""));
        this.resource = CfnPullTimeUpdateExclusion.Builder.create(this, "Resource")
                .principalArn(props.principalArn())
                .build();
    }

    /**
     * The underlying CloudFormation resource.
     *
     * @return the {@code AWS::ECR::PullTimeUpdateExclusion}
     */
    public CfnPullTimeUpdateExclusion resource() {
        return resource;
    }
}
