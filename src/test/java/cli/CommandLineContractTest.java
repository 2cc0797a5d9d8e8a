package cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every command promises: its --help lists its exit codes, and no input makes it print a Java stack trace. */
class CommandLineContractTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Every command's words, e.g. [lifecycle, preview]; the built-in help command has no exit codes of its own. */
    static List<List<String>> commands(CommandLine cli, List<String> prefix) {
        List<List<String>> commands = new ArrayList<>();
        commands.add(prefix);
        for (Map.Entry<String, CommandLine> sub : cli.getSubcommands().entrySet()) {
            if (!sub.getKey().equals("help")) {
                List<String> words = new ArrayList<>(prefix);
                words.add(sub.getKey());
                commands.addAll(commands(sub.getValue(), words));
            }
        }
        return commands;
    }

    @Test
    void everyCommandsHelpListsItsExitCodes() {
        List<List<String>> commands = commands(Main.commandLine(), List.of());
        assertThat(commands).hasSizeGreaterThanOrEqualTo(7);
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");

            Run run = run(args.toArray(String[]::new));

            assertThat(run.exit()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).as(String.join(" ", args)).contains("Exit codes:").containsPattern("(?m)^\\s+0\\s+\\S")
                    .containsPattern("(?m)^\\s+2\\s+\\S");
        }
    }

    @Test
    void hostileInputsToEveryCommandGiveAnErrorAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path binary = Files.write(dir.resolve("binary.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3, 0x28});
        Path folder = Files.createDirectory(dir.resolve("folder.yaml"));
        Path file = Files.writeString(dir.resolve("file.txt"), "platform: shop\n");
        Path huge = Files.writeString(dir.resolve("huge.yaml"), "platform: " + "x".repeat(200_000) + "\n");
        Path deep = Files.writeString(dir.resolve("deep.yaml"), "platform: shop\nservices: " + "[".repeat(5_000) + "\n");
        Path aliases = Files.writeString(dir.resolve("aliases.yaml"), "a: &a [x, x, x, x, x, x, x, x, x]\n"
                + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n");
        List<String> platformFiles = List.of(binary.toString(), folder.toString(), file.toString(), huge.toString(),
                deep.toString(), aliases.toString(), dir.resolve("missing.yaml").toString(), "/", "/dev/null", "",
                "-", "--", "ä\u0000b");
        String digest = "sha256:" + "ab".repeat(32);
        String commit = "0123456789abcdef0123456789abcdef01234567";
        List<String[]> attempts = new ArrayList<>();
        for (String p : platformFiles) {
            attempts.add(new String[] {"validate", p});
            attempts.add(new String[] {"workflows", "--platform", p, "--out", dir.resolve("ci").toString()});
            attempts.add(new String[] {"promote", "--platform", p, "--service", "s", "--to", "prod", "--digest", digest, "--commit", commit});
            attempts.add(new String[] {"lifecycle", "preview", "--platform", p, "--environment", "prod", "--service", "s",
                    "--images", binary.toString()});
            attempts.add(new String[] {"lifecycle", "preview", "--policy", p, "--images", p});
            attempts.add(new String[] {"bootstrap", "--platform", p, "--out", dir.resolve("bootstrap").toString(), "--check"});
            if (p.startsWith(dir.toString())) {
                attempts.add(new String[] {"report", "--cdk-out", p}); // it writes next to what it reads
            }
        }
        attempts.add(new String[] {"workflows", "--platform", "examples/ecommerce/platform.yaml", "--out", file.toString(), "--check"});
        // Only paths under the test's own folder as --out: a command that wrongly replaced its --out would damage nothing else.
        attempts.add(new String[] {"workflows", "--platform", "examples/ecommerce/platform.yaml", "--out", file.toString()});
        attempts.add(new String[] {"promote", "--platform", "examples/ecommerce/platform.yaml", "--service", "user-service",
                "--to", "prod", "--digest", digest, "--commit", commit, "--date", "2026-02-30"});
        attempts.add(new String[] {"promote", "--platform", "examples/ecommerce/platform.yaml", "--service", "$(id)",
                "--to", "'; rm -rf /", "--digest", "sha256:../../etc", "--commit", "-1"});
        attempts.add(new String[] {"report", "--cdk-out", dir.toString(), "--format", "../../x"});
        // Cloud assemblies that are damaged: a manifest that is not JSON, one naming a stack metadata file that is
        // missing, and one whose metadata file is not JSON.
        String stack = "{\"version\": \"54.0.0\", \"artifacts\": {\"s\": {\"type\": \"aws:cloudformation:stack\","
                + " \"properties\": {\"templateFile\": \"s.template.json\"}, \"additionalMetadataFile\": \"s.metadata.json\"}}}";
        for (String[] assembly : List.of(new String[] {"not json {", null}, new String[] {stack, null}, new String[] {stack, "[1, 2"})) {
            Path cdkOut = Files.createDirectories(dir.resolve("assembly-" + attempts.size()));
            Files.writeString(cdkOut.resolve("manifest.json"), assembly[0]);
            Files.writeString(cdkOut.resolve("s.template.json"), "{}");
            if (assembly[1] != null) {
                Files.writeString(cdkOut.resolve("s.metadata.json"), assembly[1]);
            }
            attempts.add(new String[] {"report", "--cdk-out", cdkOut.toString()});
        }
        attempts.add(new String[] {"lifecycle"});
        attempts.add(new String[] {"nonsense"});
        attempts.add(new String[] {"validate"});
        attempts.add(new String[] {"validate", "--no-such-option"});
        for (String[] args : attempts) {
            Run run = run(args);
            String shown = String.join(" ", args);

            assertThat(run.exit()).as(shown).isIn(1, 2);
            assertThat(run.out() + run.err()).as(shown).doesNotContain("\tat ", "Exception", "Error:");
            assertThat(run.err()).as(shown).isNotBlank();
        }
        assertThat(Files.readString(file)).isEqualTo("platform: shop\n");
    }
}
