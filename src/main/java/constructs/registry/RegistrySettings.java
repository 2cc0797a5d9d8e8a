package constructs.registry;

import constructs.internal.Tokens;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The registry-wide singletons of one account and region, created once by the registry stack
 * from every {@link RegistryContribution} for that registry: scanning (where some contribution asks
 * for it; otherwise the registry's configuration is left to its owner), replication,
 * registry policy, pull-through cache rules, repository creation templates (with their role)
 * and pull-time update exclusions.
 *
 * <p>Merges what can be merged (scanning rules of the same scan type, identical cache rules,
 * templates and exclusions) and rejects, naming both places, what cannot: a different scan
 * type, overlapping filters with different scan frequencies, a second replication configuration
 * or registry policy, and two different cache rules or templates for one prefix. Also checks that
 * scanning covers every template prefix and cache namespace (templates cannot set scanning) and
 * that every cache namespace has a PULL_THROUGH_CACHE template.
 */
public class RegistrySettings extends Construct {

    /** Warning id: scanning is left to another owner, so coverage of template and cache prefixes is not checked. */
    public static final String WARNING_SCANNING_NOT_MANAGED = "ecr-blueprint:scanningNotManaged";

    private final RegistryScanningProps scanning;
    private final RepositoryCreationTemplateRole templateRole;

    /**
     * Creates the construct.
     *
     * @param scope the parent construct
     * @param id the construct id, part of the logical id of every resource below it
     * @param props the props
     */
    public RegistrySettings(Construct scope, String id, RegistrySettingsProps props) {
        super(scope, id);
        Stack stack = Stack.of(this);
        Merged merged = merge(props, stack.getAccount(), stack.getRegion());
        RegistryValidation.throwIfAny(merged.problems);
        this.scanning = merged.scanning;

        if (merged.scanning != null) {
            new RegistryScanning(this, "Scanning", merged.scanning);
        } else if (!merged.templates.isEmpty() || !merged.cacheRules.isEmpty()) {
            Annotations.of(this).addWarningV2(WARNING_SCANNING_NOT_MANAGED, "no contribution asks for scanning, so the"
                    + " registry's scanning configuration is left as it is: check that it scans the repositories ECR creates"
                    + " under " + String.join(", ", merged.templates.keySet()) + (merged.cacheRules.isEmpty() ? ""
                    : ", " + String.join(", ", merged.cacheRules.keySet()))
                    + " (creation templates cannot set scanning)");
        }
        if (merged.replication != null) {
            new RegistryReplication(this, "Replication", merged.replication);
        }
        if (merged.policy != null) {
            new RegistryPolicy(this, "Policy", merged.policy);
        }
        for (RegistryPullThroughCacheRuleProps rule : merged.cacheRules.values()) {
            new RegistryPullThroughCacheRule(this, "PullThroughCache_" + idOf(rule.namespace()), rule);
        }
        if (merged.templates.isEmpty()) {
            this.templateRole = null;
        } else {
            this.templateRole = new RepositoryCreationTemplateRole(this, "TemplateRole",
                    new RepositoryCreationTemplateRoleProps(List.copyOf(merged.templates.keySet()),
                            List.of(props.encryptionKey())));
            for (RepositoryCreationTemplateProps template : merged.templates.values()) {
                new RepositoryCreationTemplate(this, "Template_" + idOf(template.prefix()),
                        complete(template, props, templateRole));
            }
        }
        int e = 0;
        for (String principal : merged.exclusions) {
            // Keyed by the principal so reordering the list never replaces an exclusion.
            String key = principal.contains(":iam::") ? principal.substring(principal.indexOf(":iam::") + 6) : String.valueOf(e);
            new PullTimeUpdateExclusion(this, "PullTimeUpdateExclusion_" + idOf(key), PullTimeUpdateExclusionProps.of(principal));
            e++;
        }
    }

    /**
     * Every problem of a registry's contributions, without building anything: the same checks the
     * construct runs, for validating a platform file ({@code account}/{@code region} of the registry).
     *
     * @param props the props
     * @param account the AWS account id (12 digits)
     * @param region the AWS region, e.g. {@code eu-west-1}
     * @return every problem of a registry's contributions, without building anything
     */
    public static List<String> problems(RegistrySettingsProps props, String account, String region) {
        return merge(props, account, region).problems;
    }

    /**
     * The merged scanning configuration the registry gets.
     *
     * @return the merged scanning configuration; null when no contribution asks for scanning (left as it is)
     */
    public RegistryScanningProps scanning() {
        return scanning;
    }

    /**
     * The role ECR assumes for the templates; null when there are none.
     *
     * @return the role ECR assumes for the templates
     */
    public RepositoryCreationTemplateRole templateRole() {
        return templateRole;
    }

    private static final class Merged {
        final List<String> problems = new ArrayList<>();
        RegistryScanningProps scanning;
        RegistryReplicationProps replication;
        RegistryPolicyProps policy;
        final Map<String, RegistryPullThroughCacheRuleProps> cacheRules = new LinkedHashMap<>();
        final Map<String, RepositoryCreationTemplateProps> templates = new LinkedHashMap<>();
        final Set<String> exclusions = new LinkedHashSet<>();
    }

    private static Merged merge(RegistrySettingsProps props, String account, String region) {
        Merged m = new Merged();
        String registry = account + "/" + region;
        List<RegistryContribution> contributions = props.contributions();

        mergeScanning(m, contributions, registry);

        String replicationSource = null;
        String policySource = null;
        Map<String, String> cacheSources = new LinkedHashMap<>();
        Map<String, String> templateSources = new LinkedHashMap<>();
        for (RegistryContribution c : contributions) {
            String src = quote(c.source());
            if (c.replication() != null) {
                if (replicationSource != null) {
                    m.problems.add("replication from " + src + " is a second replication configuration for " + registry
                            + " (" + replicationSource + " declares one): ECR keeps one a registry."
                            + " Hint: declare all replication rules in one place");
                } else {
                    replicationSource = src;
                    m.replication = c.replication();
                    m.problems.addAll(c.replication().problems(c.source() + ": replication.", account, region));
                }
            }
            if (c.registryPolicy() != null) {
                if (policySource != null) {
                    m.problems.add("registryPolicy from " + src + " is a second registry policy for " + registry
                            + " (" + policySource + " declares one): ECR keeps one a registry."
                            + " Hint: declare all registry policy statements in one place");
                } else {
                    policySource = src;
                    m.policy = c.registryPolicy();
                    m.problems.addAll(c.registryPolicy().problems(c.source() + ": registryPolicy."));
                }
            }
            for (RegistryPullThroughCacheRuleProps rule : c.cacheRules()) {
                String ns = rule.namespace();
                RegistryPullThroughCacheRuleProps earlier = m.cacheRules.get(ns);
                if (earlier == null) {
                    m.cacheRules.put(ns, rule);
                    cacheSources.put(ns, c.source());
                } else if (!earlier.equals(rule)) {
                    m.problems.add("cacheRules: namespace \"" + ns + "\" from " + src + " differs from the rule "
                            + quote(cacheSources.get(ns)) + " declares for it in " + registry
                            + ": one rule per namespace. Hint: make both rules identical or use another prefix");
                }
            }
            for (RepositoryCreationTemplateProps template : c.templates()) {
                String prefix = template.prefix();
                RepositoryCreationTemplateProps earlier = m.templates.get(prefix);
                if (earlier == null) {
                    m.templates.put(prefix, template);
                    templateSources.put(prefix, c.source());
                } else if (!earlier.equals(template)) {
                    m.problems.add("templates: prefix \"" + prefix + "\" from " + src + " differs from the template "
                            + quote(templateSources.get(prefix)) + " declares for it in " + registry
                            + ": one template per prefix. Hint: make both templates identical or use another prefix");
                }
            }
            m.exclusions.addAll(c.exclusions());
        }

        m.problems.addAll(RegistryPullThroughCacheRuleProps.registryProblems("cacheRules", List.copyOf(m.cacheRules.values()), account));
        int t = 0;
        for (RepositoryCreationTemplateProps template : m.templates.values()) {
            String path = templateSources.get(template.prefix()) + ": templates[\"" + template.prefix() + "\"].";
            m.problems.addAll(template.problems(path).stream()
                    .filter(p -> !p.startsWith(path + "encryptionKey") && !p.startsWith(path + "role")).toList());
            t++;
        }
        if (!m.templates.isEmpty() && props.encryptionKey() == null) {
            m.problems.add("encryptionKey is missing: " + t + " repository creation template(s) encrypt with the region's"
                    + " KMS key. Hint: pass the registry stack's key");
        }
        int e = 0;
        for (String principal : m.exclusions) {
            m.problems.addAll(PullTimeUpdateExclusionProps.of(principal).problems("exclusions[" + e++ + "]."));
        }
        if (m.exclusions.size() > PullTimeUpdateExclusionProps.MAX_EXCLUSIONS) {
            m.problems.add("exclusions has " + m.exclusions.size() + " principals: ECR accepts at most "
                    + PullTimeUpdateExclusionProps.MAX_EXCLUSIONS + " pull-time update exclusions an account."
                    + " Hint: exclude shared roles rather than one per service");
        }

        // Templates cannot set scanning: what ECR creates is scanned only if registry rules cover it.
        for (RepositoryCreationTemplateProps template : m.templates.values()) {
            String prefix = template.prefix();
            if (m.scanning != null && prefix != null && !Tokens.isUnresolved(prefix) && !m.scanning.scansAutomatically(prefix)) {
                m.problems.add("templates: prefix \"" + prefix + "\" from " + quote(templateSources.get(prefix)) + " is not covered"
                        + " by an automatic scanning rule of " + registry + ": repositories ECR creates there would never"
                        + " be scanned (templates cannot set scanning). Hint: add the filter \"" + coveringFilter(prefix)
                        + "\" to a SCAN_ON_PUSH or CONTINUOUS_SCAN rule");
            }
        }
        for (RegistryPullThroughCacheRuleProps rule : m.cacheRules.values()) {
            String ns = rule.namespace();
            if (ns == null || Tokens.isUnresolved(ns)) {
                continue;
            }
            if (m.scanning != null && !m.scanning.scansAutomatically(ns)) {
                m.problems.add("cacheRules: namespace \"" + ns + "\" from " + quote(cacheSources.get(ns)) + " is not covered by an"
                        + " automatic scanning rule of " + registry + ": cached base images would never be scanned."
                        + " Hint: add the filter \"" + coveringFilter(ns) + "\" to a SCAN_ON_PUSH or CONTINUOUS_SCAN rule");
            }
            RepositoryCreationTemplateProps template = m.templates.containsKey(ns) ? m.templates.get(ns) : m.templates.get("ROOT");
            if (template == null || !template.appliedFor().contains(CreationTemplateAppliedFor.PULL_THROUGH_CACHE)) {
                m.problems.add("cacheRules: namespace \"" + ns + "\" from " + quote(cacheSources.get(ns)) + " has no"
                        + " PULL_THROUGH_CACHE repository creation template in " + registry + ": cached repositories would"
                        + " get AES256 encryption and no lifecycle policy. Hint: add a PULL_THROUGH_CACHE template with"
                        + " prefix \"" + ns + "\"");
            }
        }
        return m;
    }

    private static void mergeScanning(Merged m, List<RegistryContribution> contributions, String registry) {
        RegistryScanType type = null;
        String typeSource = null;
        record Sourced(String source, RegistryScanFrequency frequency, String filter) {
        }
        List<Sourced> filters = new ArrayList<>();
        for (RegistryContribution c : contributions) {
            if (c.scanning() == null) {
                continue;
            }
            String src = quote(c.source());
            m.problems.addAll(c.scanning().problems(c.source() + ": scanning."));
            if (type == null) {
                type = c.scanning().scanType();
                typeSource = src;
            } else if (type != c.scanning().scanType()) {
                m.problems.add("scanning from " + src + " sets scanType " + c.scanning().scanType() + " but " + typeSource
                        + " sets " + type + ": " + registry + " has one scan type. Hint: use the same scan type in both, or"
                        + " give one of them its own account or region");
            }
            for (RegistryScanningRule rule : c.scanning().rules()) {
                if (rule.frequency() == null) {
                    continue;
                }
                for (String filter : rule.filters()) {
                    if (filter == null) {
                        continue;
                    }
                    for (Sourced other : filters) {
                        if (!other.source().equals(src) && other.frequency() != rule.frequency()
                                && RegistryWildcard.overlap(other.filter(), filter)) {
                            m.problems.add("scanning filter \"" + filter + "\" (" + rule.frequency() + ") from " + src
                                    + " overlaps filter \"" + other.filter() + "\" (" + other.frequency() + ") from "
                                    + other.source() + " in " + registry + ": a repository matched by both would get two scan"
                                    + " frequencies. Hint: use filters that separate them, e.g. \"shop/dev/*\" and \"shop/prod/*\"");
                        }
                    }
                    filters.add(new Sourced(src, rule.frequency(), filter));
                }
            }
        }
        if (type == null) {
            // Nothing asks for scanning: the registry's configuration belongs to someone else and stays as it is.
            m.scanning = null;
            return;
        }
        Map<RegistryScanFrequency, Set<String>> byFrequency = new LinkedHashMap<>();
        for (Sourced s : filters) {
            byFrequency.computeIfAbsent(s.frequency(), f -> new LinkedHashSet<>()).add(s.filter());
        }
        // The catch-all is exempt from the overlap check above: where it overlaps a CONTINUOUS_SCAN rule ECR
        // scans continuously, so a SCAN_ON_PUSH catch-all never lowers another rule's frequency.
        for (RegistryContribution c : contributions) {
            if (c.scanOtherRepositories() == null) {
                continue;
            }
            if (c.scanning() == null) {
                m.problems.add("scanOtherRepositories from " + quote(c.source()) + " needs scanning for the scan type of "
                        + registry + ". Hint: give the contribution a scanning configuration");
                continue;
            }
            byFrequency.computeIfAbsent(c.scanOtherRepositories(), f -> new LinkedHashSet<>()).add("*");
        }
        List<RegistryScanningRule> rules = byFrequency.entrySet().stream()
                .map(e -> new RegistryScanningRule(e.getKey(), List.copyOf(e.getValue()))).toList();
        m.scanning = new RegistryScanningProps(type, rules);
        for (RegistryScanningRule rule : rules) {
            if (rule.filters().size() > RegistryScanningProps.MAX_FILTERS_PER_RULE) {
                m.problems.add("scanning: the merged " + rule.frequency() + " rule of " + registry + " has "
                        + rule.filters().size() + " filters: ECR accepts at most " + RegistryScanningProps.MAX_FILTERS_PER_RULE
                        + " filters a rule. Hint: group repositories with a wildcard, e.g. \"shop/*\"");
            }
        }
    }

    private static RepositoryCreationTemplateProps complete(RepositoryCreationTemplateProps t, RegistrySettingsProps props,
                                                            RepositoryCreationTemplateRole role) {
        return new RepositoryCreationTemplateProps(t.prefix(), t.appliedFor(),
                Objects.requireNonNullElse(t.encryptionKey(), props.encryptionKey()),
                Objects.requireNonNullElse(t.role(), role.role()), t.lifecyclePolicy(), t.description(), t.resourceTags(),
                t.repositoryPolicy(), t.mutableTagExclusions());
    }

    private static String coveringFilter(String prefix) {
        return "ROOT".equals(prefix) ? "*" : (prefix.endsWith("/") ? prefix : prefix + "/") + "*";
    }

    private static String quote(String source) {
        return "\"" + source + "\"";
    }

    private static String idOf(String value) {
        return value.replace('/', '_').replace(':', '_');
    }
}
