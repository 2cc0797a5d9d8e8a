package stacks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import platform.Platform;
import platform.PlatformLoader;
import platform.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which environment stack holds each service's repository, the same in every environment: shard 1 is
 * {@code <platform>-<env>} (the name an unsharded environment always had), shard n is
 * {@code <platform>-<env>-n}. The map is a committed file next to the platform file
 * ({@code platform.yaml} → {@code platform.shards.yaml}), because a repository that moves between
 * stacks is deleted in one and created in the other: existing services never move, new services go to
 * the last shard with room, else to a new shard ({@link #update}).
 *
 * @param capacity          most services per shard. Default {@value #DEFAULT_CAPACITY}: with the 3 outputs
 *                          of each repository and the stack's own (alert topic, dashboard, endpoints), a
 *                          shard stays under CloudFormation's 200 outputs, and under 500 resources with up to
 *                          5 resources per service (repository, publisher roles and their policies)
 * @param repositoryOutputs whether each repository has its name, ARN and URI as exported outputs.
 *                          Default: true (consumers may import them; removing an imported export fails the update)
 * @param shards            service names per shard, shard 1 first; a shard may be empty (its services
 *                          were removed) and keeps its number
 */
public record ShardMap(int capacity, boolean repositoryOutputs, List<List<String>> shards) {

    /** Services per shard when the map does not say. */
    public static final int DEFAULT_CAPACITY = 60;

    /** Stable id of the warning that the committed map does not match the platform file. */
    public static final String WARNING_OUTDATED = "ecr-blueprint:shardMapOutdated";

    /**
     * Copies the shards and checks the map; throws naming every problem.
     *
     * @param capacity most services per shard. Default {@value #DEFAULT_CAPACITY}: with the 3 outputs of each repository and the stack's own (alert topic, dashboard, endpoints), a shard stays under CloudFormation's 200 outputs, and under 500 resources with up to 5 resources per service (repository, publisher roles and their policies)
     * @param repositoryOutputs whether each repository has its name, ARN and URI as exported outputs. Default: true (consumers may import them; removing an imported export fails the update)
     * @param shards service names per shard, shard 1 first; a shard may be empty (its services were removed) and keeps its number
     */
    public ShardMap {
        shards = shards.stream().map(List::copyOf).toList();
        List<String> problems = new ArrayList<>();
        if (capacity < 1) {
            problems.add("capacity " + capacity + " is invalid: a shard must hold at least one service. Hint: capacity: "
                    + DEFAULT_CAPACITY);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < shards.size(); i++) {
            for (String service : shards.get(i)) {
                if (!seen.add(service)) {
                    problems.add("shards[" + i + "] lists service \"" + service + "\" again: a service lives in exactly one "
                            + "shard. Hint: keep it where it was first (moving it replaces its repositories)");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("shard map: " + String.join("; ", problems));
        }
    }

    /**
     * No committed map: every service still to be assigned, capacity {@value #DEFAULT_CAPACITY}, outputs on.
     *
     * @return the empty map
     */
    public static ShardMap none() {
        return new ShardMap(DEFAULT_CAPACITY, true, List.of());
    }

    /**
     * {@code <dir>/platform.yaml} → {@code <dir>/platform.shards.yaml}.
     *
     * @param platformFile the path of the platform file
     * @return the path of the shard map
     */
    public static Path besidePlatformFile(Path platformFile) {
        String name = platformFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return platformFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".shards.yaml");
    }

    /**
     * The map committed next to {@code platformFile}, or {@link #none()} where there is none.
     *
     * @param platformFile the path of the platform file
     * @return the map committed next to {@code platformFile}, or {@link #none()} where there is none
     */
    public static ShardMap forPlatformFile(Path platformFile) {
        Path file = besidePlatformFile(platformFile);
        return Files.exists(file) ? read(file) : none();
    }

    private record FileForm(Integer capacity, Boolean repositoryOutputs, List<List<String>> shards) {
    }

    /**
     * Reads a committed shard map.
     *
     * @param file the shard map
     * @return the map
     */
    public static ShardMap read(Path file) {
        try {
            FileForm form = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(file.toFile(), FileForm.class);
            return new ShardMap(form.capacity() == null ? DEFAULT_CAPACITY : form.capacity(),
                    form.repositoryOutputs() == null || form.repositoryOutputs(),
                    form.shards() == null ? List.of() : form.shards().stream()
                            .map(s -> s == null ? List.<String>of() : s).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shard map " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The map for {@code services} (platform-file order): every service of {@code existing} stays in its
     * shard, services no longer in the platform file leave theirs (which keeps its number), and each new
     * service goes to the last shard while it has room, else to a new one. Deterministic: the same
     * inputs give the same map.
     *
     * @param existing the committed map
     * @param services the service names, in platform-file order
     * @return the map for {@code services} (platform-file order)
     */
    public static ShardMap update(ShardMap existing, List<String> services) {
        Set<String> wanted = new LinkedHashSet<>(services);
        List<List<String>> shards = new ArrayList<>();
        Set<String> assigned = new HashSet<>();
        for (List<String> shard : existing.shards()) {
            List<String> kept = new ArrayList<>(shard.stream().filter(wanted::contains).toList());
            assigned.addAll(kept);
            shards.add(kept);
        }
        for (String service : wanted) {
            if (assigned.contains(service)) {
                continue;
            }
            if (shards.isEmpty() || shards.get(shards.size() - 1).size() >= existing.capacity()) {
                shards.add(new ArrayList<>());
            }
            shards.get(shards.size() - 1).add(service);
        }
        return new ShardMap(existing.capacity(), existing.repositoryOutputs(), shards);
    }

    /**
     * {@link #update} with the platform's services.
     *
     * @param existing the committed map
     * @param platform the platform, as loaded from the platform file
     * @return the updated map
     */
    public static ShardMap update(ShardMap existing, Platform platform) {
        return update(existing, platform.services().stream().map(Service::name).toList());
    }

    /**
     * The shard (1-based) holding {@code service}.
     *
     * @param service the service name, as in the platform file
     * @return the shard (1-based) holding {@code service}
     */
    public int shardOf(String service) {
        for (int i = 0; i < shards.size(); i++) {
            if (shards.get(i).contains(service)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("service \"" + service + "\" is in no shard of the map. Hint: ShardMap.update(...)");
    }

    /**
     * Shard 1 keeps the environment's stack name, so sharding never renames an existing stack.
     *
     * @param platform the platform name, as in the platform file
     * @param environment the environment name, as in the platform file
     * @param shard the 1-based shard number
     * @return the stack name: {@code <platform>-<environment>} for shard 1, {@code <platform>-<environment>-<shard>} after
     */
    public static String stackName(String platform, String environment, int shard) {
        String first = StackNames.environment(platform, environment);
        return shard == 1 ? first : first + "-" + shard;
    }

    /**
     * The file form: one service per line, so a review shows exactly which shard a new service joined.
     *
     * @param platform the platform name, as in the platform file
     * @return the file form
     */
    public String toYaml(String platform) {
        StringBuilder yaml = new StringBuilder()
                .append("# Shard map of platform \"").append(platform).append("\" (docs/scale.md). Commit this file.\n")
                .append("# Never move a service to another shard: its repositories would be deleted and created anew.\n")
                .append("capacity: ").append(capacity).append('\n')
                .append("repositoryOutputs: ").append(repositoryOutputs).append('\n')
                .append("shards:\n");
        for (int i = 0; i < shards.size(); i++) {
            yaml.append("  # shard ").append(i + 1).append(": stacks ").append(stackName(platform, "<environment>", i + 1)).append('\n');
            if (shards.get(i).isEmpty()) {
                yaml.append("  - []\n");
            }
            for (int j = 0; j < shards.get(i).size(); j++) {
                yaml.append(j == 0 ? "  - - " : "    - ").append(shards.get(i).get(j)).append('\n');
            }
        }
        return yaml.toString();
    }

    /**
     * Writes the updated map next to a platform file: {@code bin/launch stacks.ShardMap <platform file>}.
     * Run it after adding or removing services, and commit the file with the platform file.
     *
     * @param args the platform file
     * @throws java.io.IOException when the platform file cannot be read or the map cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: bin/launch stacks.ShardMap <platform file>");
            System.exit(2);
        }
        Path platformFile = Path.of(args[0]);
        Platform platform = PlatformLoader.load(platformFile);
        ShardMap map = update(forPlatformFile(platformFile), platform);
        Path file = besidePlatformFile(platformFile);
        Files.writeString(file, map.toYaml(platform.name()));
        System.out.println("wrote " + file + ": " + map.shards().size() + " shard(s)");
    }
}
