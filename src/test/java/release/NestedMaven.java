package release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the Maven that runs this build (failsafe passes {@code maven.home} and {@code maven.repo.local}) on a copy of the
 * project, so the tests of the build itself never touch this build's own {@code target/}.
 */
final class NestedMaven {

    static final Path ROOT = Path.of("").toAbsolutePath();

    private NestedMaven() {
    }

    static Processes.Run run(Path project, String... args) throws IOException, InterruptedException {
        return run(project, Map.of(), List.of(args));
    }

    static Processes.Run run(Path project, Map<String, String> env, List<String> args) throws IOException, InterruptedException {
        String home = System.getProperty("maven.home");
        List<String> command = new ArrayList<>();
        command.add(home == null || home.isBlank() ? "mvn" : Path.of(home, "bin", "mvn").toString());
        command.add("-B");
        String repository = System.getProperty("maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(args);
        return Processes.run(project, env, command);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
