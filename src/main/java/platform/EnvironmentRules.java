package platform;

import java.util.HashMap;
import java.util.Map;

/**
 * The rules of {@code environments[]}: replica regions, alert subscriptions, the VPC given for endpoints, where a
 * shared key can be referenced, and the usage metrics' alarm.
 */
final class EnvironmentRules extends SectionRules {

    private final OverrideRules overrides;

    EnvironmentRules(Platform platform, Problems problems) {
        super(platform, problems);
        this.overrides = new OverrideRules(problems);
    }

    /** A quota of at least one image; a percent from 1 to 100 (above, the alarm would sit beyond the quota). */
    private void usageMetrics(String path, UsageMetrics usageMetrics) {
        if (usageMetrics == null) {
            return;
        }
        Integer quota = usageMetrics.imagesPerRepositoryQuota();
        if (quota != null && quota < 1 && problems.isUsable(path + ".imagesPerRepositoryQuota")) {
            problems.add(path + ".imagesPerRepositoryQuota", "imagesPerRepositoryQuota " + quota + " is below 1",
                    "write the value Service Quotas shows for Amazon ECR \"Images per repository\" in this account and"
                            + " region, or leave it out for the default (" + limits.AwsLimits.ECR_IMAGES_PER_REPOSITORY + ")");
        }
        if (usageMetrics.alarmPercent() == null || !problems.isUsable(path + ".alarmPercent")) {
            return;
        }
        if (usageMetrics.alarmPercent() < 1) {
            problems.add(path + ".alarmPercent", "alarmPercent " + usageMetrics.alarmPercent() + " is below 1",
                    "use a percent from 1 to 100, e.g. 80 (the default)");
        } else if (usageMetrics.alarmPercent() > 100) {
            problems.add(path + ".alarmPercent", "alarmPercent " + usageMetrics.alarmPercent() + " is above 100: the"
                    + " alarm would go off only beyond the images-per-repository quota, where pushes already fail",
                    "use a percent from 1 to 100, e.g. 80 (the default)");
        }
    }

    @Override
    void check() {
        for (int i = 0; i < platform.environments().size(); i++) {
            environment(i, platform.environments().get(i));
        }
    }

    private void environment(int i, EnvironmentSpec env) {
        String path = "environments[" + i + "]";
        for (int k = 0; k < env.replicaRegions().size(); k++) {
            String region = env.replicaRegions().get(k);
            if (region.equals(env.region())) {
                problems.add(path + ".replicaRegions[" + k + "]", "replica region \"" + region
                        + "\" is the environment's own region", "remove it, or name another region");
            }
        }
        duplicates(path + ".replicaRegions", env.replicaRegions(), "replica region");
        if (env.region() != null && problems.isUsable(path + ".region")) {
            for (int k = 0; k < env.replicaRegions().size(); k++) {
                crossPartition(path + ".replicaRegions[" + k + "]", env.region(), env.replicaRegions().get(k));
            }
        }
        overrides.check(path + ".overrides", env.overrides(), false);
        if (env.sharedKey() && platform.deliveryPipeline().isPresent()) {
            // The key lives in the registry stack, which a pipeline deploys in the stage of the latest approval among
            // its environments; the stages of a pipeline cannot reference each other's resources.
            problems.add(path + ".sharedKey", "sharedKey is set, but the platform has a delivery pipeline: the shared key"
                            + " lives in the registry stack of " + env.account() + " " + env.region() + ", which the pipeline may deploy"
                            + " in a later stage than this environment, and stages cannot reference each other's keys",
                    "remove sharedKey (each environment keeps its own key), or deploy this platform without delivery");
        }
        usageMetrics(path + ".usageMetrics", env.usageMetrics());
        if (env.profile() == null) {
            return;
        }
        EnvironmentProfile profile = platform.profile(env);
        Alerts alerts = env.alerts();
        if (alerts != null && !profile.alerts() && (!alerts.email().isEmpty() || !alerts.https().isEmpty())) {
            problems.add(path + ".alerts", "alert subscriptions are given but alerts are off in profile "
                            + env.profile().fileValue(),
                    "set overrides.alerts: true in this environment, or remove the subscriptions");
        }
        if (alerts != null) {
            alertSwitches(path + ".alerts", env, profile, alerts);
        }
        if (alerts != null) {
            // SNS keeps one subscription per endpoint and topic; the AlertTopic construct rejects a repeat.
            duplicates(path + ".alerts.email", alerts.email(),
                    "email subscription");
            duplicates(path + ".alerts.https", alerts.https(), "https subscription");
        }
        if (env.vpc() != null) {
            vpc(path + ".vpc", env);
        }
    }

    /** A switch turned on must have something to report, and the alert topic to report it to. */
    private void alertSwitches(String path, EnvironmentSpec env, EnvironmentProfile profile, Alerts alerts) {
        java.util.Map<String, Boolean> switches = new java.util.LinkedHashMap<>();
        switches.put("replicationFailures", alerts.replicationFailures());
        switches.put("pullThroughCacheFailures", alerts.pullThroughCacheFailures());
        switches.put("pushGuard", alerts.pushGuard());
        boolean anyOn = false;
        for (var e : switches.entrySet()) {
            if (Boolean.TRUE.equals(e.getValue()) && !profile.alerts()) {
                problems.add(path + "." + e.getKey(), e.getKey() + " is true but alerts are off in profile "
                        + env.profile().fileValue() + ": there is no alert topic to report to",
                        "set overrides.alerts: true in this environment, or remove " + e.getKey());
                anyOn = true;
            }
        }
        if (anyOn) {
            return;
        }
        if (Boolean.TRUE.equals(alerts.replicationFailures()) && platform.ownAccountReplicaRegions(env).isEmpty()) {
            problems.add(path + ".replicationFailures", "replicationFailures is true but the environment replicates to no"
                            + " other region of its own account (replicaRegions, or a replication destination in account "
                            + env.account() + ")",
                    "add a replica region, or remove replicationFailures (failures in another account's registry are"
                            + " reported there)");
        }
        if (Boolean.TRUE.equals(alerts.pullThroughCacheFailures()) && !platform.registryHoldsCaches(env)) {
            problems.add(path + ".pullThroughCacheFailures", "pullThroughCacheFailures is true but no"
                            + " registry.pullThroughCache rule applies in this environment's account and region",
                    "add the cache rule (its environments naming this one), or remove pullThroughCacheFailures");
        }
        if (Boolean.TRUE.equals(alerts.pushGuard()) && platform.promotedServices(env).isEmpty()
                && alerts.pushGuardAllowedRoles().isEmpty()) {
            problems.add(path + ".pushGuard", "pushGuard is true but the environment has no promoter role (it is the first"
                            + " in promotionOrder, or no service has a GitHub publisher): every push would alert",
                    "list the roles that may push in pushGuardAllowedRoles, or remove pushGuard");
        }
        if (!alerts.pushGuardAllowedRoles().isEmpty() && !platform.pushGuard(env)) {
            problems.add(path + ".pushGuardAllowedRoles", "pushGuardAllowedRoles is given but the push guard is off in"
                            + " this environment (pushGuard defaults to true only in profile prod with promoters)",
                    "set pushGuard: true, or remove pushGuardAllowedRoles");
        }
        duplicates(path + ".pushGuardAllowedRoles", alerts.pushGuardAllowedRoles(), "allowed role");
    }

    private void vpc(String path, EnvironmentSpec env) {
        Vpc vpc = env.vpc();
        if (env.region() != null) {
            for (int k = 0; k < vpc.subnets().size(); k++) {
                String zone = vpc.subnets().get(k).availabilityZone();
                if (zone != null && !zone.matches(java.util.regex.Pattern.quote(env.region()) + "[a-z]")) {
                    problems.add(path + ".subnets[" + k + "].availabilityZone", "availabilityZone \"" + zone
                                    + "\" is not a zone of the environment's region " + env.region(),
                            "use a zone such as \"" + env.region() + "a\"");
                }
            }
        }
        duplicates(path + ".subnets", vpc.subnets().stream().map(Subnet::id).toList(), "subnet");
        duplicates(path + ".routeTables", vpc.routeTables(), "route table");
        if (vpc.cidr() != null && vpc.cidr().endsWith("/0")) {
            problems.add(path + ".cidr", "cidr " + vpc.cidr() + " is every address: the endpoints' security group admits HTTPS"
                            + " from this CIDR, and the endpoints must never be open to every address",
                    "write the VPC's CIDR, e.g. \"10.0.0.0/16\" (aws ec2 describe-vpcs)");
        }
        Map<String, Integer> zones = new HashMap<>();
        for (int k = 0; k < vpc.subnets().size(); k++) {
            String zone = vpc.subnets().get(k).availabilityZone();
            Integer first = zone == null ? null : zones.putIfAbsent(zone, k);
            if (first != null) {
                problems.add(path + ".subnets[" + k + "].availabilityZone", "availabilityZone \"" + zone + "\" is also the zone of"
                                + " subnets[" + first + "]: an interface endpoint takes at most one subnet per availability zone",
                        "keep one subnet per zone");
            }
        }
        if (vpc.routeTables().isEmpty() && !vpc.existingEndpoints().contains(VpcEndpointService.S3)
                && problems.isUsable(path + ".routeTables")) {
            problems.add(path + ".routeTables", "routeTables is empty, but the VPC gets an S3 gateway endpoint (image layers"
                            + " are served from S3) and a gateway endpoint needs the route tables of the private subnets",
                    "list the route tables (rtb-...), or add s3 to existingEndpoints when the VPC already has an S3 gateway endpoint");
        }
        int index = platform.environments().indexOf(env);
        for (int j = 0; j < index; j++) {
            EnvironmentSpec other = platform.environments().get(j);
            if (other.vpc() != null && vpc.id() != null && vpc.id().equals(other.vpc().id())
                    && !(env.account() + env.region()).equals(other.account() + other.region())) {
                problems.add(path + ".id", "VPC " + vpc.id() + " is also given for environment \"" + other.name()
                                + "\" in account " + other.account() + ", region " + other.region() + ": a VPC lives in one account and region",
                        "check the VPC id; environments share a VPC only within one account and region");
            }
        }
    }
}
