package platform;

import java.util.List;
import java.util.Set;

/**
 * The rules of {@code pullers[]}: references, the account and role a puller type takes, and the regions it pulls in.
 */
final class PullerRules extends SectionRules {

    PullerRules(Platform platform, Problems problems) {
        super(platform, problems);
    }

    @Override
    void check() {
        for (int i = 0; i < platform.pullers().size(); i++) {
            puller(i, platform.pullers().get(i));
        }
        for (int j = 0; j < platform.pullers().size(); j++) {
            twice(j);
        }
    }

    /**
     * Account and Lambda pullers are statements of the repository policy: two that grant the same principal pull on
     * one repository (the same account or role, in an environment and region both cover, for a service both pull)
     * would make ECR's policy name it twice, which the repository policy refuses.
     */
    private void twice(int j) {
        Puller later = platform.pullers().get(j);
        if (later.type() == null || later.getsRole() || problems.reportedAtOrBelow("pullers[" + j + "]")) {
            return;
        }
        for (int i = 0; i < j; i++) {
            Puller earlier = platform.pullers().get(i);
            if (earlier.type() != later.type() || problems.reportedAtOrBelow("pullers[" + i + "]")) {
                continue;
            }
            for (EnvironmentSpec env : platform.environments(later)) {
                if (env.account() == null || env.region() == null || !platform.environments(earlier).contains(env)) {
                    continue;
                }
                String region = later.region(env);
                boolean sameService = !region.equals(env.region()) || later.services().isEmpty() || earlier.services().isEmpty()
                        || later.services().stream().anyMatch(earlier.services()::contains);
                if (region.equals(earlier.region(env)) && sameService && principal(later, env).equals(principal(earlier, env))) {
                    problems.add("pullers[" + j + "]", "this " + later.type().fileValue() + " puller grants "
                                    + principal(later, env) + " pull in environment \"" + env.name() + "\", region " + region
                                    + ", as pullers[" + i + "] does already: the repository policy would name it twice",
                            "remove it, or give each puller its own environments or services");
                    return;
                }
            }
        }
    }

    private static String principal(Puller puller, EnvironmentSpec env) {
        if (puller.type() == PullerType.ACCOUNT && puller.roleArn() != null) {
            return "role " + puller.roleArn();
        }
        return (puller.type() == PullerType.LAMBDA ? "Lambda functions of account " : "account ") + puller.account(env);
    }

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
                problems.add(path + ".services", (type.matches("[aeiou].*") ? "an " : "a ") + type + " puller in replica region " + region + " cannot be limited to "
                                + puller.services() + ": ECR gives replicas the repository policy of the environment's "
                                + "REPLICATION creation template, one for every service of \"" + env.name() + "\"",
                        "drop services (the puller then pulls every service's replica), or pull in " + env.region());
                return;
            }
        }
    }
}
