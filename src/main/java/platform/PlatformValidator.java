package platform;

import lifecycle.TagScheme;
import limits.AwsLimits;
import limits.GenericRepositoryNames;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules of a platform file that span values and sections: unique names, references between sections, repository
 * name collisions, the naming scheme, puller regions, registry limits and the combinations ECR rejects. Runs on the
 * bound model; values the binder could not read are skipped (already reported).
 */
final class PlatformValidator {

    /** ECR: at most 10 replication rules a registry, 25 unique destinations across them, 100 filters a rule. */
    static final int MAX_REPLICATION_RULES = 10;
    static final int MAX_REPLICATION_DESTINATIONS = 25;
    static final int MAX_FILTERS_PER_RULE = 100;
    /** ECR: at most 50 pull-through cache rules a registry; prefixes of 2-30 characters. */
    static final int MAX_PULL_THROUGH_CACHE_RULES = 50;
    static final int MAX_REPOSITORY_NAME = AwsLimits.ECR_REPOSITORY_NAME;

    private final Platform platform;
    private final Problems problems;

    private PlatformValidator(Platform platform, Problems problems) {
        this.platform = platform;
        this.problems = problems;
    }

    static void validate(Platform platform, Problems problems) {
        controlTower(platform.compliance().controlTower(), problems);
        new PlatformValidator(platform, problems).run();
    }

    private void run() {
        naming();
        unique("environments", platform.environments(), EnvironmentSpec::name, "environment");
        unique("services", platform.services(), Service::name, "service");
        for (int i = 0; i < platform.environments().size(); i++) {
            environment(i, platform.environments().get(i));
        }
        repositoryCollisions();
        replicaCollisions();
        for (int i = 0; i < platform.services().size(); i++) {
            service(i, platform.services().get(i));
        }
        for (int i = 0; i < platform.pullers().size(); i++) {
            puller(i, platform.pullers().get(i));
        }
        scanning();
        signing();
        replication();
        ownership();
        pullThroughCache();
        creationTemplates();
        tagging();
        promotionOrder();
        lifecyclePolicies();
        GeneratedNameRules.check(platform, problems);
        AccountSettingsRules.check(platform, problems);
        EscapeHatchRules.check(platform, problems);
    }

    // --- naming -------------------------------------------------------------------------------------

    private void naming() {
        scheme("repositoryNaming", platform.repositoryNaming());
        for (int i = 0; i < platform.environments().size(); i++) {
            String naming = platform.environments().get(i).repositoryNaming();
            if (naming != null) {
                scheme("environments[" + i + "].repositoryNaming", naming);
            }
        }
    }

    private void scheme(String path, String naming) {
        if (naming.equals(Platform.NAMING_PER_ENVIRONMENT) || naming.equals(Platform.NAMING_PER_SERVICE)) {
            return;
        }
        problems.unusable(path);
        if (!naming.contains("{service}")) {
            problems.add(path, "repositoryNaming \"" + naming + "\" puts every service in one repository, told apart only by"
                            + " tags: lifecycle rules, immutable release tags, scanning and pull access could then not differ per"
                            + " service, and one service's cleanup would expire another's images",
                    "use \"" + Platform.NAMING_PER_ENVIRONMENT + "\" (the default): one repository per service and environment");
        } else {
            problems.add(path, "repositoryNaming \"" + naming + "\" is not a supported scheme",
                    "use \"" + Platform.NAMING_PER_ENVIRONMENT + "\" or, where an environment has its account and region to"
                            + " itself, \"" + Platform.NAMING_PER_SERVICE + "\"");
        }
    }

    private boolean namingUsable(int environmentIndex) {
        return problems.isUsable("repositoryNaming") && problems.isUsable("environments[" + environmentIndex + "].repositoryNaming");
    }

    /** Two environments that would create one repository name in one account and region; reported once a pair. */
    private void repositoryCollisions() {
        if (!problems.isUsable("environments") || !problems.isUsable("services") || !problems.isUsable("platform")) {
            return;
        }
        Map<String, Integer> owner = new HashMap<>();
        Set<String> reported = new LinkedHashSet<>();
        for (int i = 0; i < platform.environments().size(); i++) {
            EnvironmentSpec env = platform.environments().get(i);
            if (env.name() == null || env.account() == null || env.region() == null || !namingUsable(i)) {
                continue;
            }
            for (Service service : platform.services()) {
                if (service.name() == null) {
                    continue;
                }
                String repository = platform.repositoryName(env, service);
                if (repository.length() > MAX_REPOSITORY_NAME) {
                    problems.add("environments[" + i + "].name", "repository name \"" + repository + "\" is longer than "
                            + MAX_REPOSITORY_NAME + " characters", "shorten the platform, environment or service name");
                }
                Integer first = owner.putIfAbsent(env.account() + "/" + env.region() + "/" + repository, i);
                if (first != null && reported.add(first + "/" + i)) {
                    EnvironmentSpec other = platform.environments().get(first);
                    if (other.name().equals(env.name())) {
                        continue;
                    }
                    problems.add("environments[" + i + "].name", "environments \"" + other.name() + "\" and \"" + env.name()
                                    + "\" would both create repository \"" + repository + "\" in account " + env.account()
                                    + ", region " + env.region(),
                            "repositoryNaming \"" + Platform.NAMING_PER_SERVICE + "\" needs an account and region to itself:"
                                    + " use \"" + Platform.NAMING_PER_ENVIRONMENT + "\" for these environments, or move one"
                                    + " to another account or region");
                }
            }
        }
    }

    /**
     * A replica is written under the source repository's name in the destination registry: where another environment
     * keeps a repository of that name there, replication would overwrite its images.
     */
    private void replicaCollisions() {
        if (!problems.isUsable("environments") || !problems.isUsable("services") || !problems.isUsable("platform")) {
            return;
        }
        Map<String, EnvironmentSpec> own = new HashMap<>();
        List<EnvironmentSpec> envs = platform.environments();
        for (int i = 0; i < envs.size(); i++) {
            EnvironmentSpec env = envs.get(i);
            if (env.name() == null || env.account() == null || env.region() == null || !namingUsable(i)) {
                return;
            }
            for (Service service : platform.services()) {
                if (service.name() != null) {
                    own.putIfAbsent(env.account() + "/" + env.region() + "/" + platform.repositoryName(env, service), env);
                }
            }
        }
        for (int i = 0; i < envs.size(); i++) {
            EnvironmentSpec env = envs.get(i);
            Set<String> destinations = new LinkedHashSet<>();
            env.replicaRegions().forEach(r -> destinations.add(env.account() + "/" + r));
            platform.replicationRules(env).forEach(rule -> rule.destinations().stream()
                    .filter(d -> d.region() != null && d.account(env) != null)
                    .forEach(d -> destinations.add(d.account(env) + "/" + d.region())));
            for (String destination : destinations) {
                for (Service service : platform.services()) {
                    String repository = platform.repositoryName(env, service);
                    EnvironmentSpec other = own.get(destination + "/" + repository);
                    if (other != null && other != env) {
                        problems.add("environments[" + i + "].name", "environment \"" + env.name() + "\" replicates repository \""
                                        + repository + "\" into account " + destination.replace("/", ", region ")
                                        + ", where environment \"" + other.name() + "\" keeps its own repository of that name:"
                                        + " replication would overwrite its images",
                                "use repositoryNaming \"" + Platform.NAMING_PER_ENVIRONMENT + "\" for these environments, or"
                                        + " replicate elsewhere");
                        return;
                    }
                }
            }
        }
    }

    // --- environments -------------------------------------------------------------------------------

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
        overrides(path + ".overrides", env.overrides(), false);
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

    private void overrides(String path, ProfileOverrides o, boolean forService) {
        atLeast(path + ".untaggedExpiryDays", "untaggedExpiryDays", o.untaggedExpiryDays(), 1);
        atLeast(path + ".keepLastImages", "keepLastImages", o.keepLastImages(), 0);
        archiveDays(path + ".releaseTagRetentionDays", "releaseTagRetentionDays", o.releaseTagRetentionDays());
        archiveDays(path + ".promotionArchiveDays", "promotionArchiveDays", o.promotionArchiveDays());
        atLeast(path + ".buildTagRetentionDays", "buildTagRetentionDays", o.buildTagRetentionDays(), 0);
        if (o.scanFrequency() == ScanFrequency.MANUAL) {
            problems.add(path + ".scanFrequency", "scanFrequency MANUAL leaves pushed images unscanned (Control Tower"
                    + " CT.ECR.PR.2 requires scan on push)", "use SCAN_ON_PUSH or CONTINUOUS_SCAN");
        }
        if (forService && o.terminationProtection() != null) {
            problems.add(path + ".terminationProtection", "terminationProtection is a stack setting and cannot differ per service",
                    "set it in the environment's overrides");
        }
    }

    /**
     * Release and promotion images are what an environment runs or rolls back to: they are never expired and never
     * archived sooner than {@link EnvironmentProfile#MINIMUM_ARCHIVE_DAYS} after their last pull, so 0 (no rule)
     * is refused: the images would fall through to the count and build rules, which expire.
     */
    private void archiveDays(String path, String key, Integer value) {
        if (value != null && value < EnvironmentProfile.MINIMUM_ARCHIVE_DAYS) {
            problems.add(path, key + " " + value + " must be at least " + EnvironmentProfile.MINIMUM_ARCHIVE_DAYS
                            + ": these images may still run, and an image archived sooner after its last pull fails the"
                            + " next scale-out or rollback (archived images cannot be pulled)",
                    "give " + EnvironmentProfile.MINIMUM_ARCHIVE_DAYS + " or more days; 0 cannot turn the rule off, "
                            + "because the images would then be expired by the count rule");
        }
    }

    private void atLeast(String path, String key, Integer value, int minimum) {
        if (value != null && value < minimum) {
            problems.add(path, key + " " + value + " must be at least " + minimum,
                    minimum == 0 ? "give a number of " + (key.endsWith("Days") ? "days" : "images") + ", or 0 to turn the rule off"
                            : "give a number of days, at least " + minimum);
        }
    }

    // --- services -----------------------------------------------------------------------------------

    private void service(int i, Service service) {
        String path = "services[" + i + "]";
        if (service.name() != null && GenericRepositoryNames.isGeneric(service.name())) {
            problems.add(path + ".name", "service name \"" + service.name() + "\" does not say which service its repositories"
                            + " hold (it is their last segment, e.g. " + platform.name() + "/<env>/" + service.name() + ")",
                    "name the service after what it does, e.g. \"user-service\"");
        }
        duplicates(path + ".architectures", service.architectures().stream().map(Architecture::fileValue).toList(), "architecture");
        if (service.lambda() && service.architectures().size() > 1) {
            problems.add(path + ".architectures", "a Lambda image has one architecture, got "
                            + String.join(", ", service.architectures().stream().map(Architecture::fileValue).toList()),
                    "keep one, e.g. architectures: [" + service.architectures().get(0).fileValue() + "]");
        }
        overrides(path + ".overrides", service.overrides(), true);
        mutabilityExclusions(path, service);
        catalog(path, service);
        for (int k = 0; k < service.publishers().size(); k++) {
            publisher(path + ".publishers[" + k + "]", service.publishers().get(k));
        }
    }

    private void mutabilityExclusions(String path, Service service) {
        if (service.tagMutabilityExclusions().isEmpty()) {
            if (service.overrideReason() != null) {
                problems.add(path + ".overrideReason", "overrideReason is given but there are no tagMutabilityExclusions",
                        "remove overrideReason");
            }
            return;
        }
        if (service.tagMutabilityExclusions().size() > AwsLimits.ECR_TAG_MUTABILITY_EXCLUSIONS) {
            problems.add(path + ".tagMutabilityExclusions", service.tagMutabilityExclusions().size()
                            + " tag mutability exclusions exceed ECR's limit of " + AwsLimits.ECR_TAG_MUTABILITY_EXCLUSIONS
                            + " a repository", "keep at most " + AwsLimits.ECR_TAG_MUTABILITY_EXCLUSIONS + " prefixes");
        }
        String release = platform.tagging().releasePrefix();
        for (int k = 0; k < service.tagMutabilityExclusions().size(); k++) {
            String exclusion = service.tagMutabilityExclusions().get(k);
            if (release != null && (release.startsWith(exclusion) || exclusion.startsWith(release))) {
                problems.add(path + ".tagMutabilityExclusions[" + k + "]", "exclusion \"" + exclusion
                                + "\" would make release tags (" + release + "*) mutable",
                        "release tags must stay immutable; exclude only a non-release prefix such as \"latest\"");
            }
        }
        if (service.overrideReason() != null) {
            return;
        }
        for (EnvironmentSpec env : platform.environments()) {
            if (env.profile() != null && platform.profile(env, service).requireImmutableTags()) {
                problems.add(path + ".tagMutabilityExclusions", "tagMutabilityExclusions make tags mutable, but environment \""
                                + env.name() + "\" (profile " + env.profile().fileValue() + ") requires immutable tags",
                        "give overrideReason: <why this service needs mutable tags>, or remove the exclusions");
                return;
            }
        }
    }


    private void catalog(String path, Service service) {
        PublicCatalog catalog = service.catalog();
        if (catalog == null) {
            return;
        }
        if (!service.publicRepository()) {
            problems.add(path + ".catalog", "catalog is for public repositories, but public is false",
                    "set public: true, or remove catalog");
        }
        tooLong(path + ".catalog.description", "description", catalog.description(), PublicCatalog.MAX_DESCRIPTION);
        tooLong(path + ".catalog.about", "about", catalog.about(), PublicCatalog.MAX_TEXT);
        tooLong(path + ".catalog.usage", "usage", catalog.usage(), PublicCatalog.MAX_TEXT);
    }

    private void tooLong(String path, String key, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(path, key + " has " + value.length() + " characters, more than ECR Public's " + max,
                    "shorten it to " + max + " characters");
        }
    }

    private void publisher(String path, Publisher p) {
        if (p.type() == PublisherType.GITHUB) {
            if (p.project() != null) {
                problems.add(path + ".project", "project is for codebuild publishers", "remove it, or set type: codebuild");
            }
            if (p.repository() == null) {
                if (problems.isUsable(path + ".repository")) {
                    problems.add(path + ".repository", "a github publisher needs repository", "add repository: <org>/<repo>");
                }
            } else if (p.organisation().contains("*")) {
                problems.add(path + ".repository", "repository \"" + p.repository() + "\" has a wildcard in the organisation:"
                                + " workflows of any GitHub organisation could push",
                        "name the organisation, e.g. \"example-shop/" + p.repository().substring(p.repository().indexOf('/') + 1) + "\"");
            } else if (hasGlob(p.repository()) && !p.allowWildcard()) {
                wildcard(path + ".repository", "repository \"" + p.repository() + "\"", "name the repository");
            } else if (p.repository().endsWith(".git")) {
                String name = p.repository().substring(0, p.repository().length() - ".git".length());
                problems.add(path + ".repository", "repository \"" + p.repository() + "\" ends in .git, but GitHub's OIDC token"
                        + " names the repository without it, so the trust would never match", "write \"" + name + "\"");
            }
            if (p.branches().isEmpty() && p.environments().isEmpty()
                    && problems.isUsable(path + ".branches") && problems.isUsable(path + ".environments")) {
                problems.add(path, "a github publisher needs branches or environments (the OIDC subjects that may push)",
                        "add branches: [main] or environments: [<GitHub environment>]");
            }
            for (int k = 0; k < p.branches().size(); k++) {
                String branch = p.branches().get(k);
                if (branch.startsWith("refs/")) {
                    problems.add(path + ".branches[" + k + "]", "branch \"" + branch + "\" is written as a ref; the trust adds"
                                    + " refs/heads/ itself, so it would expect refs/heads/" + branch,
                            "write the branch name only: \"" + branch.replaceFirst("^refs/(heads/)?", "") + "\"");
                } else if (hasGlob(branch) && !p.allowWildcard()) {
                    wildcard(path + ".branches[" + k + "]", "branch \"" + branch + "\"", "name the branch");
                }
            }
            for (int k = 0; k < p.environments().size(); k++) {
                if (hasGlob(p.environments().get(k)) && !p.allowWildcard()) {
                    wildcard(path + ".environments[" + k + "]", "GitHub environment \"" + p.environments().get(k) + "\"",
                            "name the environment");
                }
            }
            if (p.releaseEnvironment() != null && (p.releaseEnvironment().isBlank() || p.releaseEnvironment().contains("*"))) {
                problems.add(path + ".releaseEnvironment", "releaseEnvironment \"" + p.releaseEnvironment() + "\" must name one "
                                + "GitHub environment: release builds are trusted through exactly that environment",
                        "name the protected environment, e.g. release");
            }
        } else if (p.type() == PublisherType.CODEBUILD) {
            if (p.project() == null && problems.isUsable(path + ".project")) {
                problems.add(path + ".project", "a codebuild publisher needs project", "add project: <CodeBuild project name>");
            }
            for (String githubOnly : List.of("repository", "branches", "environments", "releaseEnvironment")) {
                boolean given = switch (githubOnly) {
                    case "repository" -> p.repository() != null;
                    case "branches" -> !p.branches().isEmpty();
                    case "releaseEnvironment" -> p.releaseEnvironment() != null;
                    default -> !p.environments().isEmpty();
                };
                if (given) {
                    problems.add(path + "." + githubOnly, githubOnly + " is for github publishers; a codebuild publisher takes project",
                            "remove it, or set type: github");
                }
            }
        }
    }

    /** IAM's StringLike reads * and ? as wildcards: a subject holding either would trust every match. */
    private static boolean hasGlob(String value) {
        return value.contains("*") || value.contains("?");
    }

    private void wildcard(String path, String what, String fix) {
        problems.add(path, what + " has a wildcard (* or ?) but allowWildcard is false",
                fix + ", or set allowWildcard: true to trust every match");
    }

    // --- pullers ------------------------------------------------------------------------------------

    private void puller(int i, Puller puller) {
        String path = "pullers[" + i + "]";
        references(path + ".environments", puller.environments(), "environments",
                platform.environments().stream().map(EnvironmentSpec::name).toList(), "environment");
        references(path + ".services", puller.services(), "services",
                platform.services().stream().map(Service::name).toList(), "service");
        if (puller.type() == null) {
            return;
        }
        String type = puller.type().fileValue();
        if (puller.type() == PullerType.ACCOUNT && puller.account() == null && puller.roleArn() == null
                && problems.isUsable(path + ".account") && problems.isUsable(path + ".roleArn")) {
            problems.add(path + ".account", "an account puller needs account or roleArn",
                    "add account: \"<the consumer's 12-digit account id>\", or roleArn: <an existing role in it>");
        }
        if (puller.roleArn() != null) {
            if (puller.type() != PullerType.ACCOUNT) {
                problems.add(path + ".roleArn", "roleArn is for account pullers; a puller of type " + type + " "
                                + (puller.getsRole() ? "gets a role created in the environment's account" : "is granted through the repository policy"),
                        "remove roleArn, or use type: account for an existing role in another account");
            } else if (puller.account() != null && !puller.roleArn().contains(":" + puller.account() + ":")) {
                problems.add(path + ".roleArn", "roleArn \"" + puller.roleArn() + "\" is not in account " + puller.account(),
                        "give a role of account " + puller.account() + ", or correct account");
            }
        }
        List<EnvironmentSpec> applies = platform.environments(puller);
        for (EnvironmentSpec env : applies) {
            if (env.account() == null || env.region() == null) {
                continue;
            }
            if (puller.getsRole() && puller.account() != null && !puller.account().equals(env.account())) {
                problems.add(path + ".account", "a puller of type " + type + " gets a role in the environment's account ("
                                + env.name() + ": " + env.account() + "), not in account " + puller.account(),
                        "for a consumer in another account use type: account with account: \"" + puller.account() + "\"");
                return;
            }
            Set<String> holding = platform.regionsHolding(env);
            String region = puller.region(env);
            if (region != null && !holding.contains(region) && problems.isUsable(path + ".region")) {
                problems.add(path + ".region", "region " + region + " holds no repository of environment \"" + env.name()
                                + "\" (its repositories are in " + String.join(", ", holding) + ")",
                        "add " + region + " to the replicaRegions of environment \"" + env.name() + "\", or pull in " + env.region());
                return;
            }
            if (region != null && !region.equals(env.region()) && !puller.getsRole() && !puller.services().isEmpty()
                    && puller.services().size() < platform.services().size() && problems.isUsable(path + ".services")) {
                problems.add(path + ".services", "a " + type + " puller in replica region " + region + " cannot be limited to "
                                + puller.services() + ": ECR gives replicas the repository policy of the environment's "
                                + "REPLICATION creation template, one for every service of \"" + env.name() + "\"",
                        "drop services (the puller then pulls every service's replica), or pull in " + env.region());
                return;
            }
        }
    }

    // --- registry -----------------------------------------------------------------------------------

    /**
     * ECR signs as the pushing identity, so every account that pushes (the first environment's publishers, each
     * promotion target's promoter) needs signer:SignPayload on the profile, granted by a profile permission in the
     * profile's account. The stacks create it only where the platform deploys to that account and region.
     */
    private void signing() {
        Signing signing = platform.registry().signing();
        if (signing == null || signing.profileArn() == null || !signing.profileArn().matches("arn:aws[a-z-]*:signer:[a-z0-9-]+:\\d{12}:.*")) {
            return;
        }
        String[] arn = signing.profileArn().split(":");
        String region = arn[3];
        String account = arn[4];
        boolean owned = platform.environments().stream()
                .anyMatch(e -> account.equals(e.account()) && region.equals(e.region()));
        Set<String> pushers = platform.signingAccounts();
        pushers.remove(account);
        if (!owned && !pushers.isEmpty()) {
            problems.add("registry.signing.profileArn", "signing profile " + signing.profileArn() + " is in account " + account
                            + " and region " + region + ", where no environment deploys, so the stacks cannot grant the pushing "
                            + "accounts " + pushers + " signer:SignPayload on it (an AWS::Signer::ProfilePermission in the "
                            + "profile's account)",
                    "use a signing profile in the account and region of an environment, or grant it there by hand "
                            + "(aws signer add-profile-permission --action signer:SignPayload --principal <account>) and use "
                            + "a profile of a pushing account");
        }
    }

    private void scanning() {
        Scanning scanning = platform.registry().scanning();
        for (int i = 0; i < scanning.rules().size(); i++) {
            ScanRule rule = scanning.rules().get(i);
            String path = "registry.scanning.rules[" + i + "]";
            if (rule.filters().size() > MAX_FILTERS_PER_RULE) {
                problems.add(path + ".filters", rule.filters().size() + " filters exceed ECR's limit of "
                        + MAX_FILTERS_PER_RULE + " a rule", "use broader wildcards or split the rule");
            }
            if (rule.frequency() == ScanFrequency.CONTINUOUS_SCAN && scanning.type() == ScanType.BASIC) {
                problems.add(path + ".frequency", "CONTINUOUS_SCAN needs ENHANCED scanning, but type is BASIC",
                        "set registry.scanning.type: ENHANCED, or use SCAN_ON_PUSH");
            }
        }
        if (scanning.otherRepositories() == ScanFrequency.MANUAL) {
            problems.add("registry.scanning.otherRepositories", "MANUAL would leave the registry's other repositories"
                    + " unscanned wherever this platform writes the scanning configuration", "use SCAN_ON_PUSH (the default)"
                    + " or CONTINUOUS_SCAN, or set scanning: existing in registry.ownership where another owner scans them");
        } else if (scanning.otherRepositories() == ScanFrequency.CONTINUOUS_SCAN && scanning.type() == ScanType.BASIC) {
            problems.add("registry.scanning.otherRepositories", "CONTINUOUS_SCAN needs ENHANCED scanning, but type is BASIC",
                    "set registry.scanning.type: ENHANCED, or use SCAN_ON_PUSH");
        }
        if (scanning.type() != ScanType.BASIC) {
            return;
        }
        for (EnvironmentSpec env : platform.environments()) {
            if (env.profile() == null) {
                continue;
            }
            for (Service service : platform.services()) {
                if (platform.profile(env, service).scanFrequency() == ScanFrequency.CONTINUOUS_SCAN) {
                    problems.add("registry.scanning.type", "type BASIC cannot scan continuously, but environment \""
                                    + env.name() + "\" (profile " + env.profile().fileValue() + ") asks for CONTINUOUS_SCAN",
                            "set type: ENHANCED (Amazon Inspector), or set overrides.scanFrequency: SCAN_ON_PUSH in environment \""
                                    + env.name() + "\"");
                    return;
                }
            }
        }
    }

    private void replication() {
        List<ReplicationRuleSpec> rules = platform.registry().replication();
        List<String> names = platform.environments().stream().map(EnvironmentSpec::name).toList();
        for (int i = 0; i < rules.size(); i++) {
            ReplicationRuleSpec rule = rules.get(i);
            String path = "registry.replication[" + i + "]";
            references(path + ".environments", rule.environments(), "environments", names, "environment");
            replicationPrefixes(path, rule);
            if (rule.repositoryPrefixes().size() > MAX_FILTERS_PER_RULE) {
                problems.add(path + ".repositoryPrefixes", rule.repositoryPrefixes().size() + " filters exceed ECR's limit of "
                        + MAX_FILTERS_PER_RULE + " a rule", "use shorter prefixes that cover more repositories");
            }
            for (EnvironmentSpec env : platform.environments()) {
                if (!platform.replicationRules(env).contains(rule) || env.account() == null) {
                    continue;
                }
                for (int k = 0; k < rule.destinations().size(); k++) {
                    ReplicationDestination d = rule.destinations().get(k);
                    if (env.region() != null && d.region() != null
                            && crossPartition(path + ".destinations[" + k + "].region", env.region(), d.region())) {
                        continue;
                    }
                    if (env.region() != null && env.region().equals(d.region()) && env.account().equals(d.account(env))) {
                        problems.add(path + ".destinations[" + k + "]", "destination " + d.account(env) + "/" + d.region()
                                        + " is the registry of environment \"" + env.name() + "\" itself",
                                "replicate to another region or account");
                    }
                }
            }
        }
        // The limits apply to the rules the registry gets, merged per environment and prefixes (Platform#mergedReplicationRules).
        if (!repositoryPrefixesKnown()) {
            return;
        }
        for (RegistryLocation registry : platform.registryLocations()) {
            if (platform.environmentsIn(registry).isEmpty()) {
                continue;
            }
            List<MergedReplicationRule> merged = platform.mergedReplicationRules(registry);
            String where = registry.account() + ", region " + registry.region();
            if (merged.size() > MAX_REPLICATION_RULES) {
                problems.add("registry.replication", merged.size() + " replication rules in account " + where
                                + " (one per environment and set of repositoryPrefixes) exceed ECR's limit of " + MAX_REPLICATION_RULES,
                        "give rules of one environment the same repositoryPrefixes, or replicate fewer environments");
            }
            Set<RegistryLocation> destinations = new LinkedHashSet<>();
            merged.forEach(rule -> destinations.addAll(rule.destinations()));
            if (destinations.size() > MAX_REPLICATION_DESTINATIONS) {
                problems.add("registry.replication", destinations.size() + " unique replication destinations from account "
                        + where + " exceed ECR's limit of " + MAX_REPLICATION_DESTINATIONS, "replicate to fewer regions or accounts");
            }
        }
    }

    /** A rule's repositoryPrefixes select repositories of the environments it covers, never another environment's. */
    private void replicationPrefixes(String path, ReplicationRuleSpec rule) {
        if (!repositoryPrefixesKnown()) {
            return;
        }
        for (EnvironmentSpec env : platform.environments()) {
            if (env.name() == null || !platform.replicationRules(env).contains(rule)) {
                continue;
            }
            String own = platform.repositoryPrefix(env);
            for (int k = 0; k < rule.repositoryPrefixes().size(); k++) {
                String prefix = rule.repositoryPrefixes().get(k);
                if (prefix != null && !prefix.startsWith(own)) {
                    problems.add(path + ".repositoryPrefixes[" + k + "]", "prefix \"" + prefix + "\" does not select repositories"
                                    + " of environment \"" + env.name() + "\" (they all start with \"" + own + "\")",
                            "start it with \"" + own + "\", e.g. \"" + own + (platform.services().isEmpty() ? "" : platform.services().get(0).name()) + "\"");
                }
            }
        }
    }

    /** Whether every environment's repository prefix and registry can be computed (the binder read what they need). */
    private boolean repositoryPrefixesKnown() {
        if (platform.name() == null || !problems.isUsable("platform") || !problems.isUsable("repositoryNaming")) {
            return false;
        }
        for (int i = 0; i < platform.environments().size(); i++) {
            EnvironmentSpec e = platform.environments().get(i);
            if (e.name() == null || e.account() == null || e.region() == null || !namingUsable(i)) {
                return false;
            }
        }
        return true;
    }

    // --- ownership of account-wide and registry-wide singletons ---------------------------------------

    /**
     * Every account and registry the file claims must be one the platform deploys to, once; and a setting left to
     * another owner must not be one the file asks this platform to write.
     */
    private void ownership() {
        List<String> accounts = platform.environments().stream().map(EnvironmentSpec::account).filter(a -> a != null).distinct().toList();
        List<Account> claimed = platform.accountOwnership();
        duplicates("accounts", claimed.stream().map(Account::account).toList(), "account");
        for (int i = 0; i < claimed.size(); i++) {
            String account = claimed.get(i).account();
            if (account != null && !accounts.contains(account)) {
                problems.add("accounts[" + i + "].account", "account \"" + account + "\" holds no environment of this platform",
                        "use one of " + String.join(", ", accounts) + ", or remove the entry");
            }
        }
        if (!repositoryPrefixesKnown()) {
            return;
        }
        List<RegistryLocation> registries = platform.registryLocations();
        List<RegistryOwnership> owners = platform.registry().ownership();
        duplicates("registry.ownership", owners.stream().map(o -> o.account() + "/" + o.region()).toList(), "registry");
        for (int i = 0; i < owners.size(); i++) {
            RegistryOwnership owner = owners.get(i);
            String path = "registry.ownership[" + i + "]";
            if (owner.account() == null || owner.region() == null) {
                continue;
            }
            RegistryLocation location = owner.location();
            if (!registries.contains(location)) {
                problems.add(path, "registry " + location + " is not one this platform configures",
                        "use one of " + String.join(", ", registries.stream().map(RegistryLocation::toString).toList())
                                + " (environments' registries and replication destinations)");
                continue;
            }
            if (owner.replication() == SettingOwnership.EXISTING && !platform.mergedReplicationRules(location).isEmpty()) {
                problems.add(path + ".replication", "replication is left as it is, but the file replicates environment \""
                                + platform.mergedReplicationRules(location).get(0).source().name() + "\" from " + location
                                + " (the replication configuration is one per registry: writing it would replace the owner's rules)",
                        "set replication: managed and declare every rule of this registry here, or remove the environment's"
                                + " replicaRegions and registry.replication rules and have the owner add them");
            }
            if (owner.registryPolicy() == SettingOwnership.EXISTING) {
                for (EnvironmentSpec env : platform.environments()) {
                    boolean intoHere = !env.account().equals(location.account())
                            && platform.mergedReplicationRules(new RegistryLocation(env.account(), env.region())).stream()
                            .anyMatch(r -> r.source().equals(env) && r.destinations().contains(location));
                    if (intoHere) {
                        problems.add(path + ".registryPolicy", "the registry policy is left as it is, but environment \""
                                        + env.name() + "\" replicates from account " + env.account() + " into " + location
                                        + ", which needs a registry policy statement there",
                                "set registryPolicy: managed, or have the owner allow ecr:CreateRepository and"
                                        + " ecr:ReplicateImage for account " + env.account() + " and keep it managed elsewhere;"
                                        + " then replicate from another place");
                        break;
                    }
                }
            }
            if (owner.signing() == SettingOwnership.EXISTING && platform.registry().signing() != null
                    && !platform.environmentsIn(location).isEmpty()) {
                problems.add(path + ".signing", "signing is left as it is, but registry.signing asks for managed signing of"
                                + " this platform's repositories in " + location,
                        "set signing: managed, or remove registry.signing and have the owner add the rule");
            }
        }
    }

    private void pullThroughCache() {
        List<PullThroughCacheSpec> rules = platform.registry().pullThroughCache();
        if (rules.size() > MAX_PULL_THROUGH_CACHE_RULES) {
            problems.add("registry.pullThroughCache", rules.size() + " pull-through cache rules exceed ECR's limit of "
                    + MAX_PULL_THROUGH_CACHE_RULES + " a registry", "cache fewer upstream registries");
        }
        cachePrefixesPerRegistry(rules);
        for (int i = 0; i < rules.size(); i++) {
            PullThroughCacheSpec rule = rules.get(i);
            String path = "registry.pullThroughCache[" + i + "]";
            references(path + ".environments", rule.environments(), "environments",
                    platform.environments().stream().map(EnvironmentSpec::name).toList(), "environment");
            if (rule.upstream() == null) {
                continue;
            }
            if (rule.credentialArn() != null) {
                String[] arn = rule.credentialArn().split(":");
                for (EnvironmentSpec env : platform.environments()) {
                    if (rule.appliesTo(env) && env.account() != null && env.region() != null
                            && !(arn[3].equals(env.region()) && arn[4].equals(env.account()))) {
                        problems.add(path + ".credentialArn", "the secret is in account " + arn[4] + ", region " + arn[3]
                                        + ", but the rule is also created for environment \"" + env.name() + "\" in account "
                                        + env.account() + ", region " + env.region() + " (ECR reads a secret of the rule's own account and region only)",
                                "limit the rule with environments: [...] to the account and region of the secret, and add a rule with"
                                        + " that registry's own secret where needed");
                        break;
                    }
                }
            }
            String upstream = rule.upstream().fileValue();
            String prefix = rule.prefix();
            if (prefix != null && problems.isUsable(path + ".prefix")) {
                if (prefix.length() < 2 || prefix.length() > 30) {
                    problems.add(path + ".prefix", "prefix \"" + prefix + "\" must be 2 to 30 characters long",
                            "use e.g. \"" + upstream + "\"");
                } else if (platform.name() != null && (prefix.equals(platform.name()) || prefix.startsWith(platform.name() + "/"))) {
                    problems.add(path + ".prefix", "prefix \"" + prefix + "\" is the platform's own repository prefix:"
                                    + " cached images would mix with the platform's repositories and their access rules",
                            "use a prefix of its own, e.g. \"" + upstream + "\"");
                }
            }
            if (rule.upstream().needsCredential() && rule.credentialArn() == null && problems.isUsable(path + ".credentialArn")) {
                problems.add(path + ".credentialArn", upstream + " needs credentialArn (ECR accepts this upstream only with credentials)",
                        "store the credentials in Secrets Manager as ecr-pullthroughcache/" + upstream + " and give the secret's ARN");
            }
            if (!rule.upstream().needsCredential() && rule.credentialArn() != null) {
                problems.add(path + ".credentialArn", upstream + " takes no credentialArn",
                        rule.upstream() == Upstream.ECR ? "remove it; ECR-to-ECR caching uses IAM" : "remove it");
            }
            if (rule.upstream() == Upstream.ECR && rule.upstreamAccount() == null && problems.isUsable(path + ".upstreamAccount")) {
                problems.add(path + ".upstreamAccount", "ecr needs upstreamAccount (the registry images are cached from)",
                        "add upstreamAccount: \"<12-digit account id>\"");
            }
            if (rule.upstream() != Upstream.ECR && (rule.upstreamAccount() != null || rule.upstreamRegion() != null)) {
                problems.add(path + (rule.upstreamAccount() != null ? ".upstreamAccount" : ".upstreamRegion"),
                        "upstreamAccount and upstreamRegion are for upstream ecr only", "remove them");
            }
        }
    }

    private void creationTemplates() {
        List<CreationTemplate> templates = platform.registry().creationTemplates();
        duplicates("registry.creationTemplates", templates.stream().map(CreationTemplate::prefix).toList(), "prefix");
        for (int i = 0; i < templates.size(); i++) {
            duplicates("registry.creationTemplates[" + i + "].appliedFor",
                    templates.get(i).appliedFor().stream().map(TemplateAppliesTo::fileValue).toList(), "value");
        }
    }

    // --- tagging and promotion ----------------------------------------------------------------------

    private void tagging() {
        Tagging tagging = platform.tagging();
        String release = tagging.releasePrefix();
        for (int k = 0; k < tagging.buildPrefixes().size(); k++) {
            String build = tagging.buildPrefixes().get(k);
            if (release != null && build != null && (build.startsWith(release) || release.startsWith(build))) {
                problems.add("tagging.buildPrefixes[" + k + "]", "build prefix \"" + build + "\" overlaps the release prefix \""
                                + release + "\": lifecycle rules could not tell build tags from release tags",
                        "use prefixes that do not start with one another, e.g. \"commit-\"");
            }
        }
        // Promotion writes <env>-<date>-<digest>; a build or release prefix that such a tag starts with would hand
        // promoted images (which the environment runs) to the rule of builds, or make two rules select one filter.
        for (int i = 0; i < platform.environments().size(); i++) {
            EnvironmentSpec env = platform.environments().get(i);
            if (env.name() == null) {
                continue;
            }
            String promotion = TagScheme.promotionPrefix(env.name());
            for (String prefix : tagging.buildPrefixes()) {
                if (prefix != null && (promotion.startsWith(prefix) || prefix.startsWith(promotion))) {
                    problems.add("environments[" + i + "].name", "environment \"" + env.name() + "\" makes promotion tags \""
                                    + promotion + "<date>-<digest>\" that the build prefix \"" + prefix + "\" also selects:"
                                    + " lifecycle rules could not tell promoted images from build images",
                            "rename the environment, or change tagging.buildPrefixes");
                }
            }
        }
        if (!tagging.allowLatest()) {
            return;
        }
        for (EnvironmentSpec env : platform.environments()) {
            if (env.profile() != null && platform.profile(env).requireImmutableTags()) {
                problems.add("tagging.allowLatest", "allowLatest needs a mutable \"latest\" tag, but environment \"" + env.name()
                                + "\" (profile " + env.profile().fileValue() + ") requires immutable tags",
                        "set allowLatest: false and deploy by release tag or digest, or set overrides.requireImmutableTags:"
                                + " false in environment \"" + env.name() + "\"");
                return;
            }
        }
    }

    private void promotionOrder() {
        List<String> names = platform.environments().stream().map(EnvironmentSpec::name).toList();
        if (!problems.isUsable("promotionOrder") || !problems.isUsable("environments")) {
            return;
        }
        if (names.stream().distinct().count() < names.size()) {
            return;
        }
        references("promotionOrder", platform.promotionOrder(), "promotionOrder", names, "environment");
        duplicates("promotionOrder", platform.promotionOrder(), "environment");
        List<String> order = platform.promotionOrder();
        for (String name : names) {
            if (name != null && !order.contains(name)) {
                // Stacks are built in promotion order: an environment left out would silently get none.
                problems.add("promotionOrder", "environment \"" + name + "\" is not in promotionOrder, so it would get no"
                        + " stacks and receive no images", "add \"" + name + "\" to promotionOrder, or remove the environment");
            }
        }
        String firstProd = null;
        for (int k = 0; k < order.size(); k++) {
            EnvironmentSpec env = platform.environment(order.get(k)).orElse(null);
            if (env == null || env.profile() == null) {
                continue;
            }
            if (firstProd != null && env.profile() != Profile.PROD) {
                problems.add("promotionOrder[" + k + "]", "environment \"" + env.name() + "\" (profile " + env.profile().fileValue()
                                + ") comes after the production environment \"" + firstProd + "\": images would reach production"
                                + " before being tried there", "move \"" + env.name() + "\" before \"" + firstProd + "\"");
            } else if (env.profile() == Profile.PROD && firstProd == null) {
                firstProd = env.name();
            }
        }
    }

    /**
     * Every repository's lifecycle policy is built at synthesis from its profile and overrides by
     * {@link Platform#lifecyclePolicy}; the same call here reports what it would refuse (a release retention shorter
     * than the build retention, no rule at all) at the overrides that caused it.
     */
    private void lifecyclePolicies() {
        if (!problems.isUsable("tagging")) {
            return;
        }
        for (int i = 0; i < platform.environments().size(); i++) {
            EnvironmentSpec env = platform.environments().get(i);
            if (env.profile() == null) {
                continue;
            }
            for (int k = 0; k < platform.services().size(); k++) {
                Service service = platform.services().get(k);
                if (negativeRetention(env.overrides()) || negativeRetention(service.overrides())
                        || problems.reportedAtOrBelow("environments[" + i + "]")
                        || problems.reportedAtOrBelow("services[" + k + "]")) {
                    continue; // already reported: the values themselves are wrong, not the policy they make
                }
                try {
                    platform.lifecyclePolicy(env, platform.profile(env, service));
                } catch (lifecycle.LifecyclePolicyException e) {
                    boolean byService = !service.overrides().equals(ProfileOverrides.NONE);
                    String where = byService ? "services[" + k + "].overrides" : "environments[" + i + "].overrides";
                    problems.add(where, "the lifecycle policy of " + (byService ? "service \"" + service.name() + "\" in " : "")
                                    + "environment \"" + env.name() + "\" (profile " + env.profile().fileValue() + ") is invalid: "
                                    + String.join("; ", e.problems().stream().map(PlatformValidator::withoutFix).toList()),
                            "give each retention setting of the profile overrides a value docs/lifecycle.md allows, and keep at least one rule on");
                    return;
                }
            }
        }
    }

    private static boolean negativeRetention(ProfileOverrides o) {
        return (o.untaggedExpiryDays() != null && o.untaggedExpiryDays() < 1) || (o.keepLastImages() != null && o.keepLastImages() < 0)
                || (o.releaseTagRetentionDays() != null && o.releaseTagRetentionDays() < 0)
                || (o.buildTagRetentionDays() != null && o.buildTagRetentionDays() < 0);
    }

    private static String withoutFix(String problem) {
        int fix = problem.indexOf(". Fix:");
        return fix < 0 ? problem : problem.substring(0, fix);
    }

    /**
     * ECR replicates within one partition only (aws, aws-cn, aws-us-gov): a destination elsewhere fails at deploy.
     * Returns whether a problem was reported.
     */
    private boolean crossPartition(String path, String source, String destination) {
        String from = Names.partition(source);
        String to = Names.partition(destination);
        if (from.equals(to)) {
            return false;
        }
        problems.add(path, "region " + destination + " is in partition " + to + ", but the source region " + source
                + " is in partition " + from + ": ECR replicates only within a partition", "replicate to a region of " + from);
        return true;
    }

    /**
     * A cache prefix is unique within one registry: rules for the same prefix are fine when they apply to different
     * accounts or regions (each with its own secret).
     */
    private void cachePrefixesPerRegistry(List<PullThroughCacheSpec> rules) {
        Map<String, Integer> seen = new HashMap<>();
        Set<Integer> reported = new java.util.HashSet<>();
        for (EnvironmentSpec env : platform.environments()) {
            if (env.account() == null || env.region() == null) {
                continue;
            }
            for (int i = 0; i < rules.size(); i++) {
                PullThroughCacheSpec rule = rules.get(i);
                if (rule.prefix() == null || !rule.appliesTo(env)) {
                    continue;
                }
                Integer first = seen.putIfAbsent(env.account() + "/" + env.region() + "/" + rule.prefix(), i);
                if (first != null && first != i && reported.add(i)) {
                    problems.add("registry.pullThroughCache[" + i + "]", "prefix \"" + rule.prefix() + "\" is listed twice for"
                                    + " account " + env.account() + ", region " + env.region() + " (also registry.pullThroughCache["
                                    + first + "])",
                            "remove the second one, or limit each rule with environments: [...] to registries of its own");
                }
            }
        }
    }

    // --- helpers ------------------------------------------------------------------------------------

    private <T> void unique(String listPath, List<T> items, Function<T, String> name, String what) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String n = name.apply(items.get(i));
            if (n == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(n, i);
            if (first != null) {
                problems.add(listPath + "[" + i + "].name", what + " name \"" + n + "\" is also used by " + listPath + "[" + first + "]",
                        "give each " + what + " its own name");
            }
        }
    }

    private void duplicates(String listPath, List<String> values, String what) {
        Set<String> seen = new java.util.HashSet<>();
        for (int k = 0; k < values.size(); k++) {
            if (values.get(k) != null && !seen.add(values.get(k))) {
                problems.add(listPath + "[" + k + "]", what + " \"" + values.get(k) + "\" is listed twice", "remove the second one");
            }
        }
    }

    private void references(String listPath, List<String> given, String key, List<String> defined, String what) {
        if (!problems.isUsable(listPath)) {
            return;
        }
        for (int k = 0; k < given.size(); k++) {
            String name = given.get(k);
            if (!defined.contains(name)) {
                String hint = Names.closest(name, defined).map(c -> "did you mean \"" + c + "\"?")
                        .orElse("use one of " + String.join(", ", defined.stream().distinct().toList()) + ", or define it under " + what + "s");
                problems.add(listPath + "[" + k + "]", what + " \"" + name + "\" is not defined", hint);
            }
        }
    }

    /** Each control excepted once, with a reason that says something; each family named once. */
    private static void controlTower(ControlTower controlTower, Problems problems) {
        String path = "compliance.controlTower";
        java.util.Set<String> families = new java.util.HashSet<>();
        for (int i = 0; i < controlTower.families().size(); i++) {
            if (!families.add(controlTower.families().get(i))) {
                problems.add(path + ".families[" + i + "]", "family " + controlTower.families().get(i) + " is listed twice",
                        "remove the second entry");
            }
        }
        java.util.Set<String> excepted = new java.util.HashSet<>();
        for (int i = 0; i < controlTower.exceptions().size(); i++) {
            ControlTowerException exception = controlTower.exceptions().get(i);
            String at = path + ".exceptions[" + i + "]";
            if (exception.control() != null && !excepted.add(exception.control())) {
                problems.add(at + ".control", "control " + exception.control() + " is excepted twice",
                        "keep one exception with one reason");
            }
            if (exception.reason() != null && exception.reason().isBlank()) {
                problems.add(at + ".reason", "the exception of " + exception.control() + " has a blank reason",
                        "say why the control cannot hold for this platform; the compliance report prints it");
            }
        }
    }
}
