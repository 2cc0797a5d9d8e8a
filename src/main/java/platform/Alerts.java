package platform;

import java.util.List;

/**
 * The alerts of an environment: scan findings, failed replications and cache actions, unexpected pushes; and who
 * receives them.
 *
 * @param severity lowest finding severity that alerts. Default: the profile's (HIGH).
 * @param email email addresses subscribed to the alert topic. Default: none.
 * @param https HTTPS endpoints subscribed to the alert topic. Default: none.
 * @param replicationFailures whether failed replications of the environment's repositories into its own account's other
 *                            regions alert. Default: on where alerts are on and the environment replicates there
 * @param pullThroughCacheFailures whether pull-through-cache actions of the environment's registry that do not succeed
 *                                 alert. Default: on where alerts are on, the registry holds cache rules and no
 *                                 earlier environment of the same registry reports them
 * @param pushGuard whether a push to the environment's repositories by anyone but its promoters (and
 *                  {@code pushGuardAllowedRoles}) alerts. Default: on in profile prod where the environment has promoters
 * @param pushGuardAllowedRoles further roles whose pushes the guard accepts (a break-glass role, a service's own
 *                              release tooling), by IAM role ARN. Default: none
 */
public record Alerts(
        @Field("Lowest finding severity that alerts. Default: the profile's (HIGH).")
        Severity severity,
        @Field(pattern = NameFormats.EMAIL, value = "Email addresses subscribed to the alert topic. Default: none.")
        List<String> email,
        @Field(pattern = NameFormats.HTTPS_URL, value = "HTTPS endpoints subscribed to the alert topic. Default: none.")
        List<String> https,
        @Field("Failed replications of this environment's repositories into other regions of its account alert (ECR's"
                + " \"ECR Replication Action\" events, forwarded from each replica region). Default: true where alerts are"
                + " on and the environment replicates within its account.")
        Boolean replicationFailures,
        @Field("Pull-through-cache actions of this environment's registry that do not succeed alert (\"ECR Pull Through"
                + " Cache Action\"). Default: true where alerts are on, the registry holds cache rules and no earlier"
                + " environment of the same account and region reports them.")
        Boolean pullThroughCacheFailures,
        @Field("A push (PutImage, seen through CloudTrail: needs a trail) to this environment's repositories by any principal"
                + " but its promoter roles and pushGuardAllowedRoles alerts. Default: true in profile prod where the"
                + " environment receives promotions through promoter roles.")
        Boolean pushGuard,
        @Field(pattern = NameFormats.ROLE_ARN, value = "Further roles whose pushes the push guard accepts (a break-glass role, a"
                + " service's own release tooling), by IAM role ARN. Default: none.")
        List<String> pushGuardAllowedRoles) {

    /**
     * Copies the collections; {@code null} switches keep their documented defaults, decided by {@link Platform}.
     *
     * @param severity lowest finding severity that alerts. Default: the profile's (HIGH).
     * @param email email addresses subscribed to the alert topic. Default: none.
     * @param https hTTPS endpoints subscribed to the alert topic. Default: none.
     * @param replicationFailures whether failed replications alert. Default: see the record components
     * @param pullThroughCacheFailures whether failed pull-through-cache actions alert. Default: see the record components
     * @param pushGuard whether pushes by anyone but the promoters alert. Default: see the record components
     * @param pushGuardAllowedRoles further roles the push guard accepts. Default: none
     */
    public Alerts {
        email = email == null ? List.of() : List.copyOf(email);
        https = https == null ? List.of() : List.copyOf(https);
        pushGuardAllowedRoles = pushGuardAllowedRoles == null ? List.of() : List.copyOf(pushGuardAllowedRoles);
    }

    /**
     * The alerts of 0.1.0, without the settings added since: they take their defaults.
     *
     * @param severity see the record components
     * @param email see the record components
     * @param https see the record components
     * @deprecated give every component
     */
    @Deprecated
    public Alerts(Severity severity, List<String> email, List<String> https) {
        this(severity, email, https, null, null, null, null);
    }
}
