package constructs.registry;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecr.CfnPullThroughCacheRule;
import software.constructs.Construct;

/**
 * A pull-through cache rule: the first pull of {@code <registry>/<prefix>/<image>} imports the
 * upstream image into this registry. Pullers need the actions of {@link constructs.access.Persona#CACHE_PULLER}
 * (including {@code ecr:BatchImportUpstreamImage} and {@code ecr:CreateRepository}). Per the ECR user
 * guide, a workload that reaches ECR through interface VPC endpoints also needs a route to the
 * internet (a NAT gateway) for the first pull of each image; later pulls do not.
 * Validate all rules of a registry together with {@link PullThroughCacheRuleProps#registryProblems}.
 */
public class PullThroughCacheRule extends Construct {

    private final PullThroughCacheRuleProps props;
    private final CfnPullThroughCacheRule resource;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public PullThroughCacheRule(Construct scope, String id, PullThroughCacheRuleProps props) {
        super(scope, id);
        this.props = props;
        RegistryValidation.throwIfAny(props.problems("", Stack.of(this).getAccount()));
        var builder = CfnPullThroughCacheRule.Builder.create(this, "Resource")
                .ecrRepositoryPrefix(props.ecrRepositoryPrefix())
                .upstreamRegistryUrl(props.upstreamRegistryUrl());
        if (props.credentialArn() != null) {
            builder.credentialArn(props.credentialArn());
        }
        if (props.customRoleArn() != null) {
            builder.customRoleArn(props.customRoleArn());
        }
        if (props.upstreamRepositoryPrefix() != null) {
            builder.upstreamRepositoryPrefix(props.upstreamRepositoryPrefix());
        }
        this.resource = builder.build();
    }

    /**
     * The props the rule was created with.
     *
     * @return the props
     */
    public PullThroughCacheRuleProps props() {
        return props;
    }

    /**
     * The underlying CloudFormation resource.
     *
     * @return the {@code AWS::ECR::PullThroughCacheRule}
     */
    public CfnPullThroughCacheRule resource() {
        return resource;
    }
}
