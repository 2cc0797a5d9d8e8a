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
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.regioninfo.RegionInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

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
 * problems the file's lines. A service's {@code repositoryPolicyStatements} join its generated statements in one
 * document ({@link RepositoryPolicy#toPolicyDocument(String, String)}), which this rule resolves and measures as the
 * repository does ({@link RepositoryPolicy#length(software.constructs.IConstruct, PolicyDocument)}).
 *
 * <p>The partition is the region's, as the stacks render it with cdk.json's {@code @aws-cdk/core:enablePartitionLiterals};
 * a region CDK does not know is counted at the longest partition, as synthesis counts a token.
 */
public final class PolicySizeRule implements DerivedRule {

    /**
     * The rules {@code validate} and {@code cdk synth} run on a platform file after its own: this one and what each
     * registry stack merges ({@link RegistrySettingsRule}).
     */
    public static final List<DerivedRule> RULES = List.of(new PolicySizeRule(), new RegistrySettingsRule());

    /** Creates the rule; it holds no state. */
    public PolicySizeRule() {
    }

    @Override
    public List<Problem> check(Platform platform) {
        List<Problem> problems = new ArrayList<>();
        try (EscapeHatchScope scope = new EscapeHatchScope()) {
            for (EnvironmentSpec environment : platform.environments()) {
                for (int i = 0; i < platform.services().size(); i++) {
                    repositoryPolicy(problems, platform, environment, i, scope);
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

    private static void repositoryPolicy(List<Problem> problems, Platform platform, EnvironmentSpec environment,
                                         int index, EscapeHatchScope scope) {
        Service service = platform.services().get(index);
        RepositoryPolicy policy = EnvironmentStack.repositoryPolicy(platform, environment, service);
        String partition = partition(environment.region());
        int length = policy.length(partition, environment.region());
        if (length > AwsLimits.ECR_POLICY_TEXT) {
            problems.add(problem("pullers", "the repository policy of service \"" + service.name() + "\" in environment \""
                            + environment.name() + "\" would be " + length + " characters for its "
                            + policy.sids().size() + " statements (account and Lambda pullers, the next environment's"
                            + " promoter); ECR allows " + AwsLimits.ECR_POLICY_TEXT,
                    "grant whole accounts instead of single roles (drop roleArn), or narrow the pullers to the"
                            + " services they use (pullers[].services)"));
            return;
        }
        List<PolicyStatement> added = EnvironmentStack.escapeHatchStatements(service);
        if (added.isEmpty()) {
            return;
        }
        // The repository writes the generated statements and the added ones as one document (PrivateRepository).
        PolicyDocument document = policy.toPolicyDocument(partition, environment.region());
        added.forEach(document::addStatements);
        int withAdded = RepositoryPolicy.length(scope.get(), document);
        if (withAdded > AwsLimits.ECR_POLICY_TEXT) {
            problems.add(problem("services[" + index + "].repositoryPolicyStatements", "the repository policy of service \""
                            + service.name() + "\" in environment \"" + environment.name() + "\" would be " + withAdded
                            + " characters for these " + added.size() + " statements"
                            + (policy.isEmpty() ? "" : " and the " + policy.sids().size() + " generated ones (pullers, the next"
                            + " environment's promoter)") + "; ECR allows " + AwsLimits.ECR_POLICY_TEXT,
                    "merge the statements (one statement can list several principals and actions), or move grants to"
                            + " pullers, whose account grants share statements"));
        }
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

    /**
     * A stack to resolve the documents of services with {@code repositoryPolicyStatements} in, as their repositories'
     * stacks resolve them; made only when such a service exists. Its App's assembly folder (the CDK makes one for every
     * App) is a temporary folder removed again on close.
     */
    private static final class EscapeHatchScope implements AutoCloseable {
        private Path outdir;
        private Stack stack;

        Stack get() {
            if (stack == null) {
                try {
                    outdir = Files.createTempDirectory("ecr-blueprint-policy-size");
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create a temporary folder to size repository policies in", e);
                }
                stack = new Stack(new App(AppProps.builder().outdir(outdir.toString()).analyticsReporting(false).build()),
                        "PolicySize");
            }
            return stack;
        }

        @Override
        public void close() {
            if (outdir == null) {
                return;
            }
            try (Stream<Path> files = Files.walk(outdir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                // A leftover empty folder under the temporary directory; nothing of the user's.
            }
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
