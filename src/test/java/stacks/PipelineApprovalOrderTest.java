package stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import platform.EnvironmentSpec;
import platform.Platform;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prod stays behind its approval: read from the synthesized CodePipeline definition (what AWS executes), no action
 * that changes an environment's stacks runs before a manual approval that guards that environment or an earlier one.
 *
 * <p>"Changes environment E" is read from the templates, not from our ownership code: a stack tagged
 * {@code environment=E}; a stack holding registry-wide ECR settings in E's account and region; a stack holding
 * registry settings where some replication rule copies E's repositories to.
 */
@Tag("validated")
class PipelineApprovalOrderTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Registry-wide ECR resources: one per account and region, they govern every repository there. */
    static final Set<String> REGISTRY_TYPES = Set.of("AWS::ECR::RegistryScanningConfiguration", "AWS::ECR::ReplicationConfiguration",
            "AWS::ECR::PullThroughCacheRule", "AWS::ECR::RepositoryCreationTemplate", "AWS::ECR::RegistryPolicy",
            "AWS::ECR::SigningConfiguration");
    /** CloudFormation action modes that change a stack; CHANGE_SET_REPLACE only prepares a change set. */
    static final Set<String> CHANGING_MODES = Set.of("CHANGE_SET_EXECUTE", "CREATE_UPDATE", "REPLACE_ON_FAILURE", "DELETE_ONLY");

    /** One action of the pipeline at its place: stage index, then run order. */
    record Position(int stage, int runOrder, String stageName, String actionName) {
        boolean after(Position other) {
            return stage > other.stage || (stage == other.stage && runOrder > other.runOrder);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"delivery", "multi-account"})
    void noStackThatChangesAnEnvironmentRunsBeforeTheApprovalGuardingIt(String example) {
        Platform platform = ExampleAssemblies.platform(example);
        CloudAssembly assembly = ExampleAssemblies.of(example);
        Map<String, CloudFormationStackArtifact> stacks = new HashMap<>();
        assembly.getStacksRecursively().forEach(s -> stacks.put(s.getStackName(), s));
        JsonNode pipelineStages = pipelineStages(stacks.get(DeliveryPipeline.stackName(platform.name())));
        List<EnvironmentSpec> order = DeliveryPipeline.promotionOrder(platform);

        List<Position> approvals = new ArrayList<>();
        Map<Position, String> changes = new HashMap<>();
        for (int i = 0; i < pipelineStages.size(); i++) {
            JsonNode stage = pipelineStages.get(i);
            for (JsonNode action : stage.get("Actions")) {
                Position at = new Position(i, action.path("RunOrder").asInt(1), stage.get("Name").asText(), action.get("Name").asText());
                JsonNode type = action.get("ActionTypeId");
                if (type.get("Category").asText().equals("Approval")) {
                    approvals.add(at);
                } else if (type.get("Provider").asText().equals("CloudFormation")
                        && CHANGING_MODES.contains(action.get("Configuration").get("ActionMode").asText())) {
                    changes.put(at, action.get("Configuration").get("StackName").asText());
                }
            }
        }
        assertThat(approvals).as("the prod stage of %s starts with an approval", example).isNotEmpty();

        // An approved stage may hold several approvals (one per layer of its stacks' dependencies): the first guards it.
        Map<String, Position> guards = new java.util.LinkedHashMap<>();
        approvals.forEach(a -> guards.merge(a.stageName(), a, (x, y) -> y.after(x) ? x : y));
        approvals = new ArrayList<>(guards.values());
        List<String> violations = new ArrayList<>();
        for (Position approval : approvals) {
            int guarded = indexOf(order, approval.stageName());
            assertThat(guarded).as("approval %s guards a stage named after an environment", approval).isNotNegative();
            for (EnvironmentSpec env : order.subList(guarded, order.size())) {
                changes.forEach((at, stackName) -> {
                    if (changesEnvironment(stacks.get(stackName), env, platform, stacks.values()) && !at.after(approval)) {
                        violations.add(stackName + " (" + at.stageName() + "/" + at.actionName() + ") changes " + env.name()
                                + " before the approval " + approval.stageName() + "/" + approval.actionName());
                    }
                });
            }
        }
        assertThat(violations).isEmpty();
        // the test is not empty: every environment behind an approval is changed by some action after it
        for (Position approval : approvals) {
            EnvironmentSpec guarded = order.get(indexOf(order, approval.stageName()));
            assertThat(changes.entrySet()).anySatisfy(e -> {
                assertThat(e.getKey().after(approval)).isTrue();
                assertThat(changesEnvironment(stacks.get(e.getValue()), guarded, platform, stacks.values())).isTrue();
            });
        }
    }

    /**
     * Approvers see what they approve: in every stage behind an approval, each stack's change set is prepared
     * (CHANGE_SET_REPLACE) before a manual approval of that stage and executed (CHANGE_SET_EXECUTE) after it, and no
     * action of the stage changes a stack in any other way.
     */
    @ParameterizedTest
    @ValueSource(strings = {"delivery", "multi-account"})
    void everyStackBehindAnApprovalPreparesItsChangeSetBeforeTheApprovalAndExecutesItAfter(String example) {
        Platform platform = ExampleAssemblies.platform(example);
        CloudAssembly assembly = ExampleAssemblies.of(example);
        Map<String, CloudFormationStackArtifact> stacks = new HashMap<>();
        assembly.getStacksRecursively().forEach(s -> stacks.put(s.getStackName(), s));
        JsonNode pipelineStages = pipelineStages(stacks.get(DeliveryPipeline.stackName(platform.name())));
        List<String> approved = ApprovalGates.defaultApprovalBefore(platform);
        List<String> checked = new ArrayList<>();
        for (JsonNode stage : pipelineStages) {
            String environment = stage.get("Name").asText().replaceFirst("\\.[0-9]+$", "");
            if (!approved.contains(environment)) {
                continue;
            }
            List<Integer> approvalRuns = new ArrayList<>();
            Map<String, Integer> prepared = new HashMap<>();
            Map<String, Integer> executed = new HashMap<>();
            for (JsonNode action : stage.get("Actions")) {
                int run = action.path("RunOrder").asInt(1);
                JsonNode type = action.get("ActionTypeId");
                if (type.get("Category").asText().equals("Approval")) {
                    approvalRuns.add(run);
                    continue;
                }
                assertThat(type.get("Provider").asText()).as("%s/%s", stage.get("Name"), action.get("Name")).isEqualTo("CloudFormation");
                String mode = action.at("/Configuration/ActionMode").asText();
                String stackName = action.at("/Configuration/StackName").asText();
                switch (mode) {
                    case "CHANGE_SET_REPLACE" -> prepared.put(stackName, run);
                    case "CHANGE_SET_EXECUTE" -> executed.put(stackName, run);
                    default -> throw new AssertionError(stackName + " changes by " + mode + " in " + stage.get("Name")
                            + ", not through a change set prepared before the approval");
                }
            }
            assertThat(executed.keySet()).as("stacks of %s", stage.get("Name")).isEqualTo(prepared.keySet());
            executed.forEach((stackName, run) -> {
                int prepare = prepared.get(stackName);
                assertThat(approvalRuns).as("%s: an approval after its change set is prepared (run %d) and before it is"
                        + " executed (run %d)", stackName, prepare, run).anyMatch(a -> prepare < a && a < run);
                checked.add(stackName);
            });
        }
        // every stack that changes an approved environment (its own, registry settings where it lives) was among them
        for (String env : approved) {
            EnvironmentSpec spec = platform.environment(env).orElseThrow();
            stacks.values().stream()
                    .filter(s -> changesEnvironment(s, spec, platform, stacks.values()))
                    .forEach(s -> assertThat(checked).as("stacks behind the approval of %s", env).contains(s.getStackName()));
        }
        assertThat(checked).contains(platform.name() + "-prod");
    }

    static int indexOf(List<EnvironmentSpec> order, String name) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    static boolean changesEnvironment(CloudFormationStackArtifact stack, EnvironmentSpec env, Platform platform,
                                      Iterable<CloudFormationStackArtifact> all) {
        if (env.name().equals(stack.getTags().get("environment"))) {
            return true;
        }
        JsonNode resources = template(stack).path("Resources");
        boolean registryWide = false;
        for (JsonNode resource : resources) {
            registryWide |= REGISTRY_TYPES.contains(resource.get("Type").asText());
        }
        if (!registryWide) {
            return false;
        }
        String account = stack.getEnvironment().getAccount();
        String region = stack.getEnvironment().getRegion();
        if (env.account().equals(account) && env.region().equals(region)) {
            return true;
        }
        return replicatesInto(env, platform.repositoryPrefix(env), account, region, all);
    }

    /** Whether some replication configuration copies the environment's repositories into this account and region. */
    static boolean replicatesInto(EnvironmentSpec env, String prefix, String account, String region, Iterable<CloudFormationStackArtifact> all) {
        for (CloudFormationStackArtifact source : all) {
            if (!source.getEnvironment().getAccount().equals(env.account()) || !source.getEnvironment().getRegion().equals(env.region())) {
                continue;
            }
            for (JsonNode resource : template(source).path("Resources")) {
                if (!resource.get("Type").asText().equals("AWS::ECR::ReplicationConfiguration")) {
                    continue;
                }
                for (JsonNode rule : resource.at("/Properties/ReplicationConfiguration/Rules")) {
                    boolean covers = rule.path("RepositoryFilters").isEmpty();
                    for (JsonNode filter : rule.path("RepositoryFilters")) {
                        covers |= prefix.startsWith(filter.get("Filter").asText());
                    }
                    for (JsonNode destination : rule.get("Destinations")) {
                        if (covers && destination.get("Region").asText().equals(region)
                                && destination.get("RegistryId").asText().equals(account)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    static JsonNode pipelineStages(CloudFormationStackArtifact pipelineStack) {
        for (JsonNode resource : template(pipelineStack).get("Resources")) {
            if (resource.get("Type").asText().equals("AWS::CodePipeline::Pipeline")) {
                return resource.at("/Properties/Stages");
            }
        }
        throw new AssertionError("no AWS::CodePipeline::Pipeline in " + pipelineStack.getStackName());
    }

    static JsonNode template(CloudFormationStackArtifact stack) {
        try {
            return JSON.readTree(Path.of(stack.getTemplateFullPath()).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
