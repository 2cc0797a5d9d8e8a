package constructs.registry;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecr.CfnReplicationConfiguration;
import software.constructs.Construct;

/**
 * The registry's replication configuration (one per account and region). ECR copies images
 * only; policies, encryption and lifecycle of the replicas come from a REPLICATION
 * {@link RepositoryCreationTemplate} in each destination region. A cross-account destination
 * must allow the source in its own registry policy
 * ({@link RegistryPolicyStatement#allowReplicationFrom}).
 */
public class RegistryReplication extends Construct {

    private final RegistryReplicationProps props;
    private final CfnReplicationConfiguration resource;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public RegistryReplication(Construct scope, String id, RegistryReplicationProps props) {
        super(scope, id);
        this.props = props;
        Stack stack = Stack.of(this);
        RegistryValidation.throwIfAny(props.problems("", stack.getAccount(), stack.getRegion()));
        this.resource = CfnReplicationConfiguration.Builder.create(this, "Resource")
                .replicationConfiguration(CfnReplicationConfiguration.ReplicationConfigurationProperty.builder()
                        .rules(props.rules().stream().map(RegistryReplication::render).toList())
                        .build())
                .build();
    }

    private static Object render(ReplicationRule rule) {
        var builder = CfnReplicationConfiguration.ReplicationRuleProperty.builder()
                .destinations(rule.destinations().stream()
                        .map(d -> (Object) CfnReplicationConfiguration.ReplicationDestinationProperty.builder()
                                .region(d.region()).registryId(d.registryId()).build())
                        .toList());
        if (!rule.prefixFilters().isEmpty()) {
            builder.repositoryFilters(rule.prefixFilters().stream()
                    .map(f -> (Object) CfnReplicationConfiguration.RepositoryFilterProperty.builder()
                            .filter(f).filterType("PREFIX_MATCH").build())
                    .toList());
        }
        return builder.build();
    }

    /**
     * The props the replication was created with.
     *
     * @return the props
     */
    public RegistryReplicationProps props() {
        return props;
    }

    /**
     * The underlying CloudFormation resource.
     *
     * @return the {@code AWS::ECR::ReplicationConfiguration}
     */
    public CfnReplicationConfiguration resource() {
        return resource;
    }
}
