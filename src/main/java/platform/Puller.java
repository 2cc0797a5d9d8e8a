package platform;

import java.util.List;

/** A workload or an account that pulls images from the platform's repositories. */
public record Puller(
        @Field(required = true, value = "ecs, eks-node, eks-fargate, lambda, app-runner, account or ec2.")
        PullerType type,
        @Field(pattern = NameFormats.NAME, value = "Environments whose repositories it pulls. Default: all.")
        List<String> environments,
        @Field(pattern = NameFormats.NAME, value = "Services whose repositories it pulls. Default: all.")
        List<String> services,
        @Field(pattern = NameFormats.ACCOUNT, value = "account, lambda: the consumer's account id. Default: the roleArn's account, else the environment's (account pullers need one of account and roleArn).")
        String account,
        @Field(pattern = NameFormats.ROLE_ARN, value = "account: an existing role in that account, the only principal granted. Default: the whole account.")
        String roleArn,
        @Field(pattern = NameFormats.REGION, value = "Where it runs; must hold the repository or a replica. Default: the environment's region.")
        String region,
        @Field("account: also pulls base images through the pull-through cache rules of the environment's registry (a registry-policy statement and the cache template's repository policy for it). Default: false.")
        boolean pullThroughCache) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param type ecs, eks-node, eks-fargate, lambda, app-runner, account or ec2.
     * @param environments environments whose repositories it pulls. Default: all.
     * @param services services whose repositories it pulls. Default: all.
     * @param account account, lambda: the consumer's account id. Default: the roleArn's account, else the environment's (account pullers need one of account and roleArn).
     * @param roleArn account: an existing role in that account, the only principal granted. Default: the whole account.
     * @param region where it runs; must hold the repository or a replica. Default: the environment's region.
     * @param pullThroughCache account: also pulls base images through the pull-through cache rules of the environment's registry. Default: false.
     */
    public Puller {
        environments = environments == null ? List.of() : List.copyOf(environments);
        services = services == null ? List.of() : List.copyOf(services);
    }

    /**
     * The constructor of 0.1.0, without the components added since: they take their defaults.
     *
     * @param type see the record components
     * @param environments see the record components
     * @param services see the record components
     * @param account see the record components
     * @param roleArn see the record components
     * @param region see the record components
     * @deprecated use the canonical constructor
     */
    @Deprecated
    public Puller(PullerType type, List<String> environments, List<String> services, String account, String roleArn, String region) {
        this(type, environments, services, account, roleArn, region, false);
    }

    /**
     * The account the puller runs in: as written, else the roleArn's, else the environment's.
     *
     * @param environment the environment, from the platform file
     * @return the account the puller runs in
     */
    public String account(EnvironmentSpec environment) {
        if (account != null) {
            return account;
        }
        return roleArn != null ? roleArn.split(":")[4] : environment.account();
    }

    /**
     * The region the puller runs in: as written, else the environment's.
     *
     * @param environment the environment, from the platform file
     * @return the region the puller runs in
     */
    public String region(EnvironmentSpec environment) {
        return region != null ? region : environment.region();
    }

    /**
     * Pullers that get a role created in the environment's account.
     *
     * @return whether the puller gets a role
     */
    public boolean getsRole() {
        return type != PullerType.LAMBDA && type != PullerType.ACCOUNT;
    }
}
