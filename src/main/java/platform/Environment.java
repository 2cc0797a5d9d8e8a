package platform;

import java.util.List;

/** One deployment environment: a stack {@code <platform>-<name>} in one account and region. */
public record Environment(
        @Field(required = true, pattern = Names.NAME, value = "Short name, part of the stack name (<platform>-<name>) and of repository names.")
        String name,
        @Field(required = true, pattern = Names.ACCOUNT, value = "The 12-digit AWS account id, quoted.")
        String account,
        @Field(required = true, pattern = Names.REGION, value = "The AWS region, e.g. eu-west-1.")
        String region,
        @Field(required = true, value = "The environment profile whose defaults apply: dev, staging or prod.")
        Profile profile,
        @Field("The AWS CLI profile for deploying this environment by hand. Default: the default credentials.")
        String awsProfile,
        @Field(pattern = Names.REGION, value = "Regions the environment's repositories are replicated to (same account). Default: none.")
        List<String> replicaRegions,
        @Field("Where scan-finding alerts go and from which severity. Default: the profile decides whether alerts exist; no subscriptions.")
        Alerts alerts,
        @Field("An existing VPC (given by ids, no lookups) that gets ECR endpoints. Default: no endpoints.")
        Vpc vpc,
        @Field("Changes to the profile's defaults for this environment. Default: none.")
        ProfileOverrides overrides,
        @Field("This environment's repository naming scheme. Default: the platform's repositoryNaming.")
        String repositoryNaming) {

    public Environment {
        replicaRegions = replicaRegions == null ? List.of() : List.copyOf(replicaRegions);
        overrides = overrides == null ? ProfileOverrides.NONE : overrides;
    }

    /** An environment with only the required keys. */
    public static Environment of(String name, String account, String region, Profile profile) {
        return new Environment(name, account, region, profile, null, null, null, null, null, null);
    }
}
