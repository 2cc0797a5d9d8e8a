package constructs.access;

import constructs.internal.RoleLimits;
import constructs.internal.StackValues;
import constructs.internal.Tokens;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.CfnInstanceProfile;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A role a workload's agent pulls images with: ECS task execution, EKS node, EKS Fargate pod execution,
 * (legacy opt-in) App Runner access, or a plain EC2 instance's role with its instance profile. It holds exactly the pull actions of its persona on the given
 * repositories plus {@code ecr:GetAuthorizationToken} on {@code *}, and no KMS permission: ECR decrypts
 * through its own grant on the repository key.
 *
 * <p>Trust: ECS with {@code aws:SourceAccount}; Fargate pods with {@code aws:SourceArn} on the account's
 * Fargate profiles; EC2 (nodes) and App Runner without conditions.
 */
public class PullerRole extends PersonaRole {

    private final CfnInstanceProfile instanceProfile;

    private static final Pattern CLUSTER_NAME = Pattern.compile("[0-9A-Za-z][A-Za-z0-9\\-_]{0,99}");


    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public PullerRole(Construct scope, String id, PullerRoleProps props) {
        super(scope, id);
        List<String> problems = new ArrayList<>();
        if (props.kind() == null) {
            problems.add("kind is required. Hint: PullerRoleKind.ECS_TASK_EXECUTION");
        }
        RoleLimits.checkRoleName(props.roleName(), problems);
        RepositoryScope repositories = RepositoryScope.of(props.repositoryArns(), props.repositoryPrefixArn());
        repositories.validate("repositoryArns", problems);
        validateClusters(props, problems);
        PersonaRoleSupport.validateCachePrefixes(props.pullThroughCachePrefixArns(), problems);
        Persona persona = props.kind() == null ? Persona.PULLER : props.kind().persona();
        List<PersonaRoleSupport.RepositoryGrant> grants = new ArrayList<>();
        grants.add(new PersonaRoleSupport.RepositoryGrant("PullImages", "repositoryArns", persona.actions(), repositories));
        for (int i = 0; i < props.replicaRepositories().size(); i++) {
            RepositoryScope replicas = props.replicaRepositories().get(i);
            replicas.validate("replicaRepositories[" + i + "]", problems);
            // ECR replicates images, not permissions: a workload in a replica region pulls there with its own grant.
            grants.add(new PersonaRoleSupport.RepositoryGrant("PullReplicas" + (i + 1), "replicaRepositories[" + i + "]",
                    persona.actions(), replicas));
        }
        built(PersonaRoleSupport.build(this, () -> "PullerRole " + getNode().getPath(), persona, props.roleName(),
                props.kind() == null ? null : "Pulls images for " + props.kind().servicePrincipal(),
                props.kind() == null ? null : trust(props),
                grants, null, new PersonaRoleSupport.Extras(props.pullThroughCachePrefixArns(), false), problems));
        // EC2 hands a role to an instance only through an instance profile; one of the role's name, as the console makes.
        this.instanceProfile = props.kind() != PullerRoleKind.EC2_INSTANCE ? null
                : CfnInstanceProfile.Builder.create(this, "InstanceProfile")
                .instanceProfileName(props.roleName())
                .roles(List.of(getResource().getRef()))
                .build();
    }

    /**
     * The instance profile of an {@link PullerRoleKind#EC2_INSTANCE} role, to launch instances with.
     *
     * @return the {@code AWS::IAM::InstanceProfile}, or null for the other kinds
     */
    public CfnInstanceProfile getInstanceProfile() {
        return instanceProfile;
    }

    private Map<String, Object> trust(PullerRoleProps props) {
        StackValues stack = stackValues();
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", props.kind().servicePrincipal()));
        statement.put("Action", "sts:AssumeRole");
        switch (props.kind()) {
            case ECS_TASK_EXECUTION -> statement.put("Condition",
                    Map.of("StringEquals", Map.of("aws:SourceAccount", stack.account())));
            case EKS_FARGATE_POD_EXECUTION -> {
                String profiles = "arn:" + Aws.PARTITION + ":eks:" + stack.region() + ":" + stack.account()
                        + ":fargateprofile/";
                List<String> sources = props.fargateClusterNames().isEmpty()
                        ? List.of(profiles + "*")
                        : props.fargateClusterNames().stream().map(c -> profiles + c + "/*").toList();
                statement.put("Condition", Map.of("ArnLike", Map.of("aws:SourceArn", sources)));
            }
            default -> {
                // EC2 and App Runner set no source context on role assumption to condition on.
            }
        }
        return PersonaRoleSupport.document(List.of(statement));
    }

    private static void validateClusters(PullerRoleProps props, List<String> problems) {
        if (!props.fargateClusterNames().isEmpty() && props.kind() != PullerRoleKind.EKS_FARGATE_POD_EXECUTION) {
            problems.add("fargateClusterNames " + props.fargateClusterNames() + " is only valid with kind "
                    + "EKS_FARGATE_POD_EXECUTION (got " + props.kind() + "). Hint: drop fargateClusterNames");
        }
        for (int i = 0; i < props.fargateClusterNames().size(); i++) {
            String name = props.fargateClusterNames().get(i);
            if (name == null || (!Tokens.isUnresolved(name) && !CLUSTER_NAME.matcher(name).matches())) {
                problems.add("fargateClusterNames[" + i + "] \"" + name + "\" is invalid: must be an EKS cluster name "
                        + "(letters, digits, - and _, at most 100 characters, no wildcard). Hint: \"shop-dev\"");
            }
        }
    }

    /**
     * {@code <platform>-<env>-<kind suffix>}, e.g. {@code shop-dev-ecs-task-execution}.
     *
     * @param platform the platform name, as in the platform file
     * @param environment the environment name, as in the platform file
     * @param kind the kind of workload that pulls
     * @return the role name, within IAM's 64 characters
     */
    public static String defaultRoleName(String platform, String environment, PullerRoleKind kind) {
        return platform + "-" + environment + "-" + kind.roleNameSuffix();
    }
}
