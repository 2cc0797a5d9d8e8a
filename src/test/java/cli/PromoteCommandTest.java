package cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import publishing.ShellQuote;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PromoteCommandTest {

    static final String DIGEST = "sha256:" + "ab".repeat(32);
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsTheCrossAccountCopyOfTheDigestWithTheTargetTags() {
        Run run = run("promote", "--platform", "examples/ecommerce/platform.yaml", "--service", "user-service",
                "--to", "prod", "--digest", DIGEST, "--commit", COMMIT, "--release", "v1.4.2", "--date", "2026-11-23");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(String.join("\n",
                "# Promote user-service " + DIGEST + " into prod as arn:aws:iam::222222222222:role/shop-prod-user-service-promoter",
                "aws ecr get-login-password --region eu-west-1 | oras login --username AWS --password-stdin 111111111111.dkr.ecr.eu-west-1.amazonaws.com",
                "aws ecr get-login-password --region eu-west-1 | oras login --username AWS --password-stdin 222222222222.dkr.ecr.eu-west-1.amazonaws.com",
                "oras cp -r 111111111111.dkr.ecr.eu-west-1.amazonaws.com/shop/staging/user-service@" + DIGEST
                        + " 222222222222.dkr.ecr.eu-west-1.amazonaws.com/shop/prod/user-service:prod-20261123-abababababab,commit-"
                        + COMMIT + ",v1.4.2",
                ""));
    }

    @Test
    void withinOneAccountThereIsOneLogin() {
        Run run = run("promote", "--platform", "examples/ecommerce/platform.yaml", "--service", "order-service",
                "--to", "staging", "--digest", DIGEST, "--commit", COMMIT, "--date", "2026-11-23");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().filter(l -> l.contains("oras login"))).hasSize(1);
        assertThat(run.out()).contains("shop/dev/order-service@" + DIGEST, "shop/staging/order-service:staging-20261123-abababababab,commit-" + COMMIT + "\n");
    }

    @Test
    void refusesATagInsteadOfADigestAndNamesEveryProblem() {
        Run run = run("promote", "--platform", "examples/ecommerce/platform.yaml", "--service", "nope", "--to", "dev",
                "--digest", "latest", "--commit", "abc", "--release", "1.4.2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(String.join("\n",
                "error: --service \"nope\" is not a service of examples/ecommerce/platform.yaml: use one of [user-service, product-service, order-service, payment-service]",
                "error: --digest \"latest\" is not an image digest: expected sha256:<64 lowercase hex digits>. Promote by digest, never by tag: a tag names whatever was pushed last",
                "error: --commit \"abc\" is not a full git commit id: expected 40 lowercase hex digits (the commit-<sha> tag CI wrote)",
                "error: --release \"1.4.2\" does not start with the release prefix \"v\": the lifecycle rules keep only v* images as releases",
                ""));
    }

    @Test
    void theFirstEnvironmentIsNotAPromotionTarget() {
        Run run = run("promote", "--platform", "examples/ecommerce/platform.yaml", "--service", "user-service",
                "--to", "dev", "--digest", DIGEST, "--commit", COMMIT);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --to \"dev\" is not a promotion target of examples/ecommerce/platform.yaml:"
                + " images are promoted into [staging, prod] (the first environment receives them from CI, not by promotion)\n");
    }

    @Test
    void aReleaseThatIsNotAVersionIsRefused() {
        for (String release : List.of("v1.4", "v1.4.2;rm -rf ~", "v1.4.2 --force", "v$(id)")) {
            Run run = run("promote", "--platform", "examples/ecommerce/platform.yaml", "--service", "user-service",
                    "--to", "prod", "--digest", DIGEST, "--commit", COMMIT, "--release", release);

            assertThat(run.exitCode()).as(release).isEqualTo(2);
            assertThat(run.out()).as(release).isEmpty();
            assertThat(run.err()).as(release).isEqualTo("error: --release \"" + release + "\" is not a release version: must match"
                    + " ^v[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?$, e.g. v1.4.2\n");
        }
    }

    @Test
    void theReadmeExampleRunsAsWritten() throws Exception {
        String line = Files.readAllLines(Path.of("README.md")).stream()
                .filter(l -> l.startsWith("bin/ecr-blueprint promote ")).findFirst().orElseThrow();
        String[] args = line.replaceFirst("^bin/ecr-blueprint ", "").replaceFirst("\\s+#.*$", "").split("\\s+");

        Run run = run(args);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("# Promote user-service sha256:").contains("oras cp -r ");
    }

    @Test
    void everyPrintedValueIsOneShellWordWhateverItHolds() throws Exception {
        List<String> hostile = List.of("plain", "two words", "it's", "$(touch /tmp/x)", "`id`", "a;b|c&d", "*", "", "\\\"'",
                "new\nline", "tab\there");
        for (String value : hostile) {
            Process sh = new ProcessBuilder("sh", "-c", "printf '%s' " + ShellQuote.quote(value)).start();
            String printed = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(sh.waitFor()).as(value).isZero();
            assertThat(printed).as(value).isEqualTo(value);
        }
        assertThat(ShellQuote.quote("111111111111.dkr.ecr.eu-west-1.amazonaws.com/shop/dev/user-service@sha256:ab"))
                .as("values that need no quotes print as they are").doesNotStartWith("'");
    }

    @Test
    void followsTheGitHubPublishersDualStackUnlessTold() {
        String[] args = {"promote", "--platform", "examples/anchors/platform.yaml", "--service", "api", "--to", "prod",
                "--digest", DIGEST, "--commit", COMMIT, "--date", "2026-11-23"};
        Run dual = run(args);
        Run ipv4 = run(java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--no-dual-stack"))
                .toArray(String[]::new));

        assertThat(dual.exitCode()).as(dual.err()).isZero();
        assertThat(dual.out()).contains("export AWS_USE_DUALSTACK_ENDPOINT=true\n",
                "oras login --username AWS --password-stdin 888800000001.dkr-ecr.eu-central-1.on.aws\n",
                "oras cp -r 888800000001.dkr-ecr.eu-central-1.on.aws/anchors/dev/api@" + DIGEST
                        + " 888800000002.dkr-ecr.eu-central-1.on.aws/anchors/prod/api:");
        assertThat(ipv4.out()).doesNotContain(".on.aws", "AWS_USE_DUALSTACK_ENDPOINT")
                .contains("oras cp -r 888800000001.dkr.ecr.eu-central-1.amazonaws.com/anchors/dev/api@" + DIGEST);
    }
}
