package stacks;

import constructs.registry.RegistryContribution;
import constructs.registry.RegistryPolicy;
import constructs.registry.RegistryPolicyProps;
import constructs.registry.RegistryPolicyStatement;
import constructs.registry.RepositoryCreationTemplateProps;
import constructs.repository.RepositoryPolicy;
import limits.AwsLimits;
import platform.DerivedRule;
import platform.EnvironmentSpec;
import platform.Platform;
import platform.Problem;
import platform.Service;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.regioninfo.RegionInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * ECR's {@link AwsLimits#ECR_POLICY_TEXT}-character limit on the policies the stacks write, checked by {@code validate}
 * before synthesis: each service's repository policy, the repository policy of each creation template, and each
 * registry policy.
 *
 * <p>Why here and not as a {@code SectionRules} of package {@code platform}: a policy's size depends on everything
 * that renders it (which pullers and promoters a repository grants, the persona's actions, role names, statement ids
 * and the JSON of each statement), and all of that lives in the stacks and the constructs, which {@code platform} may
 * not use. A rule in {@code platform} would have to repeat the rendering, and drift from it. This rule builds the very
 * policies the stacks give the constructs ({@link EnvironmentStack}'s repository policy, {@link RegistryPlan}'s
 * contributions) and measures them as the constructs do ({@link RepositoryPolicy#length(String, String)},
 * {@link RegistryPolicy#length(RegistryPolicyProps, String, String)}), without building an App. The loader runs it
 * once the file's own rules pass ({@link platform.PlatformLoader#load(java.nio.file.Path, List)}) and gives its
 * problems the file's lines.
 *
 * <p>The partition is the region's, as the stacks render it with cdk.json's {@code @aws-cdk/core:enablePartitionLiterals};
 * a region CDK does not know is counted at the longest partition, as synthesis counts a token.
 */
public final class PolicySizeRule implements DerivedRule {

    /** The rules {@code validate} and {@code cdk synth} run on a platform file after its own: this one. */
    public static final List<DerivedRule> RULES = List.of(new PolicySizeRule());

    /** Creates the rule; it holds no state. */
    public PolicySizeRule() {
    }

    @Override
    public List<Problem> check(Platform platform) {
        List<Problem> problems = new ArrayList<>();
        for (EnvironmentSpec environment : platform.environments()) {
            for (Service service : platform.services()) {
                RepositoryPolicy policy = EnvironmentStack.repositoryPolicy(platform, environment, service);
                int length = policy.length(partition(environment.region()), environment.region());
                if (length > AwsLimits.ECR_POLICY_TEXT) {
                    problems.add(problem("pullers", "the repository policy of service \"" + service.name() + "\" in environment \""
                                    + environment.name() + "\" would be " + length + " characters for its "
                                    + policy.sids().size() + " statements (account and Lambda pullers, the next environment's"
                                    + " promoter); ECR allows " + AwsLimits.ECR_POLICY_TEXT,
                            "grant whole accounts instead of single roles (drop roleArn), or narrow the pullers to the"
                                    + " services they use (pullers[].services)"));
                }
            }
        }
        RegistryPlan.of(platform).contributions().forEach((registry, contributions) -> {
            for (RegistryContribution contribution : contributions) {
                if (contribution.registryPolicy() != null) {
                    registryPolicy(problems, registry, contribution.registryPolicy());
                }
                for (RepositoryCreationTemplateProps template : contribution.templates()) {
                    templatePolicy(problems, registry, template);
                }
            }
        });
        return problems;
    }

    private static void registryPolicy(List<Problem> problems, RegistryPlan.Registry registry, RegistryPolicyProps props) {
        int length = RegistryPolicy.length(props, registry.region(), registry.account());
        if (length <= AwsLimits.ECR_POLICY_TEXT) {
            return;
        }
        boolean replication = props.statements().stream().map(RegistryPolicyStatement::sid)
                .anyMatch(sid -> sid.startsWith("ReplicationFrom"));
        problems.add(problem(replication ? "registry.replication" : "pullers", "the registry policy of account "
                        + registry.account() + ", region " + registry.region() + " would be " + length + " characters for its "
                        + props.statements().size() + " statements (one for each other account that replicates into it or"
                        + " pulls through its cache); ECR allows " + AwsLimits.ECR_POLICY_TEXT,
                replication ? "replicate into this registry from fewer accounts (the environments of one account share a"
                        + " statement), or send some environments' replicas to another region"
                        : "let fewer accounts pull through the cache, or drop their roleArn to grant whole accounts"));
    }

    private static void templatePolicy(List<Problem> problems, RegistryPlan.Registry registry, RepositoryCreationTemplateProps template) {
        RepositoryPolicy policy = template.repositoryPolicy();
        if (policy == null || policy.isEmpty()) {
            return;
        }
        int length = policy.length(partition(registry.region()), registry.region());
        if (length > AwsLimits.ECR_POLICY_TEXT) {
            problems.add(problem("pullers", "the repository policy ECR gives the repositories it creates under \""
                            + template.prefix() + "\" in account " + registry.account() + ", region " + registry.region()
                            + " (creation template for " + template.appliedFor() + ") would be " + length + " characters for its "
                            + policy.sids().size() + " statements; ECR allows " + AwsLimits.ECR_POLICY_TEXT,
                    "grant whole accounts instead of single roles (drop roleArn), or pull in fewer regions"));
        }
    }

    /** The partition the stacks write for a region, as CDK resolves it: the region's, or the pseudo parameter. */
    private static String partition(String region) {
        String partition = RegionInfo.get(region).getPartition();
        return partition == null ? Aws.PARTITION : partition;
    }

    private static Problem problem(String path, String what, String hint) {
        return new Problem(path, null, what, hint);
    }
}
