package platform;

import limits.AwsLimits;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names of the platform file: unique environment and service names, the repository naming scheme and the
 * repository names it makes: supported schemes, name lengths, two environments
 * that would create one repository, replicas that would overwrite another environment's repository.
 */
final class NamingRules extends SectionRules {

    NamingRules(Platform platform, Problems problems) {
        super(platform, problems);
    }

    @Override
    void check() {
        naming();
        unique("environments", platform.environments(), EnvironmentSpec::name, "environment");
        unique("services", platform.services(), Service::name, "service");
        repositoryCollisions();
        replicaCollisions();
    }

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
                if (repository.length() > AwsLimits.ECR_REPOSITORY_NAME) {
                    problems.add("environments[" + i + "].name", "repository name \"" + repository + "\" is longer than "
                            + AwsLimits.ECR_REPOSITORY_NAME + " characters", "shorten the platform, environment or service name");
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
                    if (service.name() == null) {
                        continue; // its format is reported by the binder
                    }
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
}
