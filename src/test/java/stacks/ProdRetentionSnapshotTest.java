package stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import lifecycle.ActionType;
import lifecycle.CountType;
import lifecycle.LifecyclePolicy;
import lifecycle.LifecyclePolicyRule;
import lifecycle.ImageTagStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22: the lifecycle policies of every production repository and of every creation template that serves
 * production replicas, as the committed snapshots hold them, expire no tagged image by age. Only untagged images
 * expire by age; tagged images expire only by count (never-promoted builds beyond the newest N), and release and
 * promotion images only ever move to archive.
 */
class ProdRetentionSnapshotTest {

    static final Path SNAPSHOTS = Path.of("src/test/resources/snapshots");
    static final ObjectMapper JSON = new ObjectMapper();

    /** Each rule that would expire a tagged image by its age, described; empty when there is none. */
    static List<String> ageBasedExpiryOfTaggedImages(String where, LifecyclePolicy policy) {
        List<String> found = new ArrayList<>();
        for (LifecyclePolicyRule rule : policy.rules()) {
            boolean expires = rule.action().type() == ActionType.EXPIRE;
            boolean byAge = rule.selection().countType() != CountType.IMAGE_COUNT_MORE_THAN;
            boolean mayBeTagged = rule.selection().tagStatus() != ImageTagStatus.UNTAGGED;
            if (expires && byAge && mayBeTagged) {
                found.add(where + " rule " + rule.rulePriority() + ": " + rule.description());
            }
        }
        return found;
    }

    /** The lifecycle policies of prod repositories and of creation templates for prod replicas, per snapshot file. */
    static List<String> prodPolicies(Path snapshot, List<LifecyclePolicy> into) throws IOException {
        List<String> where = new ArrayList<>();
        JsonNode resources = JSON.readTree(snapshot.toFile()).path("Resources");
        for (var entry : (Iterable<java.util.Map.Entry<String, JsonNode>>) resources::fields) {
            JsonNode resource = entry.getValue();
            String type = resource.path("Type").asText();
            JsonNode properties = resource.path("Properties");
            String text = null;
            boolean prodStack = snapshot.getFileName().toString().endsWith("-prod.json");
            if (type.equals("AWS::ECR::Repository")
                    && (prodStack || properties.path("RepositoryName").asText().contains("/prod/"))) {
                text = properties.at("/LifecyclePolicy/LifecyclePolicyText").asText(null);
            } else if (type.equals("AWS::ECR::RepositoryCreationTemplate")
                    && properties.path("Prefix").asText().endsWith("/prod")) {
                text = properties.path("LifecyclePolicy").asText(null);
            }
            if (text != null) {
                into.add(LifecyclePolicy.parse(text));
                where.add(snapshot.getParent().getFileName() + "/" + snapshot.getFileName() + " " + entry.getKey());
            }
        }
        return where;
    }

    @Test
    void prodSnapshotsExpireNoTaggedImageByAge() throws IOException {
        List<LifecyclePolicy> policies = new ArrayList<>();
        List<String> where = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SNAPSHOTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                where.addAll(prodPolicies(file, policies));
            }
        }
        assertThat(where).as("prod repositories and REPLICATION templates in the snapshots")
                .anyMatch(w -> w.startsWith("ecommerce/shop-prod.json"))
                .anyMatch(w -> w.startsWith("ecommerce/shop-registry-222222222222-eu-central-1.json"));

        List<String> found = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            found.addAll(ageBasedExpiryOfTaggedImages(where.get(i), policies.get(i)));
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckFindsTheRuleIssue22Reported() {
        LifecyclePolicy before = LifecyclePolicy.parse("{\"rules\":[{\"rulePriority\":1,\"description\":\"Expire images "
                + "tagged v* 365 days after push\",\"selection\":{\"tagStatus\":\"tagged\",\"tagPatternList\":[\"v*\"],"
                + "\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":365},\"action\":{\"type\":\"expire\"}}]}");

        assertThat(ageBasedExpiryOfTaggedImages("before", before))
                .containsExactly("before rule 1: Expire images tagged v* 365 days after push");
    }
}
