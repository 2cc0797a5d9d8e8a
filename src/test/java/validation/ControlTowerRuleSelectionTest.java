package validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Synthesis shows each Control Tower rule file only the resources of the types it names ({@link ControlTowerRun}).
 * That is only right if AWS's rules agree that a file cannot see past its types: cfn-guard itself decides here, over
 * every example's templates and a template of other services that fails controls of several families, the whole
 * package over whole templates against our run.
 */
@Tag("validated")
class ControlTowerRuleSelectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ControlTowerRules rules;

    @BeforeAll
    static void findRules() {
        rules = ControlTowerRules.find(Path.of("")).orElseThrow(() -> new IllegalStateException("run npm ci"));
    }

    @Test
    void eachRuleFileOverItsOwnTypesGivesWhatTheWholePackageGivesOnEveryExampleTemplate(@TempDir Path work) throws IOException {
        List<Path> templates = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/snapshots"))) {
            for (Path snapshot : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                templates.add(reduced(snapshot, work));
            }
        }
        templates.add(Path.of("src/test/resources/validation/control-tower-other-services.template.json").toAbsolutePath());
        assertThat(templates).hasSizeGreaterThan(40);

        Map<Path, CfnGuard.TemplateResult> whole = CfnGuard.validate(rules.binary(), List.of(rules.rulesDirectory()), templates);
        Map<Path, CfnGuard.TemplateResult> selected = ControlTowerRun.evaluate(rules, templates);

        for (Path template : templates) {
            assertThat(selected.get(template)).as(template.toString()).isEqualTo(whole.get(template));
        }
        // The comparison must have had something to find: failures of families the examples do not use.
        Set<String> failedOtherServices = whole.get(templates.get(templates.size() - 1)).failedRules().keySet();
        assertThat(failedOtherServices).anyMatch(rule -> rule.startsWith("s3_"))
                .anyMatch(rule -> rule.startsWith("lambda_") || rule.startsWith("codebuild_") || rule.startsWith("sqs_"));
    }

    @Test
    void aTemplateOfOneServiceGetsOnlyThatServicesRuleFiles() {
        List<ControlTowerRules.RuleFile> files = rules.ruleFilesFor(Set.of("AWS::ECR::Repository"));

        assertThat(files).isNotEmpty().allSatisfy(file -> assertThat(file.file().toString()).contains("/ecr/"));
        assertThat(rules.ruleFilesFor(Set.of("AWS::Nothing::Here"))).isEmpty();
    }

    /**
     * The template with at most two resources of each type: whether a rule file applies depends on the types present,
     * and cfn-guard with all 237 files over the full snapshots would cost a minute of the suite.
     */
    private static Path reduced(Path snapshot, Path work) throws IOException {
        ObjectNode template = (ObjectNode) JSON.readTree(snapshot.toFile());
        ObjectNode kept = JSON.createObjectNode();
        Map<String, Integer> perType = new HashMap<>();
        template.path("Resources").fields().forEachRemaining(entry -> {
            String type = entry.getValue().path("Type").asText();
            if (perType.merge(type, 1, Integer::sum) <= 2) {
                kept.set(entry.getKey(), entry.getValue());
            }
        });
        template.set("Resources", kept);
        Path out = work.resolve(snapshot.getParent().getFileName() + "-" + snapshot.getFileName()).toAbsolutePath();
        JSON.writeValue(out.toFile(), template);
        return out;
    }
}
