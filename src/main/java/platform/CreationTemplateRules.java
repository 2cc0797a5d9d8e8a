package platform;

import limits.AwsLimits;

import java.util.List;

/**
 * The rules of {@code registry.creationTemplates}: one template a prefix, each applied-for value once, and what ECR or
 * the registry stacks would reject: a description over ECR's limit, a
 * PULL_THROUGH_CACHE template that also applies to other scenarios (cached repositories stay MUTABLE so ECR can refresh
 * upstream tags, all others are IMMUTABLE: {@code constructs.registry.RepositoryCreationTemplateProps}), and a prefix
 * the stacks already give a template of their own in the same registry (a pull-through cache prefix, or the namespace
 * of an environment whose replicas land there), which {@code constructs.registry.RegistrySettings} refuses as two
 * templates for one prefix.
 */
final class CreationTemplateRules extends SectionRules {

    CreationTemplateRules(Platform platform, Problems problems) {
        super(platform, problems);
    }

    @Override
    void check() {
        creationTemplates();
        List<CreationTemplate> templates = platform.registry().creationTemplates();
        for (int i = 0; i < templates.size(); i++) {
            String path = "registry.creationTemplates[" + i + "]";
            if (problems.reportedAtOrBelow(path)) {
                continue;
            }
            CreationTemplate template = templates.get(i);
            description(path, template);
            scenarios(path, template);
            prefix(path, template);
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

    private void description(String path, CreationTemplate template) {
        String description = template.description();
        if (description != null && description.length() > AwsLimits.ECR_CREATION_TEMPLATE_DESCRIPTION) {
            problems.add(path + ".description", "description has " + description.length() + " characters, more than ECR's "
                    + AwsLimits.ECR_CREATION_TEMPLATE_DESCRIPTION, "shorten it to "
                    + AwsLimits.ECR_CREATION_TEMPLATE_DESCRIPTION + " characters");
        }
    }

    private void scenarios(String path, CreationTemplate template) {
        if (template.appliedFor().contains(TemplateAppliesTo.PULL_THROUGH_CACHE) && template.appliedFor().size() > 1) {
            problems.add(path + ".appliedFor", "appliedFor " + template.appliedFor().stream().map(TemplateAppliesTo::fileValue)
                            .toList() + " mixes PULL_THROUGH_CACHE with other scenarios: repositories of a pull-through cache"
                            + " stay MUTABLE so ECR can refresh upstream tags, all others are IMMUTABLE",
                    "write two templates: one for PULL_THROUGH_CACHE under the cache prefix, another for the rest");
        }
    }

    private void prefix(String path, CreationTemplate template) {
        String prefix = template.prefix();
        if (prefix == null) {
            return;
        }
        if (prefix.length() > AwsLimits.ECR_CREATION_TEMPLATE_PREFIX) {
            problems.add(path + ".prefix", "prefix has " + prefix.length() + " characters, more than ECR's "
                    + AwsLimits.ECR_CREATION_TEMPLATE_PREFIX, "shorten it: a template applies to every repository whose name"
                    + " starts with its prefix, so the namespace above the repositories is enough");
            return;
        }
        List<PullThroughCacheSpec> caches = platform.registry().pullThroughCache();
        for (int j = 0; j < caches.size(); j++) {
            if (prefix.equals(caches.get(j).prefix())) {
                problems.add(path + ".prefix", "prefix \"" + prefix + "\" is the prefix of registry.pullThroughCache[" + j
                                + "], which already gets a PULL_THROUGH_CACHE template of its own (one template a prefix)",
                        "remove this template; the cache rule's template sets encryption, lifecycle and scanning");
                return;
            }
        }
        for (EnvironmentSpec env : platform.environments()) {
            String naming = env.account() == null || env.region() == null || env.name() == null ? null
                    : platform.repositoryNaming(env);
            if (naming == null || !naming.contains("{service}")) {
                continue;
            }
            String repositoryPrefix = platform.repositoryPrefix(env);
            if (!prefix.equals(repositoryPrefix.substring(0, repositoryPrefix.length() - 1))) {
                continue;
            }
            for (MergedReplicationRule rule : platform.mergedReplicationRules(new RegistryLocation(env.account(), env.region()))) {
                if (!rule.source().equals(env)) {
                    continue;
                }
                for (RegistryLocation destination : rule.destinations()) {
                    if (!platform.environmentsIn(destination).isEmpty()) {
                        problems.add(path + ".prefix", "prefix \"" + prefix + "\" is the namespace of environment \""
                                        + env.name() + "\", whose replicas in account " + destination.account() + ", region "
                                        + destination.region() + " already get a REPLICATION template of their own (one"
                                        + " template a prefix)",
                                "remove this template, or give it a prefix of its own");
                        return;
                    }
                }
            }
        }
    }
}
