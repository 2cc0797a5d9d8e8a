package release;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code bin/upgrade-cdk} on a temporary git copy of the files it edits (the real ones of this repository), with
 * stand-ins for {@code mvn} and {@code npm} on the PATH that record their arguments: no network, no recursive build.
 * The stand-in {@code mvn} rewrites a snapshot when asked to update snapshots, as a new aws-cdk-lib would.
 */
class UpgradeCdkScriptTest {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final List<String> NEW_VERSIONS = List.of(
            "--offline", "--aws-cdk-lib", "2.299.0", "--constructs", "10.9.1", "--jsii-runtime", "1.150.0",
            "--asset-awscli", "2.2.300", "--jackson", "2.23.0", "--cdk-nag", "2.38.1", "--cli", "2.1200.0",
            "--cloudformation-validate", "1.7.0");

    @TempDir
    Path copy;
    Path calls;
    Path stubs;

    @BeforeEach
    void copyOfTheRepository() throws Exception {
        for (String file : List.of("pom.xml", "package.json", "README.md", "bin/upgrade-cdk",
                "src/main/java/stacks/DeliveryPipelineStack.java")) {
            Path target = copy.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(ROOT.resolve(file), target);
        }
        Path snapshot = copy.resolve("src/test/resources/snapshots/ecommerce/shop-prod.json");
        Files.createDirectories(snapshot.getParent());
        Files.writeString(snapshot, "{\n  \"Description\": \"built with the old aws-cdk-lib\"\n}\n");
        git("init", "-q");
        git("add", "-A");
        git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "base");

        calls = copy.resolve("calls.txt");
        stubs = Files.createDirectories(copy.resolve("stubs"));
        stub("npm", "echo \"npm $*\" >> \"$CALLS\"\n");
        stub("mvn", """
                echo "mvn $*" >> "$CALLS"
                if [[ "$*" == *snapshots.update=true* ]]; then
                  printf '{\\n  "Description": "built with the new aws-cdk-lib"\\n}\\n' > src/test/resources/snapshots/ecommerce/shop-prod.json
                fi
                if [[ "$*" == *verify* ]]; then exit "${VERIFY_EXIT:-0}"; fi
                """);
    }

    void stub(String name, String body) throws IOException {
        Path file = stubs.resolve(name);
        Files.writeString(file, "#!/usr/bin/env bash\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        assertThat(Processes.run(copy, Map.of(), command).exit()).isZero();
    }

    Processes.Run upgrade(Map<String, String> env, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "bin/upgrade-cdk"));
        command.addAll(args);
        var environment = new java.util.HashMap<>(env);
        environment.put("PATH", stubs + ":" + System.getenv("PATH"));
        environment.put("CALLS", calls.toString());
        return Processes.run(copy, environment, command);
    }

    String read(String file) throws IOException {
        return Files.readString(copy.resolve(file));
    }

    @Test
    void bumpsEveryPinTogetherRunsTheSuiteAndWritesTheSnapshotDiff() throws Exception {
        Processes.Run run = upgrade(Map.of(), NEW_VERSIONS);

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(read("pom.xml"))
                .contains("<aws-cdk-lib.version>2.299.0</aws-cdk-lib.version>",
                        "<constructs.version>10.9.1</constructs.version>",
                        "<jsii-runtime.version>1.150.0</jsii-runtime.version>",
                        "<cdk-asset-awscli-v1.version>2.2.300</cdk-asset-awscli-v1.version>",
                        "<jackson.version>2.23.0</jackson.version>",
                        "<cdknag.version>2.38.1</cdknag.version>")
                .doesNotContain("<aws-cdk-lib.version>2.263.0<");
        assertThat(read("src/main/java/stacks/DeliveryPipelineStack.java"))
                .contains("CDK_CLI_VERSION = \"2.1200.0\"");
        assertThat(read("README.md")).contains("aws-cdk-lib 2.299.0", "jsii-runtime 1.150.0", "cdk-nag 2.38.1", "aws-cdk 2.1200.0")
                .doesNotContain("aws-cdk-lib 2.263.0", "jsii-runtime 1.139.0");
        assertThat(Files.readAllLines(calls)).containsExactly(
                "npm install --save-exact --no-audit --no-fund aws-cdk@2.1200.0 @aws/cloudformation-validate@1.7.0",
                "mvn -q test -Dsnapshots.update=true -Dgroups=validated -Dtest=ExampleSnapshotsTest",
                "mvn verify");
        assertThat(read("target/upgrade-cdk/snapshots.diff"))
                .contains("-  \"Description\": \"built with the old aws-cdk-lib\"",
                        "+  \"Description\": \"built with the new aws-cdk-lib\"");
        assertThat(read("target/upgrade-cdk/SUMMARY.md"))
                .contains("| aws-cdk-lib | 2.263.0 | 2.299.0 |", "| cdk-nag | 2.37.55 | 2.38.1 |",
                        "| aws-cdk (CLI) | 2.1148.1 | 2.1200.0 |", "Suite: passed", "shop-prod.json");
    }

    @Test
    void aFailingSuiteFailsTheUpgradeAndStillWritesTheReviewArtifact() throws Exception {
        Processes.Run run = upgrade(Map.of("VERIFY_EXIT", "1"), NEW_VERSIONS);

        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        assertThat(read("target/upgrade-cdk/SUMMARY.md")).contains("Suite: FAILED");
        assertThat(read("target/upgrade-cdk/snapshots.diff")).contains("+  \"Description\": \"built with the new aws-cdk-lib\"");
    }

    @Test
    void offlineWithoutEveryVersionNamesTheMissingOneAndChangesNothing() throws Exception {
        Processes.Run run = upgrade(Map.of(), List.of("--offline", "--aws-cdk-lib", "2.299.0"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("--offline: give --constructs");
        assertThat(read("pom.xml")).isEqualTo(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(calls).doesNotExist();
    }
}
