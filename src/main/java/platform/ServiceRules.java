package platform;

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
}
