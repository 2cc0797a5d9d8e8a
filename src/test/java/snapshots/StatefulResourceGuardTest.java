package snapshots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static snapshots.FixtureStacks.STACK;
import static snapshots.FixtureStacks.Variant.BASE;
import static snapshots.FixtureStacks.Variant.KEY_RENAMED;
import static snapshots.FixtureStacks.Variant.KEY_SPEC_CHANGED;
import static snapshots.FixtureStacks.Variant.PLAIN_ENCRYPTED_WITH_KMS;
import static snapshots.FixtureStacks.Variant.PLAIN_TAGS_MUTABLE;
import static snapshots.FixtureStacks.Variant.REPO_RENAMED;

/**
 * The guard against a temporary git repository: the base fixture snapshot is committed on {@code main}, the
 * tests work on a branch {@code feature}, as a pull request would.
 */
class StatefulResourceGuardTest {

    static final String SUITE = "ecr";
    static final RunMode LOCAL = new RunMode(false, false, null);

    @TempDir
    Path repo;

    Path snapshotDirectory;
    Path suiteDirectory;
    final List<String> notices = new ArrayList<>();

    String git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("git %s: %s", String.join(" ", args), output).isZero();
        return output.strip();
    }

    void writeSnapshot(String stack, JsonNode template) throws IOException {
        Files.createDirectories(suiteDirectory);
        Files.writeString(suiteDirectory.resolve(stack + ".json"), CanonicalJson.write(template), StandardCharsets.UTF_8);
    }

    void commitAll(String message) throws IOException, InterruptedException {
        git("add", "-A");
        git("commit", "-q", "-m", message);
    }

    StatefulResourceGuard guard(RunMode mode) {
        return StatefulResourceGuard.builder().snapshotDirectory(snapshotDirectory).workingDirectory(repo)
                .mode(mode).notices(notices::add).build();
    }

    String mainCommit() throws IOException, InterruptedException {
        return git("rev-parse", "main").substring(0, 12);
    }

    static Synthesis current(Map<String, JsonNode> templates) {
        return new Synthesis(templates);
    }

    static ObjectNode baseWithout(String logicalId) {
        ObjectNode template = (ObjectNode) FixtureStacks.template(BASE);
        ((ObjectNode) template.get("Resources")).remove(logicalId);
        return template;
    }

    @BeforeEach
    void baseSnapshotCommittedOnMain() throws IOException, InterruptedException {
        snapshotDirectory = repo.resolve("src/test/resources/snapshots");
        suiteDirectory = snapshotDirectory.resolve(SUITE);
        git("init", "-q");
        writeSnapshot(STACK, FixtureStacks.template(BASE));
        commitAll("base snapshots");
        git("checkout", "-q", "-b", "feature");
    }

    @Nested
    class WhatItCatches {

        @Test
        void anUnchangedSynthesisPasses() throws Exception {
            GuardReport report = guard(LOCAL).assertNoReplacement(SUITE, FixtureStacks.variant(BASE));

            assertThat(report.blocked()).isEmpty();
            assertThat(report.comparedWith()).isEqualTo("main (merge-base " + mainCommit() + ")");
            assertThat(notices).isEmpty();
        }

        @Test
        void aPropertyThatUpdatesInPlacePasses() {
            GuardReport report = guard(LOCAL).assertNoReplacement(SUITE, FixtureStacks.variant(PLAIN_TAGS_MUTABLE));

            assertThat(report.blocked()).isEmpty();
        }

        @Test
        void renamingARepositorysConstructIdFailsNamingTheResource() throws Exception {
            Path allowList = snapshotDirectory.resolve("replacements-allowed.yaml");

            assertThatThrownBy(() -> guard(LOCAL).assertNoReplacement(SUITE, FixtureStacks.variant(REPO_RENAMED)))
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessage("Stateful resources would be replaced or deleted (suite \"ecr\", compared with the snapshots"
                            + " committed at main (merge-base " + mainCommit() + ")):\n"
                            + "  - stack \"fixture\", AWS::ECR::Repository \"Repo\": logical id changes to \"AppRepository\""
                            + " (same RepositoryName \"fixture/app\"): CloudFormation creates a new resource and deletes this"
                            + " one; a renamed construct id?\n"
                            + "A replaced repository loses its images, a replaced key makes its data undecryptable. Keep"
                            + " construct ids and create-only properties unchanged. If this is intended and reviewed, add to "
                            + allowList + ":\n"
                            + "  - stack: fixture\n"
                            + "    logicalId: Repo\n"
                            + "    reason: <why losing it is acceptable>\n"
                            + "    reviewedBy: <reviewer>\n"
                            + "Rewriting snapshots (-Dsnapshots.update=true) does not change this check.");
        }

        @Test
        void changingARepositorysEncryptionFailsNamingTheResourceAndTheValues() {
            GuardReport report = guard(LOCAL).check(SUITE, FixtureStacks.variant(PLAIN_ENCRYPTED_WITH_KMS));

            assertThat(report.blocked()).extracting(Replacement::describe).containsExactly(
                    "stack \"fixture\", AWS::ECR::Repository \"Plain\": create-only property EncryptionConfiguration changes"
                            + " from {\"EncryptionType\":\"AES256\"} to {\"EncryptionType\":\"KMS\",\"KmsKey\":{\"Fn::GetAtt\":"
                            + "[\"Key\",\"Arn\"]}}: CloudFormation replaces the resource (a KMS key: the update fails)");
            assertThatThrownBy(() -> guard(LOCAL).assertNoReplacement(SUITE, FixtureStacks.variant(PLAIN_ENCRYPTED_WITH_KMS)))
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessageContaining("  - stack: fixture\n    logicalId: Plain\n");
        }

        @Test
        void renamingAKeysConstructIdIsFollowedThroughItsAliasAndRecreatesTheRepositoryUsingIt() {
            GuardReport report = guard(LOCAL).check(SUITE, FixtureStacks.variant(KEY_RENAMED));

            assertThat(report.blocked()).extracting(Replacement::describe).containsExactly(
                    "stack \"fixture\", AWS::KMS::Key \"Key\": logical id changes to \"RepoKey\" (same AliasName"
                            + " \"alias/fixture/app\"): CloudFormation creates a new resource and deletes this one;"
                            + " a renamed construct id?",
                    "stack \"fixture\", AWS::ECR::Repository \"Repo\": create-only property EncryptionConfiguration changes"
                            + " from {\"EncryptionType\":\"KMS\",\"KmsKey\":{\"Fn::GetAtt\":[\"Key\",\"Arn\"]}} to"
                            + " {\"EncryptionType\":\"KMS\",\"KmsKey\":{\"Fn::GetAtt\":[\"RepoKey\",\"Arn\"]}}: CloudFormation"
                            + " replaces the resource (a KMS key: the update fails)");
        }

        @Test
        void changingAKeySpecFails() {
            GuardReport report = guard(LOCAL).check(SUITE, FixtureStacks.variant(KEY_SPEC_CHANGED));

            assertThat(report.blocked()).extracting(Replacement::kind, Replacement::logicalId, Replacement::detail)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Replacement.Kind.CHANGES_CREATE_ONLY_PROPERTY, "Key",
                            "create-only property KeySpec changes from \"SYMMETRIC_DEFAULT\" to \"RSA_2048\": CloudFormation"
                                    + " replaces the resource (a KMS key: the update fails)"));
        }

        @Test
        void aRepositoryThatDisappearsFails() {
            GuardReport report = guard(LOCAL).check(SUITE, current(Map.of(STACK, baseWithout("Plain"))));

            assertThat(report.blocked()).extracting(Replacement::describe).containsExactly(
                    "stack \"fixture\", AWS::ECR::Repository \"Plain\": disappears (it is no longer synthesized):"
                            + " CloudFormation deletes it");
        }

        @Test
        void aRepositoryMovedToAnotherStackFails() {
            ObjectNode other = CanonicalJson.parse("{\"Resources\":{}}", "test").deepCopy();
            ((ObjectNode) other.get("Resources")).set("PlainRepository", FixtureStacks.template(BASE).at("/Resources/Plain"));

            GuardReport report = guard(LOCAL).check(SUITE, current(Map.of(STACK, baseWithout("Plain"), "fixture-other", other)));

            assertThat(report.blocked()).extracting(Replacement::describe).containsExactly(
                    "stack \"fixture\", AWS::ECR::Repository \"Plain\": moves to stack \"fixture-other\" as \"PlainRepository\""
                            + " (same RepositoryName \"fixture/plain\"): CloudFormation creates a new resource and deletes this one");
        }

        @Test
        void aStackThatIsNoLongerSynthesizedLosesEveryStatefulResource() {
            GuardReport report = guard(LOCAL).check(SUITE, current(Map.of()));

            assertThat(report.blocked()).extracting(Replacement::logicalId, Replacement::kind).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("Key", Replacement.Kind.DISAPPEARS),
                    org.assertj.core.groups.Tuple.tuple("Plain", Replacement.Kind.DISAPPEARS),
                    org.assertj.core.groups.Tuple.tuple("Repo", Replacement.Kind.DISAPPEARS));
            assertThat(report.blocked().get(0).detail()).isEqualTo("disappears (its stack is no longer synthesized): CloudFormation deletes it");
        }
    }

    @Nested
    class ComparesWithTheBaseBranchNotTheWorkingCopy {

        @Test
        void rewritingAndCommittingTheSnapshotOnTheBranchDoesNotGetPastIt() throws Exception {
            StackSnapshots snapshots = StackSnapshots.in(suiteDirectory, new RunMode(false, true, null), notices::add);
            snapshots.assertMatches(FixtureStacks.variant(REPO_RENAMED));
            commitAll("rename the repository construct");

            assertThat(suiteDirectory.resolve("fixture.json")).content().contains("\"AppRepository\"");
            assertThatThrownBy(() -> guard(LOCAL).assertNoReplacement(SUITE, FixtureStacks.variant(REPO_RENAMED)))
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessageContaining("AWS::ECR::Repository \"Repo\": logical id changes to \"AppRepository\"");
        }

        @Test
        void theBaseIsTakenFromTheSnapshotsBaseSetting() throws Exception {
            writeSnapshot(STACK, FixtureStacks.template(REPO_RENAMED));
            commitAll("rename the repository construct");
            String head = git("rev-parse", "HEAD").substring(0, 12);

            GuardReport report = guard(RunMode.from(Map.of("SNAPSHOT_BASE", "HEAD"), Map.of()))
                    .assertNoReplacement(SUITE, FixtureStacks.variant(REPO_RENAMED));

            assertThat(report.comparedWith()).isEqualTo("HEAD (" + head + ")");
            assertThat(report.blocked()).isEmpty();
        }

        @Test
        void aBaseThatDoesNotExistFallsBackToHeadAndSaysSo() throws Exception {
            String head = git("rev-parse", "HEAD").substring(0, 12);

            GuardReport report = guard(new RunMode(false, false, "origin/release"))
                    .assertNoReplacement(SUITE, FixtureStacks.variant(BASE));

            assertThat(report.comparedWith()).isEqualTo("HEAD (" + head + ")");
            assertThat(notices).containsExactly("replacement guard: base \"origin/release\" (from -Dsnapshots.base or"
                    + " SNAPSHOT_BASE) is not a commit in this clone: comparing with HEAD's committed snapshots instead,"
                    + " which do not see replacements committed on this branch. Fetch the base branch (CI: a full clone,"
                    + " e.g. actions/checkout with fetch-depth: 0)");
        }

        @Test
        void withoutAMainBranchHeadIsUsedAndTheNoticeSaysSo() throws Exception {
            git("branch", "-m", "main", "trunk");

            GuardReport report = guard(LOCAL).check(SUITE, FixtureStacks.variant(REPO_RENAMED));

            assertThat(report.notices()).containsExactly("no base branch found (tried origin/main, main): comparing with"
                    + " HEAD's committed snapshots instead, which do not see replacements committed on this branch."
                    + " Set -Dsnapshots.base=<branch> or SNAPSHOT_BASE=<branch>");
            assertThat(report.blocked()).extracting(Replacement::logicalId).containsExactly("Repo");
        }

        @Test
        void onTheBaseBranchItselfTheNoticeSaysWhatCannotBeSeen() throws Exception {
            git("checkout", "-q", "main");

            GuardReport report = guard(LOCAL).check(SUITE, FixtureStacks.variant(BASE));

            assertThat(report.notices()).containsExactly("HEAD is on the base branch main itself: comparing with HEAD's"
                    + " own committed snapshots, which do not see a replacement committed in HEAD. To check a push to main,"
                    + " set SNAPSHOT_BASE to the previous tip (GitHub: ${{ github.event.before }})");
        }

        @Test
        void outsideAGitRepositoryNothingIsCheckedLocallyAndCiFails(@TempDir Path notARepository) {
            StatefulResourceGuard local = StatefulResourceGuard.builder().snapshotDirectory(notARepository)
                    .workingDirectory(notARepository).mode(LOCAL).notices(notices::add).build();
            StatefulResourceGuard ci = StatefulResourceGuard.builder().snapshotDirectory(notARepository)
                    .workingDirectory(notARepository).mode(new RunMode(true, false, null)).notices(notices::add).build();

            GuardReport report = local.assertNoReplacement(SUITE, FixtureStacks.variant(REPO_RENAMED));

            assertThat(report.baseAvailable()).isFalse();
            assertThat(notices).singleElement().asString()
                    .startsWith("replacement guard: cannot read the committed snapshots: compared with nothing: "
                            + notARepository + " is not inside a git repository")
                    .endsWith(". NOTHING WAS CHECKED (this fails in CI).");
            assertThatThrownBy(() -> ci.assertNoReplacement(SUITE, FixtureStacks.variant(REPO_RENAMED)))
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessageEndingWith(". In CI the guard needs the git repository (a clone with the base branch,"
                            + " e.g. actions/checkout with fetch-depth: 0) and git on the PATH.");
        }
    }

    @Nested
    class AllowList {

        Path allowList() {
            return snapshotDirectory.resolve("replacements-allowed.yaml");
        }

        @Test
        void aReviewedEntryLetsTheReplacementThrough() throws IOException {
            Files.writeString(allowList(), """
                    - stack: fixture
                      logicalId: Repo
                      reason: fixture/app holds no images yet; renamed before first use
                      reviewedBy: platform-team
                    """);

            GuardReport report = guard(LOCAL).assertNoReplacement(SUITE, FixtureStacks.variant(REPO_RENAMED));

            assertThat(report.blocked()).isEmpty();
            assertThat(report.allowed()).extracting(Replacement::logicalId).containsExactly("Repo");
            assertThat(notices).containsExactly("replacement guard: ALLOWED by " + allowList() + ": stack \"fixture\","
                    + " AWS::ECR::Repository \"Repo\": logical id changes to \"AppRepository\" (same RepositoryName"
                    + " \"fixture/app\"): CloudFormation creates a new resource and deletes this one; a renamed construct id?");
        }

        @Test
        void anEntryForAnotherSuiteOrResourceDoesNotApplyAndIsReportedUnused() throws IOException {
            Files.writeString(allowList(), """
                    - suite: other
                      stack: fixture
                      logicalId: Repo
                      reason: another example
                      reviewedBy: platform-team
                    - stack: fixture
                      logicalId: Plain
                      reason: recreated on purpose
                      reviewedBy: platform-team
                    """);

            assertThatThrownBy(() -> guard(LOCAL).assertNoReplacement(SUITE, FixtureStacks.variant(REPO_RENAMED)))
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessageContaining("AWS::ECR::Repository \"Repo\"");
            assertThat(notices).containsExactly("replacement guard: allow-list entry for stack \"fixture\", logical id"
                    + " \"Plain\" matches no replacement (already merged?): remove it from " + allowList());
        }

        @Test
        void everyIncompleteEntryIsRejectedAtOnce() throws IOException {
            Files.writeString(allowList(), """
                    - stack: fixture
                      logicalId: Repo
                      reason: renamed
                    - stack: fixture
                      logicalId: Plain
                      reason: <why losing it is acceptable>
                      reviewedBy: someone
                    """);

            assertThatThrownBy(() -> guard(LOCAL).check(SUITE, FixtureStacks.variant(REPO_RENAMED)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("allow-list " + allowList() + " is invalid: entry 1: reviewedBy is missing (every entry"
                            + " needs stack, logicalId, reason and reviewedBy); entry 2: reason \"<why losing it is"
                            + " acceptable>\" is still a placeholder: write the real value");
        }

        @Test
        void anUnknownFieldIsRejected() throws IOException {
            Files.writeString(allowList(), """
                    - stack: fixture
                      logicalID: Repo
                      reason: typo in the field name
                      reviewedBy: someone
                    """);

            assertThatThrownBy(() -> guard(LOCAL).check(SUITE, FixtureStacks.variant(REPO_RENAMED)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("allow-list " + allowList() + " is not a YAML list of {stack, logicalId,"
                            + " reason, reviewedBy} entries: Unrecognized field \"logicalID\"");
        }
    }
}
