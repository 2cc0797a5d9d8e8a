package platform;

import java.util.HashMap;
import java.util.Map;

/**
 * The rules of {@code environments[]}: replica regions, alert subscriptions, the VPC given for endpoints and the usage
 * metrics' alarm.
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
            // SNS keeps one subscription per endpoint and topic; the AlertTopic construct rejects a repeat.
            duplicates(path + ".alerts.email", alerts.email(),
                    "email subscription");
            duplicates(path + ".alerts.https", alerts.https(), "https subscription");
        }
        if (env.vpc() != null) {
            vpc(path + ".vpc", env);
        }
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
