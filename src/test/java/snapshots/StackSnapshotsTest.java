package snapshots;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static snapshots.FixtureStacks.STACK;
import static snapshots.FixtureStacks.Variant.BASE;

class StackSnapshotsTest {

    /** The committed snapshot of the base fixture stack, kept by the first test below like any user's snapshot. */
    static final Path COMMITTED_SUITE = Path.of("src/test/resources/snapshots-fixtures/fixture-suite");

    static final RunMode LOCAL = new RunMode(false, false, null);
    static final RunMode IN_CI = new RunMode(true, false, null);
    static final RunMode UPDATE = new RunMode(false, true, null);

    final List<String> notices = new ArrayList<>();

    @TempDir
    Path suite;

    StackSnapshots snapshots(RunMode mode) {
        return StackSnapshots.in(suite, mode, notices::add);
    }

    String committedSnapshot() throws IOException {
        return Files.readString(COMMITTED_SUITE.resolve(STACK + ".json"), StandardCharsets.UTF_8);
    }

    /** The committed snapshot with one edit, written to the temporary suite as a reviewer would have committed it. */
    Path committedSnapshotEditedAs(java.util.function.Consumer<ObjectNode> edit) throws IOException {
        ObjectNode snapshot = (ObjectNode) CanonicalJson.parse(committedSnapshot(), "committed snapshot");
        edit.accept(snapshot);
        Path file = suite.resolve(STACK + ".json");
        Files.writeString(file, CanonicalJson.write(snapshot), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theCommittedFixtureSnapshotMatchesTheSynthesis() {
        // The way a user runs it: this JVM's mode (CI, -Dsnapshots.update), the snapshot file in the source tree.
        StackSnapshots committed = StackSnapshots.in(COMMITTED_SUITE, RunMode.current());

        committed.assertMatches(FixtureStacks.variant(BASE));
    }

    @Nested
    class Comparison {

        @Test
        void changingOnePropertyInTheCommittedSnapshotFailsWithADiffNamingItsPath() throws IOException {
            Path file = committedSnapshotEditedAs(s -> ((ObjectNode) s.at("/Resources/Plain/Properties"))
                    .put("ImageTagMutability", "MUTABLE"));

            assertThatThrownBy(() -> snapshots(LOCAL).assertMatches(FixtureStacks.variant(BASE), STACK))
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessage("Stack \"fixture\" no longer matches its snapshot " + file + " (1 difference):\n"
                            + "  ~ Resources.Plain.Properties.ImageTagMutability\n"
                            + "      snapshot: \"MUTABLE\"\n"
                            + "      now:      \"IMMUTABLE\"\n"
                            + "If the change is intended, rerun with -Dsnapshots.update=true, review the snapshot diff and commit it.");
            assertThat(file).content(StandardCharsets.UTF_8).contains("\"ImageTagMutability\": \"MUTABLE\"");
        }

        @Test
        void aResourceMissingFromTheSnapshotAndAChangedArrayLengthAreNamed() throws IOException {
            Path file = committedSnapshotEditedAs(s -> {
                ((ObjectNode) s.get("Resources")).remove("Plain");
                ((ArrayNode) s.at("/Resources/Key/Properties/KeyPolicy/Statement")).addObject().put("Sid", "Extra");
                ((ObjectNode) s.at("/Resources/Repo/Properties")).put("EmptyOnDelete", true);
            });

            assertThatThrownBy(() -> snapshots(LOCAL).assertMatches(FixtureStacks.variant(BASE), STACK))
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessage("Stack \"fixture\" no longer matches its snapshot " + file + " (3 differences):\n"
                            + "  - Resources.Repo.Properties.EmptyOnDelete  (in the snapshot, no longer synthesized)\n"
                            + "  + Resources.Plain  (synthesized, not in the snapshot)\n"
                            + "  ~ Resources.Key.Properties.KeyPolicy.Statement[]: Expected 3 values but got 2\n"
                            + "If the change is intended, rerun with -Dsnapshots.update=true, review the snapshot diff and commit it.");
        }

        @Test
        void aSnapshotThatOnlyDiffersInFormattingMatches() throws IOException {
            Files.writeString(suite.resolve(STACK + ".json"), committedSnapshot().replace("\n", "\r\n").replace("  ", "    "));

            assertThat(snapshots(LOCAL).assertMatches(FixtureStacks.variant(BASE), STACK)).isEqualTo(StackSnapshots.Outcome.MATCHED);
        }
    }

    @Nested
    class Entrypoints {

        @Test
        void aStackIsCheckedDirectlyUnderItsStackName() throws IOException {
            App app = SnapshotApp.create(FixtureStacks.cdkJson());
            var stack = FixtureStacks.build(app, BASE);
            Files.writeString(suite.resolve(FixtureStacks.stackName(BASE) + ".json"), committedSnapshot());

            assertThat(snapshots(IN_CI).assertMatches(stack)).isEqualTo(StackSnapshots.Outcome.MATCHED);
        }

        @Test
        void dynamicTestsCheckEachStackAndTheAbsenceOfStaleSnapshots() throws Throwable {
            var tests = snapshots(LOCAL).tests(FixtureStacks.variant(BASE)).toList();

            assertThat(tests).extracting(org.junit.jupiter.api.DynamicTest::getDisplayName)
                    .containsExactly("snapshot of fixture", "no snapshot without a stack in " + suite);
            tests.get(0).getExecutable().execute();
            assertThat(suite.resolve("fixture.json")).content(StandardCharsets.UTF_8).isEqualTo(committedSnapshot());
        }
    }

    @Nested
    class MissingSnapshot {

        @Test
        void failsInCiAndSaysHowToCreateIt() {
            Path file = suite.resolve("fixture.json");

            assertThatThrownBy(() -> snapshots(IN_CI).assertMatches(FixtureStacks.variant(BASE), STACK))
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessage("Snapshot of stack \"fixture\" is missing: " + file + " does not exist, and snapshots are"
                            + " never created in CI (environment variable CI is set). Create it by running this test locally"
                            + " (without CI, or with -Dsnapshots.update=true), review the file and commit it.");
            assertThat(file).doesNotExist();
        }

        @Test
        void isWrittenAndPassesWithANoticeOutsideCi() {
            Path file = suite.resolve("fixture.json");

            var outcome = snapshots(LOCAL).assertMatches(FixtureStacks.variant(BASE), STACK);

            assertThat(outcome).isEqualTo(StackSnapshots.Outcome.CREATED);
            assertThat(file).content(StandardCharsets.UTF_8).isEqualTo(FixtureStacks.variant(BASE).canonical(STACK));
            assertThat(notices).containsExactly("NEW SNAPSHOT written: " + file + " (stack \"fixture\")."
                    + " Review it and commit it; in CI a missing snapshot fails.");
        }

        @Test
        void ciIsNotSetByAnEmptyOrFalseVariable() {
            assertThat(RunMode.from(Map.of("CI", "false"), Map.of()).ci()).isFalse();
            assertThat(RunMode.from(Map.of("CI", ""), Map.of()).ci()).isFalse();
            assertThat(RunMode.from(Map.of("CI", "true"), Map.of()).ci()).isTrue();
            assertThat(RunMode.from(Map.of("CI", "1"), Map.of()).ci()).isTrue();
        }
    }

    @Nested
    class UpdateFlag {

        @Test
        void isTheSystemPropertySnapshotsUpdate() {
            assertThat(RunMode.from(Map.of(), Map.of("snapshots.update", "true")).update()).isTrue();
            assertThat(RunMode.from(Map.of(), Map.of("snapshots.update", "false")).update()).isFalse();
            assertThat(RunMode.from(Map.of("SNAPSHOTS_UPDATE", "true"), Map.of()).update()).isFalse();
        }

        @Test
        void withoutItADifferingSnapshotIsLeftAlone() throws IOException {
            Path file = committedSnapshotEditedAs(s -> ((ObjectNode) s.at("/Resources/Plain/Properties"))
                    .put("ImageTagMutability", "MUTABLE"));
            String before = Files.readString(file);

            assertThatThrownBy(() -> snapshots(LOCAL).assertMatches(FixtureStacks.variant(BASE), STACK))
                    .isInstanceOf(AssertionFailedError.class);
            assertThat(file).content().isEqualTo(before);
        }

        @Test
        void withItADifferingSnapshotIsRewrittenInCanonicalForm() throws IOException {
            Path file = committedSnapshotEditedAs(s -> ((ObjectNode) s.at("/Resources/Plain/Properties"))
                    .put("ImageTagMutability", "MUTABLE"));

            var outcome = snapshots(UPDATE).assertMatches(FixtureStacks.variant(BASE), STACK);

            assertThat(outcome).isEqualTo(StackSnapshots.Outcome.UPDATED);
            assertThat(file).content(StandardCharsets.UTF_8).isEqualTo(committedSnapshot());
            assertThat(notices).containsExactly("SNAPSHOT UPDATED: " + file + " (stack \"fixture\", 1 difference(s))");
        }

        @Test
        void aBrokenSnapshotFailsNamingTheFileAndIsRepairedByTheFlag() throws IOException {
            Path file = suite.resolve(STACK + ".json");
            Files.writeString(file, "{\"Resources\": ");

            assertThatThrownBy(() -> snapshots(LOCAL).assertMatches(FixtureStacks.variant(BASE), STACK))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("snapshot " + file + " is not valid JSON: ")
                    .hasMessageEndingWith(". Restore it from git or rewrite it with -Dsnapshots.update=true");

            snapshots(UPDATE).assertMatches(FixtureStacks.variant(BASE), STACK);

            assertThat(file).content(StandardCharsets.UTF_8).isEqualTo(committedSnapshot());
            assertThat(notices).containsExactly("SNAPSHOT UPDATED: " + file + " (stack \"fixture\", the old file was not valid JSON)");
        }

        @Test
        void aSnapshotOfAStackThatIsGoneFailsAndIsDeletedOnlyWithTheFlag() throws IOException {
            Path stale = suite.resolve("old-stack.json");
            Files.writeString(stale, "{}\n");
            Files.writeString(suite.resolve(STACK + ".json"), committedSnapshot());

            assertThatThrownBy(() -> snapshots(LOCAL).assertMatches(FixtureStacks.variant(BASE)))
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessage("Snapshots without a stack in the synthesis: [" + stale + "]. If those stacks were removed"
                            + " on purpose, delete the files (or rerun with -Dsnapshots.update=true).");
            assertThat(stale).exists();

            snapshots(UPDATE).assertMatches(FixtureStacks.variant(BASE));

            assertThat(stale).doesNotExist();
        }
    }

    @Nested
    class Determinism {

        @Test
        void twoSynthesesInFreshAppsAreByteIdenticalToTheCommittedSnapshot() throws IOException {
            App app = SnapshotApp.create(FixtureStacks.cdkJson());
            var stack = FixtureStacks.build(app, BASE);

            String again = Synthesis.of(stack).canonical(stack.getStackName());

            assertThat(again).isEqualTo(FixtureStacks.all().canonical(FixtureStacks.stackName(BASE)));
            assertThat(again).isEqualTo(committedSnapshot());
        }

        @Test
        void aTemplateFromTheAssertionsApiGivesTheSameBytesAsTheCloudAssembly() {
            App app = SnapshotApp.create(FixtureStacks.cdkJson());
            var stack = FixtureStacks.build(app, BASE);

            String viaTemplate = Synthesis.of(STACK, Template.fromStack(stack)).canonical(STACK);

            assertThat(viaTemplate).isEqualTo(FixtureStacks.variant(BASE).canonical(STACK));
        }

        @Test
        void aSynthesisInAnotherJvmWithOtherLocaleTimezoneAndDirectoryIsByteIdentical(@TempDir Path elsewhere)
                throws IOException, InterruptedException {
            Path out = elsewhere.resolve("fixture.json");
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Duser.language=tr", "-Duser.country=TR", "-Duser.timezone=Pacific/Chatham", "-Dfile.encoding=ISO-8859-1",
                    "-cp", System.getProperty("java.class.path"), FixtureMain.class.getName(),
                    FixtureStacks.cdkJson().toAbsolutePath().toString(), out.toString());
            ProcessBuilder builder = new ProcessBuilder(command).directory(elsewhere.toFile())
                    .redirectErrorStream(true).redirectOutput(elsewhere.resolve("log.txt").toFile());
            builder.environment().put("TZ", "Pacific/Chatham");
            builder.environment().put("LANG", "tr_TR.ISO-8859-9");
            builder.environment().put("TMPDIR", elsewhere.toString());

            Process process = builder.start();
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the other JVM finished").isTrue();

            assertThat(process.exitValue()).as(Files.readString(elsewhere.resolve("log.txt"))).isZero();
            assertThat(Files.readAllBytes(out)).isEqualTo(committedSnapshot().getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void theTestAppCarriesTheCdkJsonContextAndNoRunSpecificMetadata() {
            App app = SnapshotApp.create(FixtureStacks.cdkJson());

            assertThat(app.getNode().tryGetContext("@aws-cdk/core:target-partitions")).isEqualTo(List.of("aws", "aws-cn"));
            assertThat(app.getNode().tryGetContext("@aws-cdk/aws-iam:minimizePolicies")).isEqualTo(true);
            var template = FixtureStacks.template(BASE);
            assertThat(template.at("/Resources/CDKMetadata").isMissingNode()).isTrue();
            assertThat(template.at("/Resources/Repo/Metadata").isMissingNode()).isTrue();
        }

        @Test
        void aMissingCdkJsonIsAClearError(@TempDir Path nowhere) {
            Path missing = nowhere.resolve("cdk.json");

            assertThatThrownBy(() -> SnapshotApp.create(missing))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cdk.json " + missing + " does not exist: snapshot tests load its \"context\" so that they"
                            + " see the feature flags of `cdk synth`. Run the tests from the project root or pass the path:"
                            + " SnapshotApp.create(Path.of(\".../cdk.json\"))");
        }
    }
}
