package platform;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Hunts for platform files that {@code validate} accepts but synthesis rejects (issue 24): the examples' platform
 * files, each mutated by one realistic mistake (a value at or past an AWS limit, an odd name, a duplicate, an empty
 * list, another region...). Every applicable mutation is applied to at most {@link #EXAMPLES_PER_MUTATION} examples
 * chosen with a fixed seed, so a run is reproducible. The files validate accepts are synthesized
 * ({@link Synthesizer}); the ones it rejects are listed with the first problem, for a reader to judge false
 * rejections. Writes target/explore/report.txt and the mutants to target/explore/mutants/.
 *
 * <p>Off in every normal run (several minutes of synthesis). Run it with
 * {@code mvn -o -q test -Dtest=ValidateSynthesisExplorer -Dexplore=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * It fails when a mutant passes validate but fails synthesis.
 */
@EnabledIfSystemProperty(named = "explore", matches = "true")
class ValidateSynthesisExplorer {

    static final long SEED = 24;
    static final int EXAMPLES_PER_MUTATION = Integer.getInteger("explore.examplesPerMutation", 1);
    static final List<String> EXAMPLES = List.of("anchors", "brownfield", "ci-systems", "delivery", "ecommerce",
            "minimal", "multi-account", "public-signing", "shared-key");

    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES).build();
    static final YAMLMapper YAML = new YAMLMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    record Mutation(String name, Predicate<ObjectNode> apply) {
    }

    record Mutant(String example, String mutation, String yaml) {
        String id() {
            return example + "--" + mutation;
        }
    }

    @Test
    void mutantsPassingValidatePassSynthesis() throws Exception {
        Map<String, ObjectNode> examples = new LinkedHashMap<>();
        for (String example : EXAMPLES) {
            LocatedYaml.Result parsed = LocatedYaml.read(Files.readString(Path.of("examples", example, "platform.yaml")));
            examples.put(example, (ObjectNode) parsed.root());
        }
        // -Dexplore.only=<regex>: only the mutants whose id (example--mutation) matches, to reproduce one.
        String only = System.getProperty("explore.only", ".*");
        List<Mutant> mutants = mutants(examples).stream().filter(m -> m.id().matches(only)).toList();
        Path out = Path.of("target/explore");
        Path dir = out.resolve("mutants");
        Files.createDirectories(dir);
        // Synthesis writes an assembly per file into java.io.tmpdir: this run's own folder, emptied as it goes.
        Path tmp = out.resolve("tmp").toAbsolutePath();
        Files.createDirectories(tmp);
        System.setProperty("java.io.tmpdir", tmp.toString());
        List<String> mismatches = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        List<String> agreed = new ArrayList<>();
        for (Mutant mutant : mutants) {
            Path file = dir.resolve(mutant.id() + ".yaml");
            Files.writeString(file, mutant.yaml());
            List<Problem> problems;
            try {
                problems = Synthesizer.validate(file);
            } catch (RuntimeException e) {
                mismatches.add(mutant.id() + ": validate crashed: " + e);
                continue;
            }
            if (!problems.isEmpty()) {
                rejected.add(mutant.id() + ": " + problems.get(0).render()
                        + (problems.size() > 1 ? " (+" + (problems.size() - 1) + ")" : ""));
                continue;
            }
            if (Boolean.getBoolean("explore.validateOnly")) {
                agreed.add(mutant.id() + " (not synthesized)");
                continue;
            }
            Optional<Platform> model = Synthesizer.unvalidated(file);
            String synthesis = model.isEmpty() ? "shape" : Synthesizer.failure(model.get()).orElse(null);
            for (Path created : synthDirs(tmp)) {
                if (synthesis == null || !synthesis.contains(created.toString())) {
                    delete(created);
                }
            }
            if (synthesis != null) {
                System.out.println(mutant.id() + ": " + synthesis);
                mismatches.add(mutant.id() + ": validate accepts, synthesis fails with: " + synthesis);
            } else {
                agreed.add(mutant.id());
            }
            System.out.println("explored " + mutant.id() + (synthesis == null ? " ok" : " MISMATCH"));
        }
        String report = "mutants: " + mutants.size() + ", accepted and synthesized: " + agreed.size()
                + ", rejected: " + rejected.size() + ", mismatches: " + mismatches.size() + "\n\n# mismatches\n"
                + String.join("\n", mismatches) + "\n\n# rejected (check for false rejections)\n" + String.join("\n", rejected)
                + "\n\n# accepted and synthesized\n" + String.join("\n", agreed) + "\n";
        Files.writeString(out.resolve("report.txt"), report);
        if (!mismatches.isEmpty()) {
            throw new AssertionError(mismatches.size() + " mismatches:\n" + String.join("\n", mismatches));
        }
    }

    /** The assemblies synthesis wrote into this run's own temporary folder (never another process's). */
    static List<Path> synthDirs(Path tmp) throws Exception {
        try (Stream<Path> list = Files.list(tmp)) {
            return list.filter(p -> p.getFileName().toString().startsWith("synth-")).toList();
        }
    }

    static void delete(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static List<Mutant> mutants(Map<String, ObjectNode> examples) throws Exception {
        Random random = new Random(SEED);
        List<Mutant> mutants = new ArrayList<>();
        for (Mutation mutation : MUTATIONS) {
            List<String> order = new ArrayList<>(examples.keySet());
            Collections.shuffle(order, random);
            int taken = 0;
            for (String example : order) {
                if (taken == EXAMPLES_PER_MUTATION) {
                    break;
                }
                ObjectNode copy = examples.get(example).deepCopy();
                if (mutation.apply().test(copy)) {
                    mutants.add(new Mutant(example, mutation.name(), YAML.writeValueAsString(copy)));
                    taken++;
                }
            }
        }
        return mutants;
    }

    // ---- tree helpers -------------------------------------------------------------------------------------------

    static JsonNode node(String json) {
        try {
            return YAML.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** The node at a path such as {@code environments[0].vpc.subnets}, or null. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode current = root;
        for (String segment : path.split("\\.")) {
            if (current == null) {
                return null;
            }
            int bracket = segment.indexOf('[');
            String key = bracket < 0 ? segment : segment.substring(0, bracket);
            if (!key.isEmpty()) {
                current = current.get(key);
            }
            while (bracket >= 0 && current != null) {
                int close = segment.indexOf(']', bracket);
                current = current.get(Integer.parseInt(segment.substring(bracket + 1, close)));
                bracket = segment.indexOf('[', close);
            }
        }
        return current;
    }

    /** Sets a field of the object at parent (which must exist). */
    static Mutation set(String name, String parent, String field, String json) {
        return new Mutation(name, root -> {
            JsonNode target = parent.isEmpty() ? root : at(root, parent);
            if (!(target instanceof ObjectNode object)) {
                return false;
            }
            object.set(field, node(json));
            return true;
        });
    }

    /** Sets a field only where it is already written. */
    static Mutation replace(String name, String parent, String field, String json) {
        return new Mutation(name, root -> {
            JsonNode target = parent.isEmpty() ? root : at(root, parent);
            if (!(target instanceof ObjectNode object) || !object.has(field)) {
                return false;
            }
            object.set(field, node(json));
            return true;
        });
    }

    /** Appends to the list at path (created when its parent exists and it does not). */
    static Mutation append(String name, String parent, String field, String json) {
        return new Mutation(name, root -> {
            JsonNode target = parent.isEmpty() ? root : at(root, parent);
            if (!(target instanceof ObjectNode object)) {
                return false;
            }
            if (!(object.get(field) instanceof ArrayNode)) {
                object.set(field, NODES.arrayNode());
            }
            ((ArrayNode) object.get(field)).add(node(json));
            return true;
        });
    }

    /** Repeats the last item of a list that exists. */
    static Mutation duplicateLast(String name, String path) {
        return new Mutation(name, root -> {
            JsonNode target = at(root, path);
            if (!(target instanceof ArrayNode array) || array.isEmpty()) {
                return false;
            }
            array.add(array.get(array.size() - 1).deepCopy());
            return true;
        });
    }

    /** Replaces a text everywhere in the file. */
    static Mutation everywhere(String name, String from, String to) {
        return new Mutation(name, root -> {
            try {
                String text = JSON.writeValueAsString(root);
                if (!text.contains(from)) {
                    return false;
                }
                ObjectNode changed = (ObjectNode) JSON.readTree(text.replace(from, to));
                root.removeAll();
                root.setAll(changed);
                return true;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static Mutation custom(String name, Predicate<ObjectNode> apply) {
        return new Mutation(name, apply);
    }

    /** A lowercase name of exactly n characters made of dash-separated words. */
    static String name(int n) {
        StringBuilder b = new StringBuilder("a");
        while (b.length() < n) {
            b.append(b.length() % 10 == 9 ? '-' : (char) ('a' + b.length() % 26));
        }
        String s = b.toString();
        return s.endsWith("-") ? s.substring(0, n - 1) + "x" : s;
    }

    static String q(String text) {
        return JsonNodeFactory.instance.textNode(text).toString();
    }

    static String list(int n, java.util.function.IntFunction<String> item) {
        return IntStream.range(0, n).mapToObj(item).map(ValidateSynthesisExplorer::q)
                .collect(Collectors.joining(",", "[", "]"));
    }

    static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }

    static final String ENV0 = "environments[0]";
    static final String SVC0 = "services[0]";
    static final String PUB0 = "services[0].publishers[0]";

    /** The first environment (or service) with a field, by index. */
    static Mutation onFirstWith(String name, String list, String has, Predicate<ObjectNode> apply) {
        return new Mutation(name, root -> {
            JsonNode items = root.get(list);
            if (items == null) {
                return false;
            }
            for (JsonNode item : items) {
                if (item instanceof ObjectNode object && (has.isEmpty() || at(object, has) != null)) {
                    return apply.test(object);
                }
            }
            return false;
        });
    }

    /** The first publisher of a type. */
    static Mutation onPublisher(String name, String type, Predicate<ObjectNode> apply) {
        return new Mutation(name, root -> {
            for (JsonNode service : root.path("services")) {
                for (JsonNode publisher : service.path("publishers")) {
                    if (type.equals(publisher.path("type").asText()) && publisher instanceof ObjectNode object) {
                        return apply.test(object);
                    }
                }
            }
            return false;
        });
    }

    static Predicate<ObjectNode> put(String field, String json) {
        return object -> {
            object.set(field, node(json));
            return true;
        };
    }

    static Predicate<ObjectNode> putAt(String path, String field, String json) {
        return object -> {
            JsonNode target = at(object, path);
            if (!(target instanceof ObjectNode o)) {
                return false;
            }
            o.set(field, node(json));
            return true;
        };
    }

    static final String LIFECYCLE_RULE = "{\"rulePriority\": %d, \"description\": \"%s\", \"selection\": {\"tagStatus\": \"%s\", %s"
            + " \"countType\": \"%s\", %s \"countNumber\": %d}, \"action\": {\"type\": \"expire\"}}";

    static String lifecycle(String... rules) {
        return q("{\"rules\": [" + String.join(",", rules) + "]}");
    }

    static final List<Mutation> MUTATIONS = Stream.of(
            // names at and past the limits
            Stream.of(2, 20, 30, 40, 50, 63).map(n -> set("platform-name-" + n, "", "platform", q(name(n)))),
            Stream.of(1, 20, 40, 63).map(n -> set("environment-name-" + n, ENV0, "name", q(name(n)))),
            Stream.of(1, 2, 30, 45, 63).map(n -> set("service-name-" + n, SVC0, "name", q(name(n)))),
            Stream.of(
                    set("service-name-with-digits", SVC0, "name", q("svc2-v2")),
                    set("service-name-dot", SVC0, "name", q("user.service")),
                    set("service-name-uppercase", SVC0, "name", q("UserService")),
                    set("team-with-spaces", SVC0, "team", q("Team A & B / ops")),
                    set("team-256", SVC0, "team", q(repeat('t', 256))),
                    set("team-257", SVC0, "team", q(repeat('t', 257))),
                    set("team-unicode", SVC0, "team", q("équipe-ü")),
                    set("team-empty", SVC0, "team", q("")),
                    set("team-aws-prefix", SVC0, "team", q("aws:team")),
                    set("aws-profile-odd", ENV0, "awsProfile", q("my profile/with slash")),
                    duplicateLast("service-twice", "services"),
                    duplicateLast("environment-twice", "environments"),
                    set("services-empty", "", "services", "[]"),
                    set("environments-empty", "", "environments", "[]"),
                    // naming schemes
                    set("naming-platform-service", "", "repositoryNaming", q("{platform}/{service}")),
                    set("naming-dashes", "", "repositoryNaming", q("{platform}-{environment}-{service}")),
                    set("naming-service-only", "", "repositoryNaming", q("{service}")),
                    set("naming-env-first", "", "repositoryNaming", q("{environment}/{platform}/{service}")),
                    set("naming-literal", "", "repositoryNaming", q("images/{platform}/{environment}/{service}")),
                    set("naming-uppercase-literal", "", "repositoryNaming", q("Images/{service}")),
                    set("naming-double-slash", "", "repositoryNaming", q("{platform}//{service}")),
                    set("naming-trailing-slash", "", "repositoryNaming", q("{platform}/{environment}/{service}/")),
                    set("naming-unknown-placeholder", "", "repositoryNaming", q("{platform}/{team}/{service}")),
                    set("naming-service-twice", "", "repositoryNaming", q("{service}/{environment}/{service}")),
                    set("naming-env-level", ENV0, "repositoryNaming", q("{platform}/{service}")),
                    set("naming-long-literal", "", "repositoryNaming", q(name(200) + "/{platform}/{environment}/{service}")),
                    // accounts and regions
                    set("account-zeros", ENV0, "account", q("000000000000")),
                    set("account-leading-zero", ENV0, "account", q("012345678901")),
                    set("region-uppercase", ENV0, "region", q("EU-WEST-1")),
                    set("profile-uppercase", ENV0, "profile", q("Prod"))),
            Stream.of("cn-north-1", "us-gov-west-1", "ap-southeast-5", "il-central-1", "mx-central-1", "ca-west-1",
                    "ap-east-2", "ap-southeast-7", "me-central-1", "eu-south-2", "af-south-1")
                    .flatMap(region -> Stream.of("eu-west-1", "us-east-1", "eu-central-1").map(from ->
                            everywhere("estate-" + from + "-to-" + region, from, region))),
            Stream.of(
                    custom("estate-to-china-with-partition", root -> everywhere("", "eu-west-1", "cn-north-1").apply().test(root)
                            & everywhere("", "arn:aws:", "arn:aws-cn:").apply().test(root)),
                    custom("estate-to-govcloud-with-partition", root -> everywhere("", "us-east-1", "us-gov-west-1").apply().test(root)
                            & everywhere("", "arn:aws:", "arn:aws-us-gov:").apply().test(root)),
                    set("env-region-govcloud", ENV0, "region", q("us-gov-east-1")),
                    // replica regions
                    set("replica-regions-empty", ENV0, "replicaRegions", "[]"),
                    set("replica-regions-twice", ENV0, "replicaRegions", "['us-west-2', 'us-west-2']"),
                    set("replica-regions-china", ENV0, "replicaRegions", "['cn-north-1']"),
                    set("replica-regions-govcloud", ENV0, "replicaRegions", "['us-gov-west-1']"),
                    set("replica-regions-opt-in", ENV0, "replicaRegions", "['ap-east-1', 'me-south-1']"),
                    set("replica-regions-25", ENV0, "replicaRegions", list(25, i -> NameFormats.REGIONS.get(i))),
                    set("replica-regions-26", ENV0, "replicaRegions", list(26, i -> NameFormats.REGIONS.get(i))),
                    set("replica-regions-uppercase", ENV0, "replicaRegions", "['US-WEST-2']"),
                    // registry.replication
                    append("replication-same-account-region", "registry", "replication", "{destinations: [{region: 'eu-west-1'}]}"),
                    append("replication-to-other-account", "registry", "replication",
                            "{destinations: [{region: 'us-west-2', account: '999999999999'}]}"),
                    append("replication-destination-twice", "registry", "replication",
                            "{destinations: [{region: 'us-west-2'}, {region: 'us-west-2'}]}"),
                    append("replication-prefix-empty-list", "registry", "replication",
                            "{destinations: [{region: 'us-west-2'}], repositoryPrefixes: []}"),
                    append("replication-environments-empty", "registry", "replication",
                            "{environments: [], destinations: [{region: 'us-west-2'}]}"),
                    append("replication-prefix-outside", "registry", "replication",
                            "{destinations: [{region: 'us-west-2'}], repositoryPrefixes: ['other']}"),
                    append("replication-prefix-uppercase", "registry", "replication",
                            "{destinations: [{region: 'us-west-2'}], repositoryPrefixes: ['Shop']}"),
                    custom("replication-eleven-rules", root -> {
                        if (!(root.get("registry") instanceof ObjectNode registry)) {
                            return false;
                        }
                        ArrayNode rules = registry.putArray("replication");
                        for (int i = 0; i < 11; i++) {
                            rules.add(node("{destinations: [{region: '" + NameFormats.REGIONS.get(i) + "', account: '9999999999"
                                    + String.format("%02d", i) + "'}]}"));
                        }
                        return true;
                    }),
                    // publishers: github
                    set("github-branch-long", PUB0, "branches", list(1, i -> "feature/" + repeat('b', 240))),
                    set("github-branch-space", PUB0, "branches", "['my branch']"),
                    set("github-branch-quote", PUB0, "branches", "['fix\"quote']"),
                    set("github-branch-colon", PUB0, "branches", "['fix:1']"),
                    set("github-branch-unicode", PUB0, "branches", "['fonctionnalité']"),
                    set("github-branch-empty-string", PUB0, "branches", "['']"),
                    set("github-branch-twice", PUB0, "branches", "['main', 'main']"),
                    set("github-branch-trailing-slash", PUB0, "branches", "['release/']"),
                    set("github-branch-dotdot", PUB0, "branches", "['a..b']"),
                    set("github-branches-empty-with-env", PUB0, "branches", "[]"),
                    set("github-branches-20", PUB0, "branches", list(20, i -> "release/" + i)),
                    set("github-branches-30", PUB0, "branches", list(30, i -> "release/v" + i + ".x")),
                    set("github-environments-space", PUB0, "environments", "['Production EU']"),
                    set("github-environments-twice", PUB0, "environments", "['release', 'release']"),
                    set("github-release-env-wildcard", PUB0, "releaseEnvironment", q("rel*")),
                    set("github-release-env-space", PUB0, "releaseEnvironment", q("release approval")),
                    set("github-release-env-empty", PUB0, "releaseEnvironment", q("")),
                    set("github-repository-underscore-org", PUB0, "repository", q("example_shop/svc")),
                    set("github-repository-uppercase", PUB0, "repository", q("Example-Shop/User-Service")),
                    set("github-repository-dot", PUB0, "repository", q("example-shop/.github")),
                    set("github-repository-long", PUB0, "repository", q("o/" + repeat('r', 100))),
                    set("github-repository-three-parts", PUB0, "repository", q("example/shop/svc")),
                    set("github-repository-url", PUB0, "repository", q("https://github.com/example-shop/svc")),
                    set("github-allow-wildcard-branch", PUB0, "allowWildcard", "true"),
                    custom("github-wildcard-allowed", root -> putAt(PUB0, "allowWildcard", "true").test(root)
                            && putAt(PUB0, "branches", "['release/*', 'feature/**']").test(root)),
                    custom("github-repository-wildcard-allowed", root -> putAt(PUB0, "allowWildcard", "true").test(root)
                            && putAt(PUB0, "repository", q("example-shop/*")).test(root)),
                    duplicateLast("publisher-twice", "services[0].publishers"),
                    set("publishers-empty", SVC0, "publishers", "[]"),
                    append("publisher-github-and-codebuild", SVC0, "publishers", "{type: codebuild, project: 'svc-build'}"),
                    append("publisher-jenkins-added", SVC0, "publishers",
                            "{type: jenkins, principalArn: 'arn:aws:iam::123456789012:role/jenkins'}"),
                    append("publisher-gitlab-added", SVC0, "publishers", "{type: gitlab, gitlabProject: 'grp/proj', branches: [main]}"),
                    append("publisher-gitlab-self-hosted", SVC0, "publishers",
                            "{type: gitlab, gitlabProject: 'grp/proj', branches: [main], gitlabUrl: 'https://gitlab.example.com'}"),
                    set("github-dual-stack", PUB0, "dualStack", "true"),
                    // codebuild
                    append("codebuild-project-255", SVC0, "publishers", "{type: codebuild, project: " + q("p" + repeat('x', 254)) + "}"),
                    append("codebuild-project-underscore", SVC0, "publishers", "{type: codebuild, project: 'my_project-1'}"),
                    append("codebuild-project-uppercase", SVC0, "publishers", "{type: codebuild, project: 'MyProject'}"),
                    append("codebuild-project-with-env", SVC0, "publishers", "{type: codebuild, project: 'p1', environments: [release]}"),
                    // jenkins
                    onPublisher("jenkins-external-id-1224", "jenkins", put("externalId", q(repeat('e', 1224)))),
                    onPublisher("jenkins-external-id-600", "jenkins", put("externalId", q(repeat('e', 600)))),
                    onPublisher("jenkins-external-id-1", "jenkins", put("externalId", q("e"))),
                    onPublisher("jenkins-principal-user", "jenkins", put("principalArn", q("arn:aws:iam::777777777777:user/jenkins"))),
                    onPublisher("jenkins-principal-path", "jenkins",
                            put("principalArn", q("arn:aws:iam::777777777777:role/" + repeat('p', 400) + "/jenkins"))),
                    onPublisher("jenkins-principal-own-account", "jenkins", put("principalArn", q("arn:aws:iam::555555555555:role/jenkins"))),
                    onPublisher("jenkins-principal-china", "jenkins", put("principalArn", q("arn:aws-cn:iam::777777777777:role/jenkins"))),
                    onPublisher("jenkins-branches-empty", "jenkins", put("branches", "[]")),
                    onPublisher("jenkins-branch-wildcard", "jenkins", put("branches", "['release/*']")),
                    onPublisher("jenkins-dual-stack", "jenkins", put("dualStack", "true")),
                    // gitlab
                    onPublisher("gitlab-url-trailing-slash", "gitlab", put("gitlabUrl", q("https://gitlab.example.com/"))),
                    onPublisher("gitlab-url-path", "gitlab", put("gitlabUrl", q("https://example.com/gitlab"))),
                    onPublisher("gitlab-url-port", "gitlab", put("gitlabUrl", q("https://gitlab.example.com:8443"))),
                    onPublisher("gitlab-url-uppercase", "gitlab", put("gitlabUrl", q("https://GitLab.Example.com"))),
                    onPublisher("gitlab-url-http", "gitlab", put("gitlabUrl", q("http://gitlab.example.com"))),
                    onPublisher("gitlab-project-deep", "gitlab", put("gitlabProject", q("a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/project"))),
                    onPublisher("gitlab-project-long", "gitlab", put("gitlabProject", q("group/" + repeat('p', 255)))),
                    onPublisher("gitlab-branches-30", "gitlab", put("branches", list(30, i -> "release/v" + i + ".x"))),
                    onPublisher("gitlab-branch-space", "gitlab", put("branches", "['my branch']")),
                    onPublisher("gitlab-branches-empty", "gitlab", put("branches", "[]")),
                    onPublisher("gitlab-wildcard-allowed", "gitlab", o -> put("allowWildcard", "true").test(o)
                            && put("branches", "['release/*']").test(o)),
                    // codepipeline
                    onPublisher("codepipeline-branches-8", "codepipeline", put("branches", list(8, i -> "b" + i))),
                    onPublisher("codepipeline-branches-9", "codepipeline", put("branches", list(9, i -> "b" + i))),
                    onPublisher("codepipeline-branches-empty", "codepipeline", put("branches", "[]")),
                    onPublisher("codepipeline-branch-wildcard", "codepipeline", put("branches", "['release/*']")),
                    onPublisher("codepipeline-branch-long", "codepipeline", put("branches", list(1, i -> repeat('b', 300)))),
                    onPublisher("codepipeline-2xlarge", "codepipeline", put("computeType", q("2xlarge"))),
                    onPublisher("codepipeline-arm-image", "codepipeline", put("buildImage", q("aws/codebuild/amazonlinux-aarch64-standard:3.0"))),
                    onPublisher("codepipeline-vpc-without-vpc", "codepipeline", put("vpc", "true")),
                    onPublisher("codepipeline-codecommit", "codepipeline", o -> {
                        o.remove("connectionArn");
                        o.remove("sourceRepository");
                        o.put("codeCommitRepository", "api");
                        o.set("branches", node("['main']"));
                        return true;
                    }),
                    onPublisher("codepipeline-connection-other-region", "codepipeline", put("connectionArn",
                            q("arn:aws:codeconnections:us-east-1:555555555555:connection/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"))),
                    onPublisher("codepipeline-connection-other-account", "codepipeline", put("connectionArn",
                            q("arn:aws:codeconnections:eu-west-1:123456789012:connection/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"))),
                    onPublisher("codepipeline-source-three-parts", "codepipeline", put("sourceRepository", q("group/sub/api"))),
                    // services: public, catalog, architectures, lambda
                    set("public-service", SVC0, "public", "true"),
                    custom("public-catalog-os-unknown", root -> putAt(SVC0, "public", "true").test(root)
                            && putAt(SVC0, "catalog", "{operatingSystems: ['macOS']}").test(root)),
                    custom("public-catalog-about-25600", root -> putAt(SVC0, "public", "true").test(root)
                            && putAt(SVC0, "catalog", "{about: " + q(repeat('a', 25_600)) + "}").test(root)),
                    custom("public-catalog-usage-25601", root -> putAt(SVC0, "public", "true").test(root)
                            && putAt(SVC0, "catalog", "{usage: " + q(repeat('a', 25_601)) + "}").test(root)),
                    custom("public-catalog-description-1024", root -> putAt(SVC0, "public", "true").test(root)
                            && putAt(SVC0, "catalog", "{description: " + q(repeat('d', 1024)) + "}").test(root)),
                    custom("public-catalog-os-twice", root -> putAt(SVC0, "public", "true").test(root)
                            && putAt(SVC0, "catalog", "{operatingSystems: ['Linux', 'Linux']}").test(root)),
                    custom("public-name-long", root -> putAt(SVC0, "public", "true").test(root)
                            && putAt(SVC0, "name", q(name(63))).test(root)),
                    custom("public-in-china", root -> putAt(SVC0, "public", "true").test(root)
                            && everywhere("", "eu-west-1", "cn-north-1").apply().test(root)),
                    set("architectures-all", SVC0, "architectures", "['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/386']"),
                    set("architectures-windows", SVC0, "architectures", "['windows/amd64']"),
                    set("architectures-empty", SVC0, "architectures", "[]"),
                    set("architectures-twice", SVC0, "architectures", "['linux/amd64', 'linux/amd64']"),
                    custom("lambda-arm-in-region", root -> putAt(SVC0, "lambda", "true").test(root)
                            && putAt(SVC0, "architectures", "['linux/arm64']").test(root)),
                    custom("lambda-with-empty-architectures", root -> putAt(SVC0, "lambda", "true").test(root)
                            && putAt(SVC0, "architectures", "[]").test(root)),
                    // tag mutability exclusions
                    custom("exclusions-five-with-reason", root -> putAt(SVC0, "tagMutabilityExclusions",
                            "['a*', 'b*', 'c*', 'd*', 'e*']").test(root) && putAt(SVC0, "overrideReason", q("ok")).test(root)),
                    custom("exclusion-star", root -> putAt(SVC0, "tagMutabilityExclusions", "['*']").test(root)
                            && putAt(SVC0, "overrideReason", q("ok")).test(root)),
                    custom("exclusion-128", root -> putAt(SVC0, "tagMutabilityExclusions", list(1, i -> repeat('x', 127) + "*")).test(root)
                            && putAt(SVC0, "overrideReason", q("ok")).test(root)),
                    custom("exclusion-129", root -> putAt(SVC0, "tagMutabilityExclusions", list(1, i -> repeat('x', 128) + "*")).test(root)
                            && putAt(SVC0, "overrideReason", q("ok")).test(root)),
                    custom("exclusion-slash", root -> putAt(SVC0, "tagMutabilityExclusions", "['feature/*']").test(root)
                            && putAt(SVC0, "overrideReason", q("ok")).test(root)),
                    custom("exclusion-twice", root -> putAt(SVC0, "tagMutabilityExclusions", "['dev-*', 'dev-*']").test(root)
                            && putAt(SVC0, "overrideReason", q("ok")).test(root)),
                    custom("exclusion-empty-list", root -> putAt(SVC0, "tagMutabilityExclusions", "[]").test(root)
                            && putAt(SVC0, "overrideReason", q("ok")).test(root)),
                    custom("exclusion-latest", root -> putAt(SVC0, "tagMutabilityExclusions", "['latest']").test(root)
                            && putAt(SVC0, "overrideReason", q("ok")).test(root)),
                    set("override-reason-alone", SVC0, "overrideReason", q("because")),
                    // retention overrides at and past the limits
                    set("overrides-untagged-1", ENV0, "overrides", "{untaggedExpiryDays: 1}"),
                    set("overrides-untagged-huge", ENV0, "overrides", "{untaggedExpiryDays: 2147483647}"),
                    set("overrides-keep-last-huge", ENV0, "overrides", "{keepLastImages: 100000}"),
                    set("overrides-keep-last-zero", ENV0, "overrides", "{keepLastImages: 0}"),
                    set("overrides-release-30", ENV0, "overrides", "{releaseTagRetentionDays: 30}"),
                    set("overrides-release-huge", ENV0, "overrides", "{releaseTagRetentionDays: 36500}"),
                    set("overrides-release-29", ENV0, "overrides", "{releaseTagRetentionDays: 29}"),
                    set("overrides-build-1", ENV0, "overrides", "{buildTagRetentionDays: 1}"),
                    set("overrides-build-over-release", ENV0, "overrides", "{buildTagRetentionDays: 400, releaseTagRetentionDays: 365}"),
                    set("overrides-build-equals-untagged", ENV0, "overrides", "{buildTagRetentionDays: 7, untaggedExpiryDays: 7}"),
                    set("overrides-other-archive-with-keep", ENV0, "overrides", "{otherArchiveDays: 30}"),
                    set("overrides-other-archive", ENV0, "overrides", "{otherArchiveDays: 30, keepLastImages: 0}"),
                    set("overrides-other-archive-29", ENV0, "overrides", "{otherArchiveDays: 29, keepLastImages: 0}"),
                    set("overrides-archived-expiry-90", ENV0, "overrides", "{archivedExpiryDays: 90}"),
                    set("overrides-archived-expiry-89", ENV0, "overrides", "{archivedExpiryDays: 89}"),
                    set("overrides-promotion-30", ENV0, "overrides", "{promotionArchiveDays: 30}"),
                    set("overrides-promotion-huge", ENV0, "overrides", "{promotionArchiveDays: 100000}"),
                    set("overrides-all-off", ENV0, "overrides", "{keepLastImages: 0, buildTagRetentionDays: 0, otherArchiveDays: 0}"),
                    set("overrides-scan-manual", ENV0, "overrides", "{scanFrequency: MANUAL}"),
                    set("overrides-continuous", ENV0, "overrides", "{scanFrequency: CONTINUOUS_SCAN}"),
                    set("overrides-alerts-on", ENV0, "overrides", "{alerts: true}"),
                    set("overrides-severity-informational", ENV0, "overrides", "{alerts: true, alertSeverity: INFORMATIONAL}"),
                    set("overrides-prod-destroy", ENV0, "overrides", "{removalPolicy: DESTROY, terminationProtection: true}"),
                    set("service-overrides-termination", SVC0, "overrides", "{terminationProtection: true}"),
                    set("service-overrides-archived", SVC0, "overrides", "{archivedExpiryDays: 90}"),
                    set("service-overrides-immutable-off", SVC0, "overrides", "{requireImmutableTags: false}"),
                    set("service-overrides-continuous", SVC0, "overrides", "{scanFrequency: CONTINUOUS_SCAN}"),
                    set("service-overrides-manual", SVC0, "overrides", "{scanFrequency: MANUAL}"),
                    set("service-overrides-alerts-on", SVC0, "overrides", "{alerts: true}"),
                    // escape hatches
                    set("lifecycle-empty-rules", SVC0, "lifecyclePolicy", q("{\"rules\": []}")),
                    set("lifecycle-not-json", SVC0, "lifecyclePolicy", q("rules: []")),
                    set("lifecycle-one-rule", SVC0, "lifecyclePolicy", lifecycle(String.format(LIFECYCLE_RULE, 1, "untagged", "untagged", "",
                            "sinceImagePushed", "\"countUnit\": \"days\",", 1))),
                    set("lifecycle-priority-twice", SVC0, "lifecyclePolicy", lifecycle(
                            String.format(LIFECYCLE_RULE, 1, "a", "untagged", "", "sinceImagePushed", "\"countUnit\": \"days\",", 1),
                            String.format(LIFECYCLE_RULE, 1, "b", "any", "", "imageCountMoreThan", "", 10))),
                    set("lifecycle-any-not-last", SVC0, "lifecyclePolicy", lifecycle(
                            String.format(LIFECYCLE_RULE, 1, "b", "any", "", "imageCountMoreThan", "", 10),
                            String.format(LIFECYCLE_RULE, 2, "a", "untagged", "", "sinceImagePushed", "\"countUnit\": \"days\",", 1))),
                    set("lifecycle-description-long", SVC0, "lifecyclePolicy", lifecycle(String.format(LIFECYCLE_RULE, 1, repeat('d', 300),
                            "untagged", "", "sinceImagePushed", "\"countUnit\": \"days\",", 1))),
                    set("lifecycle-tag-pattern", SVC0, "lifecyclePolicy", lifecycle(String.format(LIFECYCLE_RULE, 1, "p", "tagged",
                            "\"tagPatternList\": [\"*-rc*\"],", "imageCountMoreThan", "", 5))),
                    set("lifecycle-tag-prefix-and-pattern", SVC0, "lifecyclePolicy", lifecycle(String.format(LIFECYCLE_RULE, 1, "p", "tagged",
                            "\"tagPatternList\": [\"*-rc*\"], \"tagPrefixList\": [\"v\"],", "imageCountMoreThan", "", 5))),
                    set("lifecycle-priority-huge", SVC0, "lifecyclePolicy", lifecycle(String.format(LIFECYCLE_RULE, 999999, "u", "untagged",
                            "", "sinceImagePushed", "\"countUnit\": \"days\",", 1))),
                    set("lifecycle-priority-zero", SVC0, "lifecyclePolicy", lifecycle(String.format(LIFECYCLE_RULE, 0, "u", "untagged",
                            "", "sinceImagePushed", "\"countUnit\": \"days\",", 1))),
                    set("lifecycle-51-rules", SVC0, "lifecyclePolicy", lifecycle(IntStream.rangeClosed(1, 51).mapToObj(i ->
                            String.format(LIFECYCLE_RULE, i, "r" + i, "tagged", "\"tagPrefixList\": [\"p" + i + "-\"],",
                                    "imageCountMoreThan", "", 5)).toArray(String[]::new))),
                    set("lifecycle-count-zero", SVC0, "lifecyclePolicy", lifecycle(String.format(LIFECYCLE_RULE, 1, "u", "untagged",
                            "", "sinceImagePushed", "\"countUnit\": \"days\",", 0))),
                    set("lifecycle-unit-hours", SVC0, "lifecyclePolicy", lifecycle(String.format(LIFECYCLE_RULE, 1, "u", "untagged",
                            "", "sinceImagePushed", "\"countUnit\": \"hours\",", 1))),
                    set("lifecycle-prefix-twice", SVC0, "lifecyclePolicy", lifecycle(String.format(LIFECYCLE_RULE, 1, "p", "tagged",
                            "\"tagPrefixList\": [\"v\", \"v\"],", "imageCountMoreThan", "", 5))),
                    set("statements-empty", SVC0, "repositoryPolicyStatements", q("[]")),
                    set("statements-not-array", SVC0, "repositoryPolicyStatements",
                            q("{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"}, \"Action\": \"ecr:ListImages\"}")),
                    set("statements-sid-space", SVC0, "repositoryPolicyStatements", q("[{\"Sid\": \"Audit read\", \"Effect\": \"Allow\","
                            + " \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"}, \"Action\": \"ecr:ListImages\"}]")),
                    set("statements-sid-twice", SVC0, "repositoryPolicyStatements", q("[{\"Sid\": \"A\", \"Effect\": \"Allow\","
                            + " \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"}, \"Action\": \"ecr:ListImages\"},"
                            + "{\"Sid\": \"A\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::123456789013:root\"}, \"Action\": \"ecr:ListImages\"}]")),
                    set("statements-no-sid", SVC0, "repositoryPolicyStatements", q("[{\"Effect\": \"Allow\","
                            + " \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"}, \"Action\": \"ecr:ListImages\"}]")),
                    set("statements-principal-account-id", SVC0, "repositoryPolicyStatements", q("[{\"Sid\": \"Acct\", \"Effect\": \"Allow\","
                            + " \"Principal\": {\"AWS\": \"123456789012\"}, \"Action\": [\"ecr:BatchGetImage\"]}]")),
                    set("statements-principal-bad-account", SVC0, "repositoryPolicyStatements", q("[{\"Sid\": \"Acct\", \"Effect\": \"Allow\","
                            + " \"Principal\": {\"AWS\": \"arn:aws:iam::12345:root\"}, \"Action\": [\"ecr:BatchGetImage\"]}]")),
                    set("statements-principal-service", SVC0, "repositoryPolicyStatements", q("[{\"Sid\": \"Svc\", \"Effect\": \"Allow\","
                            + " \"Principal\": {\"Service\": \"codebuild.amazonaws.com\"}, \"Action\": [\"ecr:BatchGetImage\"]}]")),
                    set("statements-action-wildcard", SVC0, "repositoryPolicyStatements", q("[{\"Sid\": \"W\", \"Effect\": \"Allow\","
                            + " \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"}, \"Action\": \"ecr:*\"}]")),
                    set("statements-action-unknown", SVC0, "repositoryPolicyStatements", q("[{\"Sid\": \"W\", \"Effect\": \"Allow\","
                            + " \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"}, \"Action\": \"ecr:PullImage\"}]")),
                    set("statements-deny", SVC0, "repositoryPolicyStatements", q("[{\"Sid\": \"D\", \"Effect\": \"Deny\","
                            + " \"Principal\": \"*\", \"Action\": \"ecr:DeleteRepository\", \"Condition\": {\"StringNotEquals\": {\"aws:PrincipalAccount\": \"123456789012\"}}}]")),
                    set("statements-not-principal", SVC0, "repositoryPolicyStatements", q("[{\"Sid\": \"D\", \"Effect\": \"Deny\","
                            + " \"NotPrincipal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"}, \"Action\": \"ecr:DeleteRepository\"}]")),
                    set("statements-effect-lowercase", SVC0, "repositoryPolicyStatements", q("[{\"Sid\": \"L\", \"Effect\": \"allow\","
                            + " \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"}, \"Action\": \"ecr:ListImages\"}]")),
                    set("statements-condition-empty", SVC0, "repositoryPolicyStatements", q("[{\"Sid\": \"C\", \"Effect\": \"Allow\","
                            + " \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"}, \"Action\": \"ecr:ListImages\", \"Condition\": {}}]")),
                    // pullers
                    append("puller-account-own", "", "pullers", "{type: account, account: '111111111111'}"),
                    append("puller-account-role-other-account", "", "pullers",
                            "{type: account, account: '123456789012', roleArn: 'arn:aws:iam::210987654321:role/x'}"),
                    append("puller-account-role-path", "", "pullers",
                            "{type: account, account: '123456789012', roleArn: 'arn:aws:iam::123456789012:role/team/x'}"),
                    append("puller-services-empty", "", "pullers", "{type: ecs, services: []}"),
                    append("puller-environments-empty", "", "pullers", "{type: ecs, environments: []}"),
                    append("puller-eks-node", "", "pullers", "{type: eks-node}"),
                    append("puller-eks-fargate", "", "pullers", "{type: eks-fargate}"),
                    append("puller-app-runner", "", "pullers", "{type: app-runner}"),
                    append("puller-ec2", "", "pullers", "{type: ec2}"),
                    append("puller-lambda-all", "", "pullers", "{type: lambda}"),
                    append("puller-ecs-region", "", "pullers", "{type: ecs, region: 'us-west-2'}"),
                    append("puller-account-region-own", "", "pullers", "{type: account, account: '123456789012', region: 'eu-west-1'}"),
                    append("puller-cache", "", "pullers", "{type: ecs, pullThroughCache: true}"),
                    custom("pullers-30-accounts", root -> {
                        ArrayNode pullers = root.putArray("pullers");
                        for (int i = 0; i < 30; i++) {
                            pullers.add(node("{type: account, account: '1234567890" + String.format("%02d", i)
                                    + "', roleArn: 'arn:aws:iam::1234567890" + String.format("%02d", i) + ":role/" + name(60) + "'}"));
                        }
                        return true;
                    }),
                    duplicateLast("puller-twice", "pullers"),
                    // registry: scanning
                    set("scanning-basic", "registry", "scanning", "{type: BASIC}"),
                    set("scanning-enhanced-other-manual", "registry", "scanning", "{type: ENHANCED, otherRepositories: MANUAL}"),
                    set("scanning-basic-other-continuous", "registry", "scanning", "{type: BASIC, otherRepositories: CONTINUOUS_SCAN}"),
                    set("scanning-rule-manual", "registry", "scanning", "{rules: [{frequency: MANUAL, filters: ['x*']}]}"),
                    set("scanning-rule-two", "registry", "scanning",
                            "{rules: [{frequency: CONTINUOUS_SCAN, filters: ['a*']}, {frequency: SCAN_ON_PUSH, filters: ['b*']}]}"),
                    set("scanning-rule-three", "registry", "scanning",
                            "{rules: [{frequency: CONTINUOUS_SCAN, filters: ['a*']}, {frequency: SCAN_ON_PUSH, filters: ['b*']},"
                                    + " {frequency: MANUAL, filters: ['c*']}]}"),
                    set("scanning-filter-long", "registry", "scanning", "{rules: [{frequency: CONTINUOUS_SCAN, filters: ["
                            + q(repeat('f', 256)) + "]}]}"),
                    set("scanning-filter-uppercase", "registry", "scanning", "{rules: [{frequency: CONTINUOUS_SCAN, filters: ['Shop/*']}]}"),
                    set("scanning-filters-100", "registry", "scanning", "{rules: [{frequency: CONTINUOUS_SCAN, filters: "
                            + list(100, i -> "f" + i + "*") + "}]}"),
                    set("scanning-filter-twice", "registry", "scanning", "{rules: [{frequency: CONTINUOUS_SCAN, filters: ['a*', 'a*']}]}"),
                    set("scanning-filter-star", "registry", "scanning", "{rules: [{frequency: CONTINUOUS_SCAN, filters: ['*']}]}"),
                    // pull-through cache
                    append("cache-prefix-2", "registry", "pullThroughCache", "{upstream: quay, prefix: 'qy'}"),
                    append("cache-prefix-1", "registry", "pullThroughCache", "{upstream: quay, prefix: 'q'}"),
                    append("cache-prefix-30", "registry", "pullThroughCache", "{upstream: quay, prefix: " + q(name(30)) + "}"),
                    append("cache-prefix-31", "registry", "pullThroughCache", "{upstream: quay, prefix: " + q(name(31)) + "}"),
                    append("cache-prefix-nested", "registry", "pullThroughCache", "{upstream: quay, prefix: 'mirror/quay'}"),
                    append("cache-prefix-root", "registry", "pullThroughCache", "{upstream: quay, prefix: 'ROOT'}"),
                    append("cache-prefix-aws", "registry", "pullThroughCache", "{upstream: quay, prefix: 'aws'}"),
                    append("cache-prefix-under-platform", "registry", "pullThroughCache", "{upstream: quay, prefix: 'shop/quay'}"),
                    append("cache-prefix-of-env", "registry", "pullThroughCache", "{upstream: quay, prefix: 'dev'}"),
                    append("cache-quay-environments-empty", "registry", "pullThroughCache", "{upstream: quay, environments: []}"),
                    append("cache-github-credential", "registry", "pullThroughCache",
                            "{upstream: github, credentialArn: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:ecr-pullthroughcache/gh-AbCdEf'}"),
                    append("cache-quay-with-credential", "registry", "pullThroughCache",
                            "{upstream: quay, credentialArn: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:ecr-pullthroughcache/q-AbCdEf'}"),
                    append("cache-ecr-same-account", "registry", "pullThroughCache",
                            "{upstream: ecr, prefix: 'base', upstreamAccount: '111111111111', upstreamRegion: 'eu-west-1'}"),
                    append("cache-ecr-other-account", "registry", "pullThroughCache",
                            "{upstream: ecr, prefix: 'base', upstreamAccount: '123456789012', upstreamRegion: 'eu-west-1',"
                                    + " customRoleArn: 'arn:aws:iam::111111111111:role/ptc'}"),
                    append("cache-ecr-upstream-prefix-long", "registry", "pullThroughCache",
                            "{upstream: ecr, prefix: 'base', upstreamAccount: '123456789012', upstreamRegion: 'eu-west-1',"
                                    + " customRoleArn: 'arn:aws:iam::111111111111:role/ptc', upstreamRepositoryPrefix: " + q(name(40)) + "}"),
                    append("cache-ecr-upstream-china", "registry", "pullThroughCache",
                            "{upstream: ecr, prefix: 'base', upstreamAccount: '123456789012', upstreamRegion: 'cn-north-1',"
                                    + " customRoleArn: 'arn:aws:iam::111111111111:role/ptc'}"),
                    append("cache-azure-registry-5", "registry", "pullThroughCache", "{upstream: azure, azureRegistry: 'abcde',"
                            + " credentialArn: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:ecr-pullthroughcache/az-AbCdEf'}"),
                    append("cache-k8s-twice", "registry", "pullThroughCache", "{upstream: k8s}"),
                    custom("cache-rules-50", root -> {
                        if (!(root.get("registry") instanceof ObjectNode registry)) {
                            return false;
                        }
                        ArrayNode rules = registry.putArray("pullThroughCache");
                        for (int i = 0; i < 50; i++) {
                            rules.add(node("{upstream: quay, prefix: 'quay" + i + "'}"));
                        }
                        return true;
                    }),
                    // creation templates
                    append("template-root", "registry", "creationTemplates", "{prefix: 'ROOT', appliedFor: [CREATE_ON_PUSH]}"),
                    append("template-prefix-1", "registry", "creationTemplates", "{prefix: 'x', appliedFor: [CREATE_ON_PUSH]}"),
                    append("template-prefix-256", "registry", "creationTemplates", "{prefix: " + q(name(256)) + ", appliedFor: [CREATE_ON_PUSH]}"),
                    append("template-prefix-257", "registry", "creationTemplates", "{prefix: " + q(name(257)) + ", appliedFor: [CREATE_ON_PUSH]}"),
                    append("template-prefix-platform", "registry", "creationTemplates", "{prefix: 'shop', appliedFor: [CREATE_ON_PUSH]}"),
                    append("template-applied-twice", "registry", "creationTemplates", "{prefix: 'scratch', appliedFor: [CREATE_ON_PUSH, CREATE_ON_PUSH]}"),
                    append("template-applied-replication", "registry", "creationTemplates", "{prefix: 'mirror', appliedFor: [REPLICATION]}"),
                    append("template-applied-unknown", "registry", "creationTemplates", "{prefix: 'scratch', appliedFor: [ON_CREATE]}"),
                    append("template-description-unicode", "registry", "creationTemplates", "{prefix: 'scratch', appliedFor: [CREATE_ON_PUSH],"
                            + " description: " + q("é".repeat(200)) + "}"),
                    append("template-description-empty", "registry", "creationTemplates", "{prefix: 'scratch', appliedFor: [CREATE_ON_PUSH], description: ''}"),
                    duplicateLast("template-twice", "registry.creationTemplates"),
                    // signing
                    set("signing-filters-empty", "registry.signing", "filters", "[]"),
                    set("signing-filter-twice", "registry.signing", "filters", "['tools/*', 'tools/*']"),
                    set("signing-filter-uppercase", "registry.signing", "filters", "['Tools/*']"),
                    set("signing-filter-star", "registry.signing", "filters", "['*']"),
                    set("signing-filters-100", "registry.signing", "filters", list(100, i -> "f" + i + "/*")),
                    replace("signing-profile-2", "registry.signing", "profileArn", q("arn:aws:signer:eu-west-1:777788889999:/signing-profiles/ab")),
                    replace("signing-profile-version", "registry.signing", "profileArn",
                            q("arn:aws:signer:eu-west-1:777788889999:/signing-profiles/tools_release/AbCdEf1234")),
                    // pull-time exclusions, account settings, inspector, ownership
                    set("pull-time-own-roles", "registry", "pullTimeUpdateExclusions", "{ownRoles: true}"),
                    set("pull-time-roles-twice", "registry", "pullTimeUpdateExclusions",
                            "{roleArns: ['arn:aws:iam::123456789012:role/s', 'arn:aws:iam::123456789012:role/s']}"),
                    set("pull-time-roles-6", "registry", "pullTimeUpdateExclusions", "{roleArns: "
                            + list(6, i -> "arn:aws:iam::123456789012:role/scanner" + i) + "}"),
                    set("pull-time-roles-empty", "registry", "pullTimeUpdateExclusions", "{roleArns: []}"),
                    set("inspector-with-basic", "registry", "scanning", "{type: BASIC}"),
                    set("inspector-lifetime", "registry", "inspector", "{rescanDuration: LIFETIME}"),
                    set("account-settings-v1", "registry", "accountSettings", "{registryPolicyScope: V1}"),
                    set("account-settings-blob-disabled", "registry", "accountSettings", "{blobMounting: DISABLED}"),
                    duplicateLast("ownership-twice", "registry.ownership"),
                    set("ownership-all-existing", "registry", "ownership", "[{account: '111111111111', region: 'eu-west-1', scanning: existing,"
                            + " replication: existing, registryPolicy: existing, signing: existing, accountSettings: existing, inspector: existing}]"),
                    // alerts
                    set("alerts-email-uppercase-twice", ENV0, "alerts", "{email: ['Team@example.com', 'team@example.com']}"),
                    set("alerts-email-plus", ENV0, "alerts", "{email: ['team+ecr@example.com']}"),
                    set("alerts-email-no-dot", ENV0, "alerts", "{email: ['team@localhost']}"),
                    set("alerts-https-port", ENV0, "alerts", "{https: ['https://alerts.example.com:8443/ecr?x=1']}"),
                    set("alerts-https-space", ENV0, "alerts", "{https: ['https://alerts.example.com/a b']}"),
                    set("alerts-empty", ENV0, "alerts", "{}"),
                    set("alerts-email-empty", ENV0, "alerts", "{email: []}"),
                    set("alerts-replication-failures", ENV0, "alerts", "{replicationFailures: true}"),
                    set("alerts-cache-failures", ENV0, "alerts", "{pullThroughCacheFailures: true}"),
                    set("alerts-push-guard-on", ENV0, "alerts", "{pushGuard: true}"),
                    set("alerts-push-guard-roles-wildcard", ENV0, "alerts", "{pushGuardAllowedRoles: ['arn:aws:iam::111111111111:role/release-*']}"),
                    set("alerts-push-guard-roles-twice", ENV0, "alerts", "{pushGuardAllowedRoles: ['arn:aws:iam::111111111111:role/r',"
                            + " 'arn:aws:iam::111111111111:role/r']}"),
                    set("alerts-push-guard-roles-path", ENV0, "alerts", "{pushGuardAllowedRoles: ['arn:aws:iam::111111111111:role/team/r']}"),
                    set("alerts-push-guard-roles-20", ENV0, "alerts", "{pushGuardAllowedRoles: "
                            + list(20, i -> "arn:aws:iam::111111111111:role/" + name(60) + i) + "}"),
                    set("alerts-email-30", ENV0, "alerts", "{email: " + list(30, i -> "team" + i + "@example.com") + "}"),
                    // vpc
                    set("vpc-added", ENV0, "vpc", "{id: 'vpc-0a1b2c3d', cidr: '10.0.0.0/16', subnets: [{id: 'subnet-0a1b2c3d', availabilityZone: 'eu-west-1a'}],"
                            + " routeTables: ['rtb-0a1b2c3d']}"),
                    replace("vpc-subnets-empty", ENV0 + ".vpc", "subnets", "[]"),
                    onFirstWith("vpc-subnet-twice", "environments", "vpc", o -> {
                        ArrayNode subnets = (ArrayNode) o.path("vpc").path("subnets");
                        subnets.add(subnets.get(0).deepCopy());
                        return true;
                    }),
                    onFirstWith("vpc-subnet-az-id", "environments", "vpc", o -> {
                        ((ObjectNode) o.path("vpc").path("subnets").get(0)).put("availabilityZone", "euw1-az1");
                        return true;
                    }),
                    onFirstWith("vpc-subnet-az-d", "environments", "vpc", o -> {
                        ((ObjectNode) o.path("vpc").path("subnets").get(0)).put("availabilityZone", o.path("region").asText() + "d");
                        return true;
                    }),
                    onFirstWith("vpc-subnet-az-local-zone", "environments", "vpc", o -> {
                        ((ObjectNode) o.path("vpc").path("subnets").get(0)).put("availabilityZone", o.path("region").asText() + "-lax-1a");
                        return true;
                    }),
                    onFirstWith("vpc-cidr-host-bits", "environments", "vpc", o -> {
                        ((ObjectNode) o.path("vpc")).put("cidr", "10.20.1.5/16");
                        return true;
                    }),
                    onFirstWith("vpc-cidr-0", "environments", "vpc", o -> {
                        ((ObjectNode) o.path("vpc")).put("cidr", "0.0.0.0/0");
                        return true;
                    }),
                    onFirstWith("vpc-cidr-32", "environments", "vpc", o -> {
                        ((ObjectNode) o.path("vpc")).put("cidr", "10.20.0.1/32");
                        return true;
                    }),
                    onFirstWith("vpc-route-tables-empty", "environments", "vpc", o -> {
                        ((ObjectNode) o.path("vpc")).set("routeTables", node("[]"));
                        return true;
                    }),
                    onFirstWith("vpc-route-table-twice", "environments", "vpc", o -> {
                        ((ObjectNode) o.path("vpc")).set("routeTables", node("['rtb-0a1b2c3d4e5f60001', 'rtb-0a1b2c3d4e5f60001']"));
                        return true;
                    }),
                    onFirstWith("vpc-existing-twice", "environments", "vpc", o -> {
                        ((ObjectNode) o.path("vpc")).set("existingEndpoints", node("['s3', 's3']"));
                        return true;
                    }),
                    onFirstWith("vpc-existing-unknown", "environments", "vpc", o -> {
                        ((ObjectNode) o.path("vpc")).set("existingEndpoints", node("['ecr']"));
                        return true;
                    }),
                    onFirstWith("vpc-existing-all-logs", "environments", "vpc", o -> {
                        ((ObjectNode) o.path("vpc")).set("existingEndpoints", node("['ecr.api', 'ecr.dkr', 's3']"));
                        ((ObjectNode) o.path("vpc")).put("logsEndpoint", true);
                        return true;
                    }),
                    onFirstWith("vpc-org", "environments", "vpc", o -> {
                        ((ObjectNode) o.path("vpc")).put("organizationId", "o-a1b2c3d4e5");
                        return true;
                    }),
                    onFirstWith("vpc-s3-own-principals", "environments", "vpc", o -> {
                        ((ObjectNode) o.path("vpc")).put("s3EndpointPolicy", "ownPrincipals");
                        return true;
                    }),
                    onFirstWith("vpc-s3-layers-only", "environments", "vpc", o -> {
                        ((ObjectNode) o.path("vpc")).put("s3EndpointPolicy", "ecrLayersOnly");
                        return true;
                    }),
                    onFirstWith("vpc-subnets-7", "environments", "vpc", o -> {
                        ArrayNode subnets = ((ObjectNode) o.path("vpc")).putArray("subnets");
                        for (int i = 0; i < 7; i++) {
                            subnets.add(node("{id: 'subnet-0a1b2c3d4e5f6000" + i + "', availabilityZone: '" + o.path("region").asText()
                                    + (char) ('a' + i) + "'}"));
                        }
                        return true;
                    }),
                    custom("vpc-same-in-two-envs", root -> {
                        JsonNode withVpc = null;
                        for (JsonNode env : root.path("environments")) {
                            if (env.has("vpc")) {
                                withVpc = env;
                            }
                        }
                        if (withVpc == null) {
                            return false;
                        }
                        for (JsonNode env : root.path("environments")) {
                            if (!env.has("vpc") && env.path("region").equals(withVpc.path("region"))) {
                                ((ObjectNode) env).set("vpc", withVpc.get("vpc").deepCopy());
                                return true;
                            }
                        }
                        return false;
                    }),
                    // environment settings
                    set("encryption-dsse", ENV0, "encryption", q("KMS_DSSE")),
                    set("shared-key", ENV0, "sharedKey", "true"),
                    set("usage-metrics-defaults", ENV0, "usageMetrics", "{}"),
                    set("usage-metrics-100", ENV0, "usageMetrics", "{imagesPerRepositoryQuota: 1, alarmPercent: 100}"),
                    set("usage-metrics-huge", ENV0, "usageMetrics", "{imagesPerRepositoryQuota: 2147483647, alarmPercent: 1}"),
                    // delivery
                    replace("delivery-branch-slash", "delivery", "branch", q("release/main")),
                    replace("delivery-branch-space", "delivery", "branch", q("my branch")),
                    replace("delivery-branch-long", "delivery", "branch", q(repeat('b', 300))),
                    replace("delivery-approval-empty", "delivery", "approvalEmail", "[]"),
                    replace("delivery-approval-twice", "delivery", "approvalEmail", "['a@example.com', 'a@example.com']"),
                    replace("delivery-boundary-aws-managed", "delivery", "permissionsBoundary", q("arn:aws:iam::aws:policy/PowerUserAccess")),
                    replace("delivery-boundary-128", "delivery", "permissionsBoundary", q(repeat('b', 128))),
                    replace("delivery-boundary-path", "delivery", "permissionsBoundary", q("arn:aws:iam::111111111111:policy/team/boundary")),
                    replace("delivery-account-of-env", "delivery", "account", q("111111111111")),
                    replace("delivery-region-other", "delivery", "region", q("us-west-2")),
                    replace("delivery-region-china", "delivery", "region", q("cn-north-1")),
                    replace("delivery-repository-dot-git", "delivery", "repository", q("example/platform.git")),
                    custom("delivery-connection-other-region", root -> {
                        if (!(root.get("delivery") instanceof ObjectNode delivery)) {
                            return false;
                        }
                        delivery.put("connectionArn", delivery.get("connectionArn").asText().replaceFirst(":[a-z]+-[a-z]+-[0-9]:", ":ap-south-1:"));
                        return true;
                    }),
                    custom("delivery-with-one-env-prod", root -> {
                        if (!(root.get("delivery") instanceof ObjectNode)) {
                            return false;
                        }
                        ArrayNode envs = (ArrayNode) root.get("environments");
                        while (envs.size() > 1) {
                            envs.remove(0);
                        }
                        root.remove("pullers");
                        root.remove("promotionOrder");
                        return true;
                    }),
                    // tagging
                    set("tagging-release-empty", "", "tagging", "{releasePrefix: ''}"),
                    set("tagging-release-128", "", "tagging", "{releasePrefix: " + q(repeat('r', 128)) + "}"),
                    set("tagging-release-prod", "", "tagging", "{releasePrefix: 'prod-'}"),
                    set("tagging-release-dev", "", "tagging", "{releasePrefix: 'dev'}"),
                    set("tagging-release-latest", "", "tagging", "{releasePrefix: 'latest'}"),
                    set("tagging-release-uppercase", "", "tagging", "{releasePrefix: 'V'}"),
                    set("tagging-release-commit", "", "tagging", "{releasePrefix: 'commit-'}"),
                    set("tagging-build-empty", "", "tagging", "{buildPrefixes: []}"),
                    set("tagging-build-env", "", "tagging", "{buildPrefixes: ['dev-']}"),
                    set("tagging-build-staging", "", "tagging", "{buildPrefixes: ['staging-', 'commit-']}"),
                    set("tagging-build-uppercase", "", "tagging", "{buildPrefixes: ['Commit-']}"),
                    set("tagging-build-long", "", "tagging", "{buildPrefixes: [" + q(repeat('c', 128)) + "]}"),
                    set("tagging-build-45", "", "tagging", "{buildPrefixes: " + list(45, i -> "b" + i + "x-") + "}"),
                    set("tagging-build-latest", "", "tagging", "{buildPrefixes: ['latest']}"),
                    set("tagging-allow-latest", "", "tagging", "{allowLatest: true}"),
                    // promotion order
                    set("promotion-order-empty", "", "promotionOrder", "[]"),
                    custom("promotion-order-twice", root -> {
                        ArrayNode order = root.putArray("promotionOrder");
                        root.path("environments").forEach(e -> order.add(e.get("name").asText()));
                        order.add(order.get(0).deepCopy());
                        return order.size() > 1;
                    }),
                    custom("promotion-order-reversed", root -> {
                        List<String> names = new ArrayList<>();
                        root.path("environments").forEach(e -> names.add(e.get("name").asText()));
                        if (names.size() < 2) {
                            return false;
                        }
                        Collections.reverse(names);
                        ArrayNode order = root.putArray("promotionOrder");
                        names.forEach(order::add);
                        return true;
                    }),
                    custom("promotion-order-written", root -> {
                        ArrayNode order = root.putArray("promotionOrder");
                        root.path("environments").forEach(e -> order.add(e.get("name").asText()));
                        return true;
                    }),
                    custom("two-prod-environments", root -> {
                        ArrayNode envs = (ArrayNode) root.get("environments");
                        ObjectNode copy = ((ObjectNode) envs.get(envs.size() - 1)).deepCopy();
                        copy.put("name", "prod2");
                        copy.put("profile", "prod");
                        copy.put("region", "us-west-2");
                        copy.remove("vpc");
                        copy.remove("replicaRegions");
                        envs.add(copy);
                        return true;
                    }),
                    custom("env-in-replica-region", root -> {
                        for (JsonNode env : root.path("environments")) {
                            if (env.has("replicaRegions")) {
                                ObjectNode copy = NODES.objectNode();
                                copy.put("name", "dr");
                                copy.set("account", env.get("account"));
                                copy.set("region", env.path("replicaRegions").get(0));
                                copy.put("profile", "staging");
                                ((ArrayNode) root.get("environments")).add(copy);
                                return true;
                            }
                        }
                        return false;
                    }),
                    // accounts
                    set("accounts-existing-first", "", "accounts", "[{account: '111111111111', githubOidcProvider: existing}]"),
                    duplicateLast("accounts-twice", "accounts"),
                    set("accounts-gitlab-existing", "", "accounts", "[{account: '555555555555', gitlabOidcProvider: existing}]"),
                    // compliance
                    set("compliance-packs-empty", "", "compliance", "{packs: []}"),
                    set("compliance-packs-twice", "", "compliance", "{packs: [AwsSolutions, AwsSolutions]}"),
                    set("compliance-all-packs", "", "compliance", "{packs: [AwsSolutions, NIST80053R5, HIPAASecurity, PCIDSS321]}"),
                    set("compliance-packs-every-one", "", "compliance", "{packs: [AwsSolutions, NIST80053R5, HIPAA, PCI]}"),
                    set("compliance-families-unknown", "", "compliance", "{controlTower: {families: [FOO]}}"),
                    set("compliance-families-empty", "", "compliance", "{controlTower: {families: []}}"),
                    set("compliance-exception-unknown", "", "compliance", "{controlTower: {exceptions: [{control: 'CT.ECR.PR.99', reason: 'x'}]}}"),
                    set("compliance-exception-twice", "", "compliance", "{controlTower: {exceptions: [{control: 'CT.ECR.PR.1', reason: 'x'},"
                            + " {control: 'CT.ECR.PR.1', reason: 'y'}]}}"),
                    // alerts where the environment has alerts on
                    custom("alerts-on-email-case-twice", root -> putAt(ENV0, "overrides", "{alerts: true}").test(root)
                            && putAt(ENV0, "alerts", "{email: ['Team@example.com', 'team@example.com']}").test(root)),
                    custom("alerts-on-https-twice-port", root -> putAt(ENV0, "overrides", "{alerts: true}").test(root)
                            && putAt(ENV0, "alerts", "{https: ['https://a.example.com:8443/x', 'https://a.example.com:8443/x/']}").test(root)),
                    custom("alerts-on-email-30", root -> putAt(ENV0, "overrides", "{alerts: true}").test(root)
                            && putAt(ENV0, "alerts", "{email: " + list(30, i -> "team" + i + "@example.com") + "}").test(root)),
                    custom("alerts-on-push-guard-roles-50", root -> putAt(ENV0, "overrides", "{alerts: true}").test(root)
                            && putAt(ENV0, "alerts", "{pushGuard: true, pushGuardAllowedRoles: "
                            + list(50, i -> "arn:aws:iam::111111111111:role/" + name(60) + i) + "}").test(root)),
                    custom("alerts-on-severity-critical", root -> putAt(ENV0, "overrides", "{alerts: true}").test(root)
                            && putAt(ENV0, "alerts", "{severity: CRITICAL}").test(root)),
                    custom("alerts-on-cache-failures", root -> putAt(ENV0, "overrides", "{alerts: true}").test(root)
                            && putAt(ENV0, "alerts", "{pullThroughCacheFailures: true}").test(root)),
                    // more pullers and exclusions
                    append("puller-lambda-twice", "", "pullers", "{type: lambda}"),
                    custom("puller-role-twice-other-services", root -> {
                        ArrayNode pullers = root.putArray("pullers");
                        String first = root.path("services").get(0).path("name").asText();
                        pullers.add(node("{type: account, roleArn: 'arn:aws:iam::123456789012:role/x', services: [" + first + "]}"));
                        pullers.add(node("{type: account, roleArn: 'arn:aws:iam::123456789012:role/x'}"));
                        return true;
                    }),
                    set("pull-time-roles-other-account", "registry", "pullTimeUpdateExclusions",
                            "{roleArns: ['arn:aws:iam::999999999999:role/scanner']}"),
                    set("pull-time-roles-china", "registry", "pullTimeUpdateExclusions",
                            "{roleArns: ['arn:aws-cn:iam::123456789012:role/scanner']}"),
                    // replication combinations
                    append("replication-other-account-same-region", "registry", "replication",
                            "{destinations: [{region: 'eu-west-1', account: '999999999999'}]}"),
                    append("replication-other-account-and-replica-region", "registry", "replication",
                            "{destinations: [{region: 'eu-central-1', account: '999999999999'}, {region: 'eu-central-1'}]}"),
                    custom("replication-into-other-environment-account", root -> {
                        JsonNode envs = root.path("environments");
                        if (envs.size() < 2 || !(root.get("registry") instanceof ObjectNode registry)
                                || envs.get(0).path("account").equals(envs.get(envs.size() - 1).path("account"))) {
                            return false;
                        }
                        registry.putArray("replication").add(node("{environments: [" + envs.get(0).path("name").asText()
                                + "], destinations: [{region: 'us-west-2', account: '" + envs.get(envs.size() - 1).path("account").asText() + "'}]}"));
                        return true;
                    }),
                    // usage metrics and shared keys elsewhere
                    custom("usage-metrics-in-china", root -> putAt(ENV0, "usageMetrics", "{}").test(root)
                            && everywhere("", "eu-west-1", "cn-north-1").apply().test(root)),
                    custom("shared-key-dsse-mixed", root -> putAt(ENV0, "sharedKey", "true").test(root)
                            && putAt(ENV0, "encryption", q("KMS_DSSE")).test(root)),
                    // a field in another section
                    custom("alerts-in-service", root -> putAt(SVC0, "alerts", "{email: ['a@example.com']}").test(root)),
                    custom("replica-regions-top-level", root -> {
                        root.set("replicaRegions", node("['us-west-2']"));
                        return true;
                    }),
                    custom("branches-on-service", root -> putAt(SVC0, "branches", "['main']").test(root))
            )).flatMap(s -> s).toList();
}
