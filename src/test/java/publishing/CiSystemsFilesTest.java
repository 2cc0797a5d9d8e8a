package publishing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import platform.Platform;
import platform.PlatformLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Jenkinsfile and .gitlab-ci.yml of examples/ci-systems: committed and current, and doing what the roles the
 * stacks create for them allow (bash reads the scripts; the trust and the calls are simulated in access.AccessScenariosTest).
 */
class CiSystemsFilesTest {

    static final String PLATFORM_FILE = "examples/ci-systems/platform.yaml";
    static final String OUT = "examples/ci-systems/ci";
    static final Platform EXAMPLE = PlatformLoader.load(Path.of(PLATFORM_FILE));
    static final Map<String, String> FILES = PublishingFiles.generate(EXAMPLE, PLATFORM_FILE, OUT);
    static final String JENKINSFILE = FILES.get("billing/Jenkinsfile");
    static final String GITLAB_CI = FILES.get("web/.gitlab-ci.yml");

    @Test
    void onlyTheServicesWithSuchAPublisherGetAJenkinsfileOrAGitLabPipeline() {
        assertThat(FILES.keySet()).containsExactly(
                "api/buildspec.yml", "api/github-workflow.yml", "api/promote-prod.buildspec.yml",
                "billing/Jenkinsfile", "billing/buildspec.yml", "billing/github-workflow.yml",
                "web/.gitlab-ci.yml", "web/buildspec.yml", "web/github-workflow.yml");
    }

    @Test
    void theCommittedFilesEqualFreshlyGeneratedOutput() throws IOException {
        Map<String, String> committed = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(Path.of(OUT))) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                committed.put(Path.of(OUT).relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        assertThat(committed).as(OUT + " is stale: run bin/ecr-blueprint workflows --platform " + PLATFORM_FILE + " --out " + OUT)
                .isEqualTo(FILES);
    }

    /** The {@code sh '''...'''} script as Groovy hands it to the agent: doubled backslashes become one. */
    static String jenkinsScript() {
        Matcher m = Pattern.compile("sh '''(.*?)'''", Pattern.DOTALL).matcher(JENKINSFILE);
        assertThat(m.find()).as("the Jenkinsfile has an sh ''' step").isTrue();
        return m.group(1).replace("\\\\", "\\");
    }

    static JsonNode gitlab() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(GITLAB_CI);
    }

    /** Runs {@code script} with bash and the given environment; returns its standard output. */
    static String bash(String script, Map<String, String> env) throws IOException, InterruptedException {
        Path file = Files.createTempFile("ci-systems", ".sh");
        try {
            Files.writeString(file, script);
            ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(out).isZero();
            return out;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Nested
    class Jenkins {

        @Test
        void assumesTheJenkinsPublisherRoleWithTheExternalIdAndPushesToTheDevRepository() {
            assertThat(JENKINSFILE)
                    .contains("        PUBLISHER_ROLE_ARN = 'arn:aws:iam::555555555555:role/forge-dev-billing-jenkins-publisher'\n")
                    .contains("        EXTERNAL_ID = 'forge-billing-publisher'\n")
                    .contains("        REGISTRY = '555555555555.dkr.ecr.eu-west-1.amazonaws.com'\n")
                    .contains("        REPOSITORY = 'forge/dev/billing'\n")
                    .contains("        PUBLISH_BRANCHES = 'main'\n");
            assertThat(jenkinsScript())
                    .startsWith("#!/bin/bash\n")
                    .contains("aws sts assume-role --role-arn \"$PUBLISHER_ROLE_ARN\" \\\n  --role-session-name \"jenkins-${BUILD_NUMBER}\" \\\n"
                            + "  --external-id \"$EXTERNAL_ID\"");
        }

        @Test
        void runsTheSameTaggingPushAndScanGateAsTheOtherPipelines() {
            PublishTarget target = PublishTarget.of(EXAMPLE, EXAMPLE.service("billing").orElseThrow());
            assertThat(jenkinsScript())
                    .contains(PublishScript.tags(target.tagging()))
                    .contains(PublishScript.push())
                    .contains(PublishScript.scanGate(target.scanType()));
        }

        @Test
        void groovyKeepsTheLineContinuationsOfTheScript() {
            // A single backslash before a line end would be eaten by Groovy's ''' string and join the lines.
            assertThat(JENKINSFILE).contains(" \\\\\n").doesNotContainPattern("[^\\\\]\\\\\n");
        }

        @Test
        void bashParsesTheScript() throws Exception {
            assertThat(bash("bash -n <<'EOF'\n" + jenkinsScript() + "\nEOF\necho parsed\n", Map.of())).isEqualTo("parsed\n");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
                "branch main, main, '', '', branch",
                "another branch, feature-x, '', '', build-only",
                "a change request, PR-7, 7, '', build-only",
                "a tag, '', '', v1.2.3, tag"})
        void mapsTheMultibranchBuildToTheEventKinds(String name, String branch, String changeId, String tag, String kind)
                throws Exception {
            String out = bash("PUBLISH_BRANCHES=main\nGIT_COMMIT=abc\n" + Jenkinsfile.EVENT_MAPPING + "echo \"KIND=$EVENT_KIND\"\n",
                    Map.of("BRANCH_NAME", branch, "CHANGE_ID", changeId, "TAG_NAME", tag));
            assertThat(out).endsWith("KIND=" + kind + "\n");
        }
    }

    @Nested
    class GitLab {

        @Test
        void publishesFromTheTrustedBranchWithAnIdTokenForTheInstance() throws IOException {
            JsonNode publish = gitlab().get(GitLabCi.PUBLISH);
            assertThat(publish.path("id_tokens").path("GITLAB_OIDC_TOKEN").path("aud").asText()).isEqualTo("https://gitlab.com");
            assertThat(publish.path("variables").path("PUBLISHER_ROLE_ARN").asText())
                    .isEqualTo("arn:aws:iam::555555555555:role/forge-dev-web-gitlab-publisher");
            List<String> rules = new ArrayList<>();
            publish.path("rules").forEach(r -> rules.add(r.path("if").asText()));
            assertThat(rules).containsExactly("$CI_COMMIT_BRANCH == \"main\"");
        }

        @Test
        void mergeRequestsBuildWithoutAnIdToken() throws IOException {
            JsonNode build = gitlab().get(GitLabCi.MERGE_REQUEST);
            assertThat(build.has("id_tokens")).isFalse();
            assertThat(build.path("script").toString()).doesNotContain("aws ", "--push");
        }

        @Test
        void theScriptRunsTheSharedPublishStepsAsTheWebIdentityOfTheToken() throws Exception {
            String script = gitlab().get(GitLabCi.PUBLISH).path("script").get(0).asText();
            PublishTarget target = PublishTarget.of(EXAMPLE, EXAMPLE.service("web").orElseThrow());
            assertThat(script)
                    .contains("export AWS_ROLE_ARN=\"$PUBLISHER_ROLE_ARN\"\n")
                    .contains("printf '%s' \"$GITLAB_OIDC_TOKEN\" > \"$AWS_WEB_IDENTITY_TOKEN_FILE\"\n")
                    .contains(PublishScript.tags(target.tagging()))
                    .contains(PublishScript.push())
                    .contains(PublishScript.scanGate(target.scanType()));
            // sh runs the job's lines (it writes the script), bash the script it wrote.
            String embedded = script.substring(script.indexOf("<<'SCRIPT'\n") + "<<'SCRIPT'\n".length(), script.indexOf("\nSCRIPT\n"));
            assertThat(bash("sh -n <<'OUTER'\n" + script + "\nOUTER\nbash -n <<'INNER'\n" + embedded + "\nINNER\necho parsed\n",
                    Map.of())).isEqualTo("parsed\n");
        }

        @Test
        void aBranchGlobBecomesTheRegexIamMatchesTheSubjectWith() {
            assertThat(GitLabCi.glob("release/*")).isEqualTo("/^release\\/.*$/");
        }
    }
}
