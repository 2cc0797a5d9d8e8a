package release;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mvn -P release deploy -DskipUpload=true} on a copy of the project builds the bundle Maven Central would accept,
 * checked offline by {@link BundleCheck}. Where gpg is installed, the release is signed with a throwaway key made here
 * (MAVEN_GPG_KEY, as CI passes a real one) and every signature is verified with gpg; without gpg the bundle is checked
 * unsigned. Nothing is uploaded and nothing is installed into the local repository.
 *
 * <p>The copy reuses this build's compiled classes ({@code maven.main.skip}); the release build itself packs the jar
 * and builds the sources and javadoc jars, with the javadoc gate on.
 */
class ReleaseBundleIT {

    @TempDir
    Path work;

    @Test
    void theReleaseProfileBuildsABundleCentralWouldAccept() throws Exception {
        Path project = Files.createDirectories(work.resolve("project"));
        for (String file : List.of("pom.xml", "LICENSE", "NOTICE", "README.md")) {
            Files.copy(NestedMaven.ROOT.resolve(file), project.resolve(file));
        }
        NestedMaven.copyTree(NestedMaven.ROOT.resolve("src/main"), project.resolve("src/main"));
        NestedMaven.copyTree(NestedMaven.ROOT.resolve("target/classes"), project.resolve("target/classes"));

        Path gnupg = Files.createDirectories(work.resolve("gnupg"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        // Signed where gpg can make a key here (not every machine has gpg); the bundle is checked either way.
        boolean signed = gpg(gnupg, "--version").exit() == 0 && gpg(gnupg, "--batch", "--passphrase", "", "--quick-gen-key",
                "ecr-blueprint release test <release-test@example.invalid>", "rsa2048", "sign", "never").exit() == 0;
        System.out.println("ReleaseBundleIT: " + (signed ? "signed with a throwaway key" : "unsigned (gpg cannot make a key here)"));
        Map<String, String> env = new HashMap<>();
        if (signed) {
            Processes.Run key = gpg(gnupg, "--batch", "--armor", "--export-secret-keys");
            assertThat(key.out()).contains("BEGIN PGP PRIVATE KEY BLOCK");
            env.put("MAVEN_GPG_KEY", key.out().substring(key.out().indexOf("-----BEGIN PGP PRIVATE KEY BLOCK")));
        }

        List<String> args = new ArrayList<>(List.of("-P", "release,!install-cdk-cli", "-Dmaven.main.skip=true",
                "-Dmaven.test.skip=true", "-Djapicmp.skip=true", "-Dmaven.install.skip=true", "-DskipUpload=true", "deploy"));
        Processes.Run build = NestedMaven.run(project, env, args);
        assertThat(build.exit()).as(build.out()).isZero();

        String version = ApiCompatibilityIT.pomVersion();
        Path bundle = project.resolve("target/central-publishing/central-bundle.zip");
        assertThat(BundleCheck.problems(bundle, "io.github.ecrblueprint", "ecr-blueprint", version, signed)).isEmpty();

        if (signed) {
            Path unpacked = Files.createDirectories(work.resolve("unpacked"));
            List<String> signatures = new ArrayList<>();
            try (ZipFile zip = new ZipFile(bundle.toFile())) {
                for (var entry : java.util.Collections.list(zip.entries())) {
                    Path file = unpacked.resolve(entry.getName().substring(entry.getName().lastIndexOf('/') + 1));
                    Files.copy(zip.getInputStream(entry), file);
                    if (file.toString().endsWith(".asc")) {
                        signatures.add(file.toString());
                    }
                }
            }
            assertThat(signatures).hasSize(4);
            for (String signature : signatures) {
                Processes.Run verify = gpg(gnupg, "--batch", "--verify", signature, signature.substring(0, signature.length() - 4));
                assertThat(verify.exit()).as(verify.out()).isZero();
                assertThat(verify.out()).contains("Good signature");
            }
        }
    }

    static Processes.Run gpg(Path home, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString()));
        command.addAll(List.of(args));
        try {
            return Processes.run(home, Map.of("LC_ALL", "C"), command);
        } catch (java.io.IOException notInstalled) {
            return new Processes.Run(127, notInstalled.getMessage());
        }
    }
}
