package constructs.access;

/**
 * Which agent pulls with a {@link PullerRole}: the kubelet or container agent pulls with these
 * roles, never with an application's own identity.
 */
public enum PullerRoleKind {

    /**
     * ECS task execution role (Fargate, Managed Instances, external instances).
     * Source: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
     */
    ECS_TASK_EXECUTION("ecs-tasks.amazonaws.com", "ecs-task-execution", Persona.PULLER),

    /**
     * EKS node role (managed and self-managed nodes). The node also needs AmazonEKSWorkerNodePolicy and
     * the CNI policy: those are the cluster owner's to attach, this role grants only the ECR pull.
     * Source: https://docs.aws.amazon.com/eks/latest/userguide/create-node-role.html
     */
    EKS_NODE("ec2.amazonaws.com", "eks-node", Persona.PULLER),

    /**
     * EKS Fargate pod execution role, trusted only for the account's Fargate profiles.
     * Source: https://docs.aws.amazon.com/eks/latest/userguide/pod-execution-role.html
     */
    EKS_FARGATE_POD_EXECUTION("eks-fargate-pods.amazonaws.com", "eks-fargate-pod-execution", Persona.PULLER),

    /**
     * App Runner access role (legacy opt-in), which also describes images.
     * Source: https://docs.aws.amazon.com/apprunner/latest/dg/security_iam_service-with-iam.html
     */
    APP_RUNNER_ACCESS("build.apprunner.amazonaws.com", "apprunner-access", Persona.APP_RUNNER_PULLER),

    /**
     * A plain EC2 instance's role (Docker or containerd on the instance pulls with the instance's credentials), with
     * an instance profile of the same name to launch instances with.
     * Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html
     */
    EC2_INSTANCE("ec2.amazonaws.com", "ec2-instance", Persona.PULLER);

    private final String servicePrincipal;
    private final String roleNameSuffix;
    private final Persona persona;

    PullerRoleKind(String servicePrincipal, String roleNameSuffix, Persona persona) {
        this.servicePrincipal = servicePrincipal;
        this.roleNameSuffix = roleNameSuffix;
        this.persona = persona;
    }

    /**
     * The AWS service that assumes roles of this kind.
     *
     * @return the service principal
     */
    public String servicePrincipal() {
        return servicePrincipal;
    }

    /**
     * The last part of the role's default name.
     *
     * @return the suffix, e.g. {@code ecs-task-execution}
     */
    public String roleNameSuffix() {
        return roleNameSuffix;
    }

    /**
     * The persona whose actions roles of this kind get.
     *
     * @return the persona
     */
    public Persona persona() {
        return persona;
    }
}
