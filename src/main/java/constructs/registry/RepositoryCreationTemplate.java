package constructs.registry;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.services.ecr.CfnRepositoryCreationTemplate;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

import java.util.List;

/**
 * A repository creation template (one per prefix and registry): KMS-encrypted, immutable (mutable
 * for pull-through cache, reported as warning {@code ecr-blueprint:mutableCacheTemplate}),
 * lifecycle-managed repositories for what ECR creates on its own.
 */
public class RepositoryCreationTemplate extends Construct {

    private final RepositoryCreationTemplateProps props;
    private final CfnRepositoryCreationTemplate resource;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public RepositoryCreationTemplate(Construct scope, String id, RepositoryCreationTemplateProps props) {
        super(scope, id);
        this.props = props;
        RegistryValidation.throwIfAny(props.problems(""));
        var builder = CfnRepositoryCreationTemplate.Builder.create(this, "Resource")
                .prefix(props.prefix())
                .appliedFor(props.appliedFor().stream().map(Enum::name).toList())
                .description(props.description())
                .encryptionConfiguration(CfnRepositoryCreationTemplate.EncryptionConfigurationProperty.builder()
                        .encryptionType("KMS").kmsKey(props.encryptionKey().getKeyArn()).build())
                .imageTagMutability(props.imageTagMutability())
                .lifecyclePolicy(props.lifecyclePolicy().toJson())
                .customRoleArn(props.role().getRoleArn());
        if (!props.mutableTagExclusions().isEmpty()) {
            builder.imageTagMutabilityExclusionFilters(props.mutableTagExclusions().stream()
                    .map(f -> (Object) CfnRepositoryCreationTemplate.ImageTagMutabilityExclusionFilterProperty.builder()
                            .imageTagMutabilityExclusionFilterType("WILDCARD")
                            .imageTagMutabilityExclusionFilterValue(f).build())
                    .toList());
        }
        if (props.repositoryPolicy() != null && !props.repositoryPolicy().isEmpty()) {
            // CloudFormation takes the policy as JSON text here; the region is this registry's (Lambda conditions).
            Stack stack = Stack.of(this);
            builder.repositoryPolicy(stack.toJsonString(props.repositoryPolicy().toDocument(stack.getPartition(),
                    stack.getRegion())));
        }
        if (!props.resourceTags().isEmpty()) {
            List<Object> tags = new java.util.TreeMap<>(props.resourceTags()).entrySet().stream()
                    .map(e -> (Object) CfnTag.builder().key(e.getKey()).value(e.getValue()).build())
                    .toList();
            builder.resourceTags(tags);
        }
        this.resource = builder.build();
        if ("MUTABLE".equals(props.imageTagMutability())) {
            Annotations.of(this).addWarningV2("ecr-blueprint:mutableCacheTemplate",
                    "Pull-through cache repositories under " + props.prefix() + " keep MUTABLE tags so ECR can refresh"
                            + " cached tags from the upstream registry; pin base images by digest in Dockerfiles");
        }
    }

    /**
     * The props the template was created with.
     *
     * @return the props
     */
    public RepositoryCreationTemplateProps props() {
        return props;
    }

    /**
     * The underlying CloudFormation resource.
     *
     * @return the {@code AWS::ECR::RepositoryCreationTemplate}
     */
    public CfnRepositoryCreationTemplate resource() {
        return resource;
    }
}
