package cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import platform.Platform;
import platform.PlatformFileException;
import platform.PlatformLoader;
import publishing.PublishingFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code workflows --platform <file> --out <dir> [--check]}: writes {@code <dir>/<service>/github-workflow.yml} and
 * {@code <dir>/<service>/buildspec.yml} for every service (and a {@code Jenkinsfile} and {@code .gitlab-ci.yml} for
 * services with such a publisher), or with {@code --check} compares them with what is there.
 * Files are written to a temporary directory next to {@code <dir>} and moved into place only when all are rendered.
 */
@Command(name = "workflows", mixinStandardHelpOptions = true,
        description = "Generates each service's GitHub Actions workflow and CodeBuild buildspec (and Jenkinsfile and .gitlab-ci.yml where declared) from a platform file.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:files written, or --check found them current",
                "1:--check found missing, changed or extra files (each is printed)",
                "2:the platform file has problems, or a service cannot be published (each is printed)"})
public final class WorkflowsCommand implements Callable<Integer> {

    public static final int OK = 0;
    public static final int OUT_OF_DATE = 1;
    public static final int INVALID = 2;

    @Option(names = "--platform", required = true, paramLabel = "<file>", description = "The platform file (YAML or JSON).")
    private Path platformFile;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Output directory, e.g. examples/ecommerce/ci.")
    private Path out;

    @Option(names = "--check", description = "Write nothing; exit 1 when the files in <dir> differ from freshly generated ones.")
    private boolean check;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Map<String, String> files;
        try {
            Platform platform = PlatformLoader.load(platformFile);
            files = PublishingFiles.generate(platform, relative(platformFile), relative(out));
        } catch (PlatformFileException | IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return INVALID;
        }
        Path target = out.toAbsolutePath().normalize();
        if (target.getParent() == null) {
            return refuse("--out " + out + " is the root of the file system: the generated files go into a directory of"
                    + " their own, which is replaced as a whole. Nothing was written. Hint: name a directory, e.g. --out ci");
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            return refuse("--out " + out + " is a file, not a directory. Nothing was written or deleted. Hint: name a"
                    + " directory for the generated files, e.g. --out " + relative(target.resolveSibling("ci")));
        }
        if (check) {
            return check(files);
        }
        String generated = String.join("|", PublishingFiles.FILE_NAMES.stream().map(java.util.regex.Pattern::quote).toList())
                + "|" + PublishingFiles.PROMOTION_BUILDSPEC_REGEX;
        List<String> foreign = existing(out).stream().filter(f -> !f.matches("[^/]+/(" + generated + ")")).toList();
        if (!foreign.isEmpty()) {
            spec.commandLine().getErr().println("--out " + relative(out) + " holds files the generator did not write: "
                    + String.join(", ", foreign) + ". The directory is replaced as a whole; choose an empty directory or"
                    + " one that holds only generated files");
            return INVALID;
        }
        try {
            return write(files, target);
        } catch (IOException e) {
            return refuse("cannot write --out " + out + ": " + Main.describe(e) + ". Nothing in " + out + " was changed."
                    + " Hint: name a directory you can write to");
        }
    }

    private int refuse(String message) {
        spec.commandLine().getErr().println("error: " + message);
        return INVALID;
    }

    private int check(Map<String, String> files) throws IOException {
        List<String> differences = new ArrayList<>();
        for (var file : files.entrySet()) {
            Path path = out.resolve(file.getKey());
            if (!Files.exists(path)) {
                differences.add(path + ": missing");
            } else if (!Files.readString(path, StandardCharsets.UTF_8).equals(file.getValue())) {
                differences.add(path + ": differs from the generated file");
            }
        }
        for (String existing : existing(out)) {
            if (!files.containsKey(existing)) {
                differences.add(out.resolve(existing) + ": not generated from " + platformFile + " (a removed service?)");
            }
        }
        if (differences.isEmpty()) {
            spec.commandLine().getOut().println(out + ": " + files.size() + " files are current");
            return OK;
        }
        differences.forEach(spec.commandLine().getErr()::println);
        spec.commandLine().getErr().println("Fix: bin/ecr-blueprint workflows --platform " + relative(platformFile)
                + " --out " + relative(out));
        return OUT_OF_DATE;
    }

    private int write(Map<String, String> files, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        // Not Files.createTempDirectory: its 0700 would become the output folder's mode; this one keeps the umask.
        Path staging = createUnique(target, "-new-");
        try {
            for (var file : files.entrySet()) {
                Path path = staging.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
            if (Files.exists(target)) {
                Path previous = createUnique(target, "-previous-");
                Files.delete(previous);
                Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                delete(previous);
            } else {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            delete(staging);
        }
        spec.commandLine().getOut().println(out + ": wrote " + files.size() + " files");
        return OK;
    }

    /** A new, empty directory next to {@code target} that did not exist before (so deleting it loses nothing of the user's). */
    private static Path createUnique(Path target, String infix) throws IOException {
        java.security.SecureRandom random = new java.security.SecureRandom();
        while (true) {
            Path candidate = target.resolveSibling("." + target.getFileName() + infix + Long.toHexString(random.nextLong() & Long.MAX_VALUE));
            try {
                return Files.createDirectory(candidate);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another name
            }
        }
    }

    /** Files under {@code dir} as {@code <service>/<file>}, sorted. */
    private static TreeSet<String> existing(Path dir) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(p -> names.add(dir.relativize(p).toString().replace('\\', '/')));
        }
        return names;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** A path as the headers print it: relative to the working directory (the repository root), with forward slashes. */
    static String relative(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path shown = absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}
