package stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed first deployment strands nothing: retained repositories and keys are RetainExceptOnCreate (removed when the
 * create that made them rolls back) and Retain on replacement; repositories and keys of DESTROY profiles stay Delete.
 */
@Tag("validated")
class RetainExceptOnCreateTest {

    static final Set<String> STATEFUL = Set.of("AWS::ECR::Repository", "AWS::KMS::Key");

    @Test
    void retainedRepositoriesAndKeysAreRemovedOnlyWhenTheirOwnCreateRollsBack() throws Exception {
        Map<String, List<String>> policies = policies("delivery");

        assertThat(policies.get("shop-prod")).isNotEmpty().allMatch(p -> p.equals("RetainExceptOnCreate/Retain"));
        assertThat(policies.get("shop-staging")).isNotEmpty().allMatch(p -> p.equals("RetainExceptOnCreate/Retain"));
        assertThat(policies.get("shop-registry-222222222222-eu-central-1")).containsExactly("RetainExceptOnCreate/Retain");
        assertThat(policies.get("shop-dev")).isNotEmpty().allMatch(p -> p.equals("Delete/Delete"));
    }

    static Map<String, List<String>> policies(String example) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<String>> byStack = new java.util.TreeMap<>();
        for (CloudFormationStackArtifact stack : ExampleAssemblies.of(example).getStacksRecursively()) {
            List<String> found = new ArrayList<>();
            for (JsonNode resource : json.readTree(Path.of(stack.getTemplateFullPath()).toFile()).path("Resources")) {
                if (STATEFUL.contains(resource.path("Type").asText())) {
                    found.add(resource.path("DeletionPolicy").asText("Delete") + "/" + resource.path("UpdateReplacePolicy").asText("Delete"));
                }
            }
            byStack.put(stack.getStackName(), found);
        }
        return byStack;
    }
}
