package platform;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Platform files are read as YAML defines them, and the surprises of YAML 1.1 are named by what the user wrote. */
class StandardYamlTest {

    static final String ENVIRONMENT = """
            platform: shop
            environments:
              - name: dev
                account: "111111111111"
                region: eu-west-1
                profile: dev
            """;

    static String problems(String text) {
        return catchThrowableOfType(PlatformFileException.class, () -> PlatformLoader.parse("platform.yaml", text)).getMessage();
    }

    @Nested
    class AnchorsAliasesAndMergeKeys {

        @Test
        void anAliasOfAScalarIsTheAnchoredValueNotItsName() {
            Platform platform = PlatformLoader.parse("platform.yaml", ENVIRONMENT + """
                    services:
                      - name: user-service
                        team: &owner payments-team
                      - name: order-service
                        team: *owner
                    """);

            assertThat(platform.services()).extracting(Service::team).containsExactly("payments-team", "payments-team");
        }

        @Test
        void anAnchoredListAndMappingAreReusedWhole() {
            Platform platform = PlatformLoader.parse("platform.yaml", ENVIRONMENT + """
                    services:
                      - name: user-service
                        publishers:
                          - &github {type: github, repository: example-shop/monorepo, branches: &branches [main, release]}
                      - name: order-service
                        publishers: [*github]
                    """);

            assertThat(platform.services().get(1).publishers().get(0)).isEqualTo(platform.services().get(0).publishers().get(0));
            assertThat(platform.services().get(1).publishers().get(0).branches()).containsExactly("main", "release");
        }

        @Test
        void mergeKeysTakeTheAnchoredKeysAndTheKeysWrittenHereWin() {
            Platform platform = PlatformLoader.parse("platform.yaml", """
                    platform: shop
                    environments:
                      - &eu
                        name: dev
                        account: "111111111111"
                        region: eu-west-1
                        profile: dev
                      - <<: [*eu, {awsProfile: shop-admin, region: us-east-1}]
                        name: staging
                        profile: staging
                    services:
                      - name: user-service
                    """);

            EnvironmentSpec staging = platform.environments().get(1);
            assertThat(staging.name()).isEqualTo("staging");
            assertThat(staging.profile()).isEqualTo(Profile.STAGING);
            assertThat(staging.account()).isEqualTo("111111111111");
            assertThat(staging.region()).as("the first merged mapping wins over the second").isEqualTo("eu-west-1");
            assertThat(staging.awsProfile()).isEqualTo("shop-admin");
        }

        @Test
        void aProblemInMergedValuesNamesThePathWhereTheyAreUsedAndTheLineWhereTheyAreWritten() {
            String message = problems("""
                    defaults: &defaults
                      account: "111111111111"
                      region: eu-west1
                    """.replace("defaults: &defaults\n", "x-defaults: &defaults\n") + """
                    platform: shop
                    environments:
                      - <<: *defaults
                        name: dev
                        profile: dev
                    services:
                      - name: user-service
                    """);

            assertThat(message).startsWith("platform.yaml: 2 problems\n  x-defaults (line 1): unknown key \"x-defaults\".")
                    .endsWith("\n  environments[0].region (line 3): region \"eu-west1\" is not an AWS region name. Hint: use \"eu-west-1\".");
        }

        @Test
        void anAliasThatContainsItselfIsAnErrorNotAnEndlessValue() {
            assertThat(problems(ENVIRONMENT + "services: &s\n  - name: user-service\n    publishers: *s\n"))
                    .isEqualTo("platform.yaml: not a valid platform file: not YAML or JSON of the expected shape at line 7"
                            + " (an alias at services[0].publishers refers to the value that contains it). Hint: see"
                            + " examples/ecommerce/platform.yaml for the format.");
        }

        @Test
        void aliasesThatWouldExpandWithoutBoundAreRefused() {
            StringBuilder text = new StringBuilder(ENVIRONMENT + "services: [{name: user-service}]\nx0: &x0 [a, a]\n");
            for (int i = 1; i <= 24; i++) {
                text.append("x").append(i).append(": &x").append(i).append(" [*x").append(i - 1).append(", *x").append(i - 1).append("]\n");
            }

            assertThat(problems(text.toString())).contains("not a valid platform file").contains("aliases");
        }
    }

    @Nested
    class Yaml11Surprises {

        @Test
        void anUnquotedAccountWithALeadingZeroIsNamedAsWrittenAndAsReadInOctal() {
            String message = problems(ENVIRONMENT.replace("\"111111111111\"", "012345670123") + "services: [{name: user-service}]\n");

            assertThat(message).isEqualTo("platform.yaml: 1 problem\n  environments[0].account (line 4): account must be"
                    + " text, got 012345670123, which YAML 1.1 reads as the octal (a leading 0) number 1402433619. Hint: quote"
                    + " it: \"012345670123\".");
        }

        @Test
        void yesNoOnAndOffAreNamedAsWritten() {
            String message = problems(ENVIRONMENT + """
                    services:
                      - name: user-service
                        team: yes
                        publishers:
                          - type: github
                            repository: example-shop/user-service
                            branches: [main, on]
                    """);

            assertThat(message).isEqualTo("platform.yaml: 2 problems\n"
                    + "  services[0].team (line 9): team must be text, got yes, which YAML 1.1 reads as the boolean true."
                    + " Hint: quote it: \"yes\".\n"
                    + "  services[0].publishers[0].branches[1] (line 13): branches must be text, got on, which YAML 1.1 reads"
                    + " as the boolean true. Hint: quote it: \"on\".");
        }

        @Test
        void aNumberWithALeadingZeroIsNotSilentlyOctal() {
            String message = problems(ENVIRONMENT + "    overrides:\n      keepLastImages: 010\nservices: [{name: user-service}]\n");

            assertThat(message).isEqualTo("platform.yaml: 1 problem\n  environments[0].overrides.keepLastImages (line 8):"
                    + " keepLastImages 010 is read by YAML 1.1 as the octal (a leading 0) number 8. Hint: write the number in"
                    + " decimal digits without a leading zero, e.g. keepLastImages: 8.");
        }
    }

    @Nested
    class UnreadableFiles {

        @Test
        void aDirectoryIsNamedAsOne(@TempDir Path dir) {
            var e = catchThrowableOfType(PlatformFileException.class, () -> PlatformLoader.load(dir));

            assertThat(e).hasMessage(dir + ": is a directory, not a platform file. Hint: name the YAML or JSON file in it, e.g. "
                    + dir.resolve("platform.yaml") + ".");
        }

        @Test
        void textThatIsNotUtf8NamesItsLine(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("platform.yaml");
            Files.write(file, "platform: shop\n# caf\u00e9 in Latin-1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

            var e = catchThrowableOfType(PlatformFileException.class, () -> PlatformLoader.load(file));

            assertThat(e).hasMessage(file + ": is not UTF-8 text (the first byte that is not UTF-8 is on line 2). Hint: save"
                    + " the file as UTF-8.");
        }

        @Test
        void aDeviceIsNotAPlatformFile() {
            var e = catchThrowableOfType(PlatformFileException.class, () -> PlatformLoader.load(Path.of("/dev/null")));

            assertThat(e).hasMessage("/dev/null: is not a regular file (a device, pipe or socket). Hint: give the platform file itself.");
        }

        @Test
        void aFileWithoutReadPermissionSaysSo(@TempDir Path dir) throws Exception {
            Path file = Files.writeString(dir.resolve("platform.yaml"), "platform: shop\n");
            Files.setPosixFilePermissions(file, java.util.Set.of());
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(file), "root reads every file");

            var e = catchThrowableOfType(PlatformFileException.class, () -> PlatformLoader.load(file));

            assertThat(e).hasMessage(file + ": cannot read the platform file: permission denied. Hint: check the file's"
                    + " permissions (ls -l " + file + ").");
        }
    }
}
