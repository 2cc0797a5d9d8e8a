package platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import stacks.PolicySizeRule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BrokenPlatformFilesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("platform.BrokenFiles#withOneProblem")
    void eachBrokenFileIsRejectedWithItsPathLineAndHint(String name, String path, String problem) {
        // With the rules validate runs after the file's own (the policy sizes only the stacks can measure).
        var e = catchThrowableOfType(PlatformFileException.class, () -> PlatformLoader.load(BrokenFiles.file(name), PolicySizeRule.RULES));

        assertThat(e).hasMessage(BrokenFiles.message(name, problem));
        assertThat(e.problems()).extracting(Problem::path).containsExactly(path);
    }

    @Test
    void theCorpusCoversEveryFileAndHasAtLeastSixty() throws Exception {
        List<String> tabled = BrokenFiles.withOneProblem().map(a -> (String) a.get()[0]).toList();
        List<String> special = List.of("many-problems", "unknown-top-level-key", "empty", "not-yaml", "top-level-list",
                "two-documents");
        try (Stream<Path> files = Files.list(BrokenFiles.DIRECTORY)) {
            List<String> onDisk = files.map(f -> f.getFileName().toString().replace(".yaml", "")).sorted().toList();
            assertThat(onDisk).containsExactlyInAnyOrderElementsOf(Stream.concat(tabled.stream(), special.stream()).toList());
        }
        assertThat(tabled).hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnceInFileOrder() {
        Path file = BrokenFiles.file("many-problems");

        var e = catchThrowableOfType(PlatformFileException.class, () -> PlatformLoader.load(file));

        assertThat(e).hasMessage(file + ": 16 problems\n"
                + "  platform (line 1): platform \"Shop\" must be lowercase letters and digits in hyphen-separated words, starting with a letter. Hint: use \"shop\".\n"
                + "  repositoryNaming (line 2): repositoryNaming \"{platform}/{environment}\" puts every service in one repository, told apart only by tags: lifecycle rules, immutable release tags, scanning and pull access could then not differ per service, and one service's cleanup would expire another's images. Hint: use \"{platform}/{environment}/{service}\" (the default): one repository per service and environment.\n"
                + "  enviroments (line 3): unknown key \"enviroments\". Hint: did you mean \"environments\"?\n"
                + "  environments[0].account (line 6): account must be text, got the number 11111111111. Hint: quote it: \"11111111111\" (unquoted, YAML reads a number and drops leading zeros).\n"
                + "  environments[0].region (line 7): region \"eu-west1\" is not an AWS region name. Hint: use \"eu-west-1\".\n"
                + "  environments[0].profile (line 8): profile \"production\" is not one of dev, staging, prod. Hint: use \"prod\".\n"
                + "  environments[1].name (line 9): environment name \"dev\" is also used by environments[0]. Hint: give each environment its own name.\n"
                + "  environments[1].alerts (line 13): alert subscriptions are given but alerts are off in profile staging. Hint: set overrides.alerts: true in this environment, or remove the subscriptions.\n"
                + "  services[0].name (line 16): name \"user_service\" must be lowercase letters and digits in hyphen-separated words, starting with a letter. Hint: use \"user-service\".\n"
                + "  services[0].architectures (line 18): a Lambda image has one architecture, got linux/amd64, linux/arm64. Hint: keep one, e.g. architectures: [linux/amd64].\n"
                + "  services[0].publishers[0].repository (line 21): repository \"*/foo\" has a wildcard in the organisation: workflows of any GitHub organisation could push. Hint: name the organisation, e.g. \"example-shop/foo\".\n"
                + "  services[0].publishers[0].branches[0] (line 22): branch \"release/*\" has a wildcard (* or ?) but allowWildcard is false. Hint: name the branch, or set allowWildcard: true to trust every match.\n"
                + "  services[0].publishers[1].project (line 23): a codebuild publisher needs project. Hint: add project: <CodeBuild project name>.\n"
                + "  services[0].publishers[1].branches (line 24): branches is for github publishers; a codebuild publisher takes project. Hint: remove it, or set type: github.\n"
                + "  pullers[0].environments[0] (line 27): environment \"prod\" is not defined. Hint: use one of dev, or define it under environments.\n"
                + "  pullers[1].account (line 29): an account puller needs account or roleArn. Hint: add account: \"<the consumer's 12-digit account id>\", or roleArn: <an existing role in it>.");
        assertThat(e.problems()).hasSize(16);
    }

    @Test
    void aMisspeltTopLevelKeyIsSuggestedAndTheMissingKeyReportedWithoutALine() {
        Path file = BrokenFiles.file("unknown-top-level-key");

        var e = catchThrowableOfType(PlatformFileException.class, () -> PlatformLoader.load(file));

        assertThat(e).hasMessage(file + ": 2 problems\n"
                + "  enviroments (line 2): unknown key \"enviroments\". Hint: did you mean \"environments\"?\n"
                + "  environments: \"environments\" is missing. Hint: add environments: the environments, in promotion order unless promotionOrder says otherwise.");
        assertThat(e.problems()).extracting(Problem::line).containsExactly(2, null);
    }

    @Test
    void anEmptyFileIsNamed() {
        Path file = BrokenFiles.file("empty");

        assertThat(catchThrowableOfType(PlatformFileException.class, () -> PlatformLoader.load(file)))
                .hasMessage(file + ": the platform file is empty. Hint: see examples/ecommerce/platform.yaml.");
    }

    @Test
    void aSecondYamlDocumentIsRejected() {
        Path file = BrokenFiles.file("two-documents");

        assertThat(catchThrowableOfType(PlatformFileException.class, () -> PlatformLoader.load(file)))
                .hasMessage(file + ": not a valid platform file: a second YAML document follows (its content starts at line 10)."
                        + " Hint: keep one platform in a file, one file per platform.");
    }

    @Test
    void aTopLevelListIsNotAPlatformFile() {
        Path file = BrokenFiles.file("top-level-list");

        assertThat(catchThrowableOfType(PlatformFileException.class, () -> PlatformLoader.load(file)))
                .hasMessage(file + ": not a valid platform file: the top level must be a mapping of keys (platform,"
                        + " environments, services, ...). Hint: see examples/ecommerce/platform.yaml for the format.");
    }

    @Test
    void textThatIsNotYamlNamesTheLineAndColumn() {
        Path file = BrokenFiles.file("not-yaml");

        assertThat(catchThrowableOfType(PlatformFileException.class, () -> PlatformLoader.load(file)))
                .hasMessage(file + ": not a valid platform file: not YAML or JSON of the expected shape at line 2, column 27"
                        + " (while parsing a flow mapping: expected ',' or '}', but got <stream end>)."
                        + " Hint: see examples/ecommerce/platform.yaml for the format.");
    }
}
