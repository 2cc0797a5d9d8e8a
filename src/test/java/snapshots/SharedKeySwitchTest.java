package snapshots;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import platform.PlatformLoader;
import software.amazon.awscdk.App;
import stacks.PlatformStacks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sharedKey} is chosen when an environment is created: switching an existing environment either way changes
 * its repositories' key (ECR cannot; the fixed names make CloudFormation refuse the replacement) and removes a key.
 * The replacement guard the snapshot suites run reports both, so the switch never reaches a deployment unreviewed.
 */
class SharedKeySwitchTest {

    static Synthesis own;
    static Synthesis shared;

    @BeforeAll
    static void synth() throws Exception {
        String text = Files.readString(Path.of("examples/shared-key/platform.yaml"));
        shared = synthesize(text);
        own = synthesize(text.replace("    sharedKey: true\n", ""));
    }

    static Synthesis synthesize(String text) {
        App app = SnapshotApp.create();
        PlatformStacks.create(app, PlatformLoader.parse("examples/shared-key/platform.yaml", text), "examples/shared-key/platform.yaml");
        return Synthesis.of(app);
    }

    static List<Replacement> replacements(Synthesis base, Synthesis current) {
        return new ReplacementDetector(StatefulType.DEFAULTS).detect(base.templates(), current.templates());
    }

    @Test
    void turningSharedKeyOnForExistingEnvironmentsIsAReplacementOfEveryRepositoryAndTheirKeys() {
        List<Replacement> found = replacements(own, shared);

        assertThat(found).filteredOn(r -> r.type().equals("AWS::ECR::Repository"))
                .extracting(Replacement::stack, Replacement::kind).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("studio-dev", Replacement.Kind.CHANGES_CREATE_ONLY_PROPERTY),
                        org.assertj.core.groups.Tuple.tuple("studio-staging", Replacement.Kind.CHANGES_CREATE_ONLY_PROPERTY));
        assertThat(found).filteredOn(r -> r.type().equals("AWS::KMS::Key"))
                .allSatisfy(r -> assertThat(r.logicalId()).startsWith("RepositoryKey"))
                .extracting(Replacement::stack).containsExactlyInAnyOrder("studio-dev", "studio-staging");
        assertThat(found).noneMatch(r -> r.stack().equals("studio-prod"));
    }

    @Test
    void turningItOffIsOneToo() {
        assertThat(replacements(shared, own)).filteredOn(r -> r.type().equals("AWS::ECR::Repository")).hasSize(2)
                .allSatisfy(r -> assertThat(r.detail()).contains("EncryptionConfiguration"));
        assertThat(replacements(shared, own)).anySatisfy(r -> assertThat(r.logicalId()).startsWith("SharedRepositoryKey"));
    }
}
