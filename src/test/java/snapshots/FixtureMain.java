package snapshots;

import software.amazon.awscdk.App;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Synthesizes the base fixture stack in a JVM of its own and writes its canonical template to the file
 * named by the second argument (the first is the cdk.json to load): the "other machine" of the
 * determinism test.
 */
public final class FixtureMain {

    private FixtureMain() {
    }

    public static void main(String[] args) throws Exception {
        App app = SnapshotApp.create(Path.of(args[0]));
        var stack = FixtureStacks.build(app, FixtureStacks.Variant.BASE);
        Files.writeString(Path.of(args[1]), Synthesis.of(stack).canonical(stack.getStackName()), StandardCharsets.UTF_8);
        System.exit(0);
    }
}
