package platform;

import limits.AwsFormats;
import limits.AwsLimits;
import limits.GenericRepositoryNames;

import java.util.List;

/**
 * The rules of {@code services[]}: names, architectures, tag-mutability exclusions, the public catalog and publishers.
 */
final class ServiceRules extends SectionRules {

    private final OverrideRules overrides;

    ServiceRules(Platform platform, Problems problems) {
        super(platform, problems);
        this.overrides = new OverrideRules(problems);
    }

    @Override
    void check() {
        for (int i = 0; i < platform.services().size(); i++) {
            service(i, platform.services().get(i));
        }
    }

    private void service(int i, Service service) {
        String path = "services[" + i + "]";
        if (service.name() != null && GenericRepositoryNames.isGeneric(service.name())) {
            problems.add(path + ".name", "service name \"" + service.name() + "\" does not say which service its repositories"
                            + " hold (it is their last segment, e.g. " + platform.name() + "/<env>/" + service.name() + ")",
                    "name the service after what it does, e.g. \"user-service\"");
        }
        if (service.team() != null && service.team().length() > AwsLimits.ECR_TAG_VALUE) {
            problems.add(path + ".team", "team has " + service.team().length() + " characters: it is the value of the"
                            + " repositories' team tag, and ECR allows tag values of at most " + AwsLimits.ECR_TAG_VALUE,
                    "shorten it to " + AwsLimits.ECR_TAG_VALUE + " characters, e.g. the team's short name");
        }
        duplicates(path + ".architectures", service.architectures().stream().map(ImageArchitecture::fileValue).toList(), "architecture");
        if (!service.architecturesFitRuntime()) {
            problems.add(path + ".architectures", "a Lambda image has one architecture, got "
                            + String.join(", ", service.architectures().stream().map(ImageArchitecture::fileValue).toList()),
                    "keep one, e.g. architectures: [" + service.architectures().get(0).fileValue() + "]");
        }
        overrides.check(path + ".overrides", service.overrides(), true);
        mutabilityExclusions(path, service);
        catalog(path, service);
        for (int k = 0; k < service.publishers().size(); k++) {
            publisher(path + ".publishers[" + k + "]", service.publishers().get(k));
        }
        exactRepositories(path, service);
    }

    /**
     * allowWildcard widens the publisher role's trust only: the promoter roles (environment:&lt;target&gt;) and the ECR
     * Public publisher role (environment:&lt;release environment&gt;) trust the service's GitHub repositories by name, and a
     * pattern there would let any matching repository promote into production or publish.
     */
    private void exactRepositories(String path, Service service) {
        boolean github = false;
        for (int k = 0; k < service.publishers().size(); k++) {
            Publisher p = service.publishers().get(k);
            if (p.type() != PublisherType.GITHUB) {
                continue;
            }
            github = true;
            String trusting = !platform.promotionSteps().isEmpty() ? "the promoter roles" : service.publicRepository()
                    ? "the ECR Public publisher role" : null;
            if (p.repository() != null && p.repository().contains("/") && p.allowWildcard() && hasGlob(p.repository())
                    && !p.organisation().contains("*")
                    && trusting != null) {
                problems.add(path + ".publishers[" + k + "].repository", "repository \"" + p.repository() + "\" has a wildcard:"
                                + " allowWildcard applies to the publisher role's branches and environments, but " + trusting
                                + " of service \"" + service.name() + "\" trust its GitHub repositories by name",
                        "name the repository, e.g. \"" + p.organisation() + "/" + service.name() + "\"");
            }
        }
        if (service.publicRepository() && !github && problems.isUsable(path + ".public")) {
            problems.add(path + ".public", "public is true, but service \"" + service.name() + "\" has no github publisher: the"
                            + " ECR Public repository is pushed to by a role that trusts the service's GitHub repository in the"
                            + " release environment's GitHub environment, and no other publisher type",
                    "add a github publisher (type: github, repository: <org>/<repo>), or set public: false");
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
        for (int k = 0; k < catalog.operatingSystems().size(); k++) {
            String os = catalog.operatingSystems().get(k);
            if (os != null && !AwsFormats.ECR_PUBLIC_OPERATING_SYSTEMS.contains(os)) {
                problems.add(path + ".catalog.operatingSystems[" + k + "]", "operating system \"" + os + "\" is not one"
                                + " ECR Public's catalog accepts (" + String.join(", ", AwsFormats.ECR_PUBLIC_OPERATING_SYSTEMS) + ")",
                        NameFormats.closest(os, AwsFormats.ECR_PUBLIC_OPERATING_SYSTEMS).map(c -> "write \"" + c + "\"")
                                .orElse("use one of " + String.join(", ", AwsFormats.ECR_PUBLIC_OPERATING_SYSTEMS)
                                        + ", or leave operatingSystems out (Linux)"));
            }
        }
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
                if (branch.isBlank()) {
                    problems.add(path + ".branches[" + k + "]", "branch \"" + branch + "\" is empty: the trust would name no branch",
                            "name the branch, e.g. main");
                } else if (branch.startsWith("refs/")) {
                    problems.add(path + ".branches[" + k + "]", "branch \"" + branch + "\" is written as a ref; the trust adds"
                                    + " refs/heads/ itself, so it would expect refs/heads/" + branch,
                            "write the branch name only: \"" + branch.replaceFirst("^refs/(heads/)?", "") + "\"");
                } else if (hasGlob(branch) && !p.allowWildcard()) {
                    wildcard(path + ".branches[" + k + "]", "branch \"" + branch + "\"", "name the branch");
                }
            }
            for (int k = 0; k < p.environments().size(); k++) {
                if (p.environments().get(k).isBlank()) {
                    problems.add(path + ".environments[" + k + "]", "GitHub environment \"" + p.environments().get(k)
                            + "\" is empty: the trust would name no environment", "name the GitHub environment, e.g. release");
                } else if (hasGlob(p.environments().get(k)) && !p.allowWildcard()) {
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
}
