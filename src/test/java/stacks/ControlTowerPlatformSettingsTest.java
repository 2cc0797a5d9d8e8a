package stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import platform.PlatformLoader;
import snapshots.SnapshotApp;
import software.amazon.awscdk.App;
import validation.ControlTowerOutcomes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform file's compliance.controlTower reaches every template, where the Control Tower validation reads it:
 * a family left out is reported as not enforced, an exception with its reason.
 */
@Tag("validated")
class ControlTowerPlatformSettingsTest {

    @Test
    void familiesAndExceptionsOfThePlatformFileAreWrittenIntoEveryTemplateAndHonoured() throws IOException {
        var platform = PlatformLoader.parse("platform.yaml", """
                platform: shop
                environments:
                  - name: dev
                    account: "111111111111"
                    region: eu-west-1
                    profile: dev
                services:
                  - name: user-service
                compliance:
                  controlTower:
                    families: [ECR, S3]
                    exceptions:
                      - control: CT.KMS.PR.1
                        reason: a test of platform exceptions
                """);
        App app = SnapshotApp.create();
        PlatformStacks.create(app, platform);

        Path outdir = Path.of(app.synth().getDirectory());

        JsonNode template = new ObjectMapper().readTree(outdir.resolve("shop-dev.template.json").toFile());
        assertThat(template.at("/Metadata/EcrBlueprint::ControlTower/enforcedFamilies").toString()).isEqualTo("[\"ECR\",\"S3\"]");
        assertThat(template.at("/Metadata/EcrBlueprint::ControlTower/exceptions/0/reason").asText())
                .isEqualTo("a test of platform exceptions");
        // Every stack of the platform carries them, not only the environment's.
        assertThat(Files.readString(outdir.resolve("shop-registry-111111111111-eu-west-1.template.json")))
                .contains("EcrBlueprint::ControlTower");
        // The controls still ran: the ECR controls passed on the environment's repository.
        assertThat(ControlTowerOutcomes.read(outdir.resolve("shop-dev.template.json")).orElseThrow().controls())
                .filteredOn(control -> control.control().equals("CT.ECR.PR.3"))
                .singleElement().extracting(ControlTowerOutcomes.ControlOutcome::status)
                .isEqualTo(ControlTowerOutcomes.Status.PASS);
    }
}
