package bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to bootstrap before the first deployment, read from a synthesized cloud assembly: every account and region a
 * stack deploys to, which of them trust the delivery pipeline's account ({@code cdk bootstrap --trust}), in which
 * order, and each account's execution policy ({@link ExecutionPolicy}).
 *
 * <p>Order: KMS rejects a key policy naming a principal that does not exist, and the pipeline's artifact keys name the
 * CDK deploy role of each target account and region. So the regions whose deploy role some key policy names are
 * bootstrapped first, then the others; within each group by account and region.
 *
 * @param platform        the platform's name, the prefix of every stack, role and policy name
 * @param pipelineAccount the delivery pipeline's account, or null without a pipeline
 * @param environments    the account-and-region bootstraps in the order to run them
 * @param policies        the execution policy documents of each account (usually one), by account
 * @param stacks          every stack of the assembly, by name
 */
public record BootstrapPlan(String platform, String pipelineAccount, List<Environment> environments,
                            Map<String, List<ObjectNode>> policies, List<DeployedStack> stacks) {

    /** The CDK's default bootstrap qualifier: the deploy role is {@code cdk-hnb659fds-deploy-role-<account>-<region>}. */
    static final Pattern DEPLOY_ROLE = Pattern.compile("cdk-[a-z0-9]+-deploy-role-([0-9]{12})-([a-z0-9-]+)");

    /**
     * One {@code cdk bootstrap}.
     *
     * @param trust           the account to pass to {@code --trust}, or null
     * @param namedByKeyPolicy the stacks whose KMS key policies name this region's deploy role (why it comes first)
     * @param stacks          the stacks deployed here
     */
    public record Environment(String account, String region, String trust, Set<String> namedByKeyPolicy, List<String> stacks) {
        public String key() {
            return account + "/" + region;
        }
    }

    public static BootstrapPlan of(CloudAssembly assembly, String platform) {
        return of(stacks(assembly), platform);
    }

    public static BootstrapPlan of(List<DeployedStack> stacks, String platform) {
        List<DeployedStack> pipelines = stacks.stream().filter(s -> !s.inPipeline() && s.isPipeline()).toList();
        if (pipelines.size() > 1) {
            throw new IllegalArgumentException("the assembly holds " + pipelines.size() + " delivery pipelines ("
                    + pipelines.stream().map(DeployedStack::name).toList() + "); the bootstrap plan knows one account to trust");
        }
        String pipelineAccount = pipelines.isEmpty() ? null : pipelines.get(0).account();
        if (pipelineAccount == null && stacks.stream().anyMatch(DeployedStack::inPipeline)) {
            throw new IllegalArgumentException("the assembly has stacks inside stages but no pipeline stack to deploy them");
        }
        Map<String, Set<String>> namedBy = new TreeMap<>();
        for (DeployedStack stack : stacks) {
            for (JsonNode resource : stack.template().path("Resources")) {
                if (resource.path("Type").asText().equals("AWS::KMS::Key")) {
                    Matcher m = DEPLOY_ROLE.matcher(resource.path("Properties").path("KeyPolicy").toString());
                    while (m.find()) {
                        namedBy.computeIfAbsent(m.group(1) + "/" + m.group(2), k -> new TreeSet<>()).add(stack.name());
                    }
                }
            }
        }
        Map<String, List<DeployedStack>> byEnvironment = new TreeMap<>();
        stacks.forEach(s -> byEnvironment.computeIfAbsent(s.account() + "/" + s.region(), k -> new ArrayList<>()).add(s));
        List<Environment> environments = new ArrayList<>();
        byEnvironment.forEach((key, here) -> {
            DeployedStack first = here.get(0);
            boolean trusts = pipelineAccount != null && !first.account().equals(pipelineAccount)
                    && here.stream().anyMatch(DeployedStack::inPipeline);
            environments.add(new Environment(first.account(), first.region(), trusts ? pipelineAccount : null,
                    namedBy.getOrDefault(key, Set.of()), here.stream().map(DeployedStack::name).sorted().toList()));
        });
        environments.sort(Comparator.comparing((Environment e) -> e.namedByKeyPolicy().isEmpty()).thenComparing(Environment::key));
        Map<String, List<ObjectNode>> policies = new TreeMap<>();
        Map<String, List<DeployedStack>> byAccount = new LinkedHashMap<>();
        stacks.forEach(s -> byAccount.computeIfAbsent(s.account(), k -> new ArrayList<>()).add(s));
        byAccount.forEach((account, here) -> policies.put(account, ExecutionPolicy.of(account, platform, here)));
        return new BootstrapPlan(platform, pipelineAccount, List.copyOf(environments), policies, List.copyOf(stacks));
    }

    /** Every stack of the assembly, nested stages included; a stack of a nested assembly is deployed by the pipeline. */
    public static List<DeployedStack> stacks(CloudAssembly assembly) {
        ObjectMapper json = new ObjectMapper();
        Path top = Path.of(assembly.getDirectory()).toAbsolutePath().normalize();
        List<DeployedStack> stacks = new ArrayList<>();
        for (CloudFormationStackArtifact artifact : assembly.getStacksRecursively()) {
            String account = artifact.getEnvironment().getAccount();
            String region = artifact.getEnvironment().getRegion();
            if (!account.matches("[0-9]{12}") || region.startsWith("unknown")) {
                throw new IllegalArgumentException("stack " + artifact.getStackName() + " has no explicit account and region ("
                        + account + "/" + region + "): a bootstrap plan needs to know where every stack deploys");
            }
            boolean nested = !Path.of(artifact.getAssembly().getDirectory()).toAbsolutePath().normalize().equals(top);
            try {
                stacks.add(new DeployedStack(artifact.getStackName(), account, region, nested,
                        json.readTree(Path.of(artifact.getTemplateFullPath()).toFile()),
                        Boolean.TRUE.equals(artifact.getTerminationProtection())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        stacks.sort(Comparator.comparing(DeployedStack::name));
        return stacks;
    }

    /** The stacks deployed into one account. */
    public List<DeployedStack> stacksIn(String account) {
        return stacks.stream().filter(s -> s.account().equals(account)).toList();
    }
}
