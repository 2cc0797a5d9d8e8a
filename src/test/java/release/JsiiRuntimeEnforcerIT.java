package release;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enforcer rule of pom.xml (execution {@code jsii-runtime-matches-aws-cdk-lib}, in {@code validate}) ties the
 * pinned jsii-runtime to the one aws-cdk-lib's POM declares: the kernel-without-relay launch path depends on that
 * version's private layout. Run on a copy of the project's POM, so this build's own {@code target/} is never touched.
 */
class JsiiRuntimeEnforcerIT {

    static final String RULE = "enforcer:enforce@jsii-runtime-matches-aws-cdk-lib";

    static Processes.Run enforce(Path project, String... properties) throws Exception {
        Files.copy(NestedMaven.ROOT.resolve("pom.xml"), project.resolve("pom.xml"));
        String[] args = new String[properties.length + 2];
        args[0] = "-o";
        args[1] = RULE;
        System.arraycopy(properties, 0, args, 2, properties.length);
        return NestedMaven.run(project, args);
    }

    @Test
    void thePinnedJsiiRuntimePasses(@TempDir Path project) throws Exception {
        Processes.Run run = enforce(project);

        assertThat(run.exit()).as(run.out()).isZero();
    }

    @Test
    void anotherJsiiRuntimeThanAwsCdkLibDeclaresFailsTheBuildWithAHint(@TempDir Path project) throws Exception {
        Processes.Run run = enforce(project, "-Djsii-runtime.version=1.138.0");

        assertThat(run.exit()).as(run.out()).isNotZero();
        assertThat(run.out()).contains("jsii-runtime.version 1.138.0 is not the jsii-runtime aws-cdk-lib")
                .contains("Hint: set jsii-runtime.version in pom.xml to the version aws-cdk-lib declares");
    }
}
