package validation;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * AWS Control Tower's proactive controls as the npm package {@value #PACKAGE} ships them (pinned in
 * {@code package.json}): the cfn-guard rule files under {@code rules/control-tower/cfn-guard}, one control per file,
 * and the cfn-guard binary for Linux and macOS under {@code bin/<ubuntu|macos>/<x86_64|aarch64>/cfn-guard}.
 * The package's own plugin is TypeScript and not on Maven Central; this class reads the same files.
 *
 * <p>Each rule file names its control in its messages ({@code [CT.KMS.PR.3]: <what it requires>} and
 * {@code [FIX]: <how>}), and its top-level rules ({@code rule kms_create_grant_aws_service_check when ...}) are the
 * names cfn-guard reports results under.
 */
public final class ControlTowerRules {

    /** The npm package that ships the rules and the binary. */
    public static final String PACKAGE = "@cdklabs/cdk-validator-cfnguard";

    /** A control: its id ({@code CT.KMS.PR.3}), what it requires, how to fix a resource that fails it. */
    public record Control(String id, String description, String fix) {

        /** The service family of the id, the part after {@code CT.}: {@code KMS} for {@code CT.KMS.PR.3}. */
        public String family() {
            return family(id);
        }

        public static String family(String controlId) {
            String[] parts = controlId.split("\\.");
            return parts.length > 1 ? parts[1] : controlId;
        }
    }

    private static final Pattern CONTROL = Pattern.compile("\\[(CT\\.[A-Z0-9]+\\.PR\\.\\d+)\\]:\\s*(.+)");
    private static final Pattern FIX = Pattern.compile("\\[FIX\\]:\\s*(.+)");
    private static final Pattern TOP_LEVEL_RULE = Pattern.compile("(?m)^rule\\s+(\\w+)\\s+when\\b");
    /** A CloudFormation resource type named in a rule file ({@code let ECR_REPOSITORY_TYPE = "AWS::ECR::Repository"}). */
    private static final Pattern RESOURCE_TYPE = Pattern.compile("AWS::[A-Za-z0-9]+::[A-Za-z0-9]+");

    /**
     * One rule file and the resource types it names. Every Control Tower rule selects the resources it checks by
     * type ({@code Resources.*[ Type == %ECR_REPOSITORY_TYPE ]}) and applies only when that selection is not empty,
     * so on a template without any of those types all its rules are "not applicable".
     */
    record RuleFile(Path file, Set<String> resourceTypes) {
    }

    private final Path packageDirectory;
    private final String version;
    private final Map<String, Control> controlsByGuardRule;
    private final Map<String, Control> controlsById;
    private final List<RuleFile> ruleFiles;

    private ControlTowerRules(Path packageDirectory, String version, Map<String, Control> controlsByGuardRule,
                              List<RuleFile> ruleFiles) {
        this.packageDirectory = packageDirectory;
        this.version = version;
        this.ruleFiles = List.copyOf(ruleFiles);
        this.controlsByGuardRule = Collections.unmodifiableMap(controlsByGuardRule);
        Map<String, Control> byId = new TreeMap<>();
        controlsByGuardRule.values().forEach(control -> byId.putIfAbsent(control.id(), control));
        this.controlsById = Collections.unmodifiableMap(byId);
    }

    /**
     * The package in the nearest {@code node_modules} of {@code directory} or one of its parents (where Node would
     * find it), or empty when none holds it.
     */
    public static Optional<ControlTowerRules> find(Path directory) {
        for (Path candidate = directory.toAbsolutePath(); candidate != null; candidate = candidate.getParent()) {
            Path packageDirectory = candidate.resolve("node_modules").resolve(PACKAGE);
            if (Files.isRegularFile(packageDirectory.resolve("package.json"))) {
                return Optional.of(load(packageDirectory));
            }
        }
        return Optional.empty();
    }

    /** The package installed in {@code packageDirectory}. */
    static ControlTowerRules load(Path packageDirectory) {
        try {
            String version = new ObjectMapper().readTree(packageDirectory.resolve("package.json").toFile())
                    .path("version").asText();
            Map<String, Control> controls = new LinkedHashMap<>();
            List<RuleFile> ruleFiles = new java.util.ArrayList<>();
            try (Stream<Path> files = Files.walk(rulesDirectory(packageDirectory))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".guard")).sorted().toList()) {
                    String text = Files.readString(file);
                    Set<String> types = new LinkedHashSet<>();
                    RESOURCE_TYPE.matcher(text).results().forEach(type -> types.add(type.group()));
                    ruleFiles.add(new RuleFile(file, Collections.unmodifiableSet(types)));
                    Matcher control = CONTROL.matcher(text);
                    Matcher fix = FIX.matcher(text);
                    if (!control.find()) {
                        continue;
                    }
                    Control parsed = new Control(control.group(1), control.group(2).strip(),
                            fix.find() ? fix.group(1).strip() : "See the control's documentation.");
                    Matcher rule = TOP_LEVEL_RULE.matcher(text);
                    while (rule.find()) {
                        controls.putIfAbsent(rule.group(1), parsed);
                    }
                }
            }
            return new ControlTowerRules(packageDirectory, version, controls, ruleFiles);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Control Tower rules of " + packageDirectory, e);
        }
    }

    private static Path rulesDirectory(Path packageDirectory) {
        return packageDirectory.resolve("rules").resolve("control-tower").resolve("cfn-guard");
    }

    /** The directory of rule files, every control of the package. */
    public Path rulesDirectory() {
        return rulesDirectory(packageDirectory);
    }

    /**
     * The rule files that can apply to a template holding {@code resourceTypes}: those naming at least one of the types,
     * plus any file that names none (it may apply to anything). A template of 300 repositories holds a dozen types,
     * which about 25 of the 237 files name ({@link ControlTowerRun}).
     */
    List<RuleFile> ruleFilesFor(Collection<String> resourceTypes) {
        return ruleFiles.stream()
                .filter(rule -> rule.resourceTypes().isEmpty() || rule.resourceTypes().stream().anyMatch(resourceTypes::contains))
                .toList();
    }

    /** The package's version, for example {@code 0.0.62}. */
    public String version() {
        return version;
    }

    /**
     * The cfn-guard binary for this machine's operating system and processor, as the package's plugin chooses it.
     *
     * @throws IllegalStateException on an operating system or processor the package ships no binary for
     */
    public Path binary() {
        return binary(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    Path binary(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        // cfn-guard's own installer calls every Linux "ubuntu".
        String platform = os.contains("linux") ? "ubuntu" : os.contains("mac") ? "macos" : null;
        String architecture = switch (osArch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        if (platform == null || architecture == null) {
            throw new IllegalStateException("Control Tower controls: " + PACKAGE + " ships cfn-guard for Linux and macOS on"
                    + " x86_64 and arm64 only, not for " + osName + " " + osArch);
        }
        return packageDirectory.resolve("bin").resolve(platform).resolve(architecture).resolve("cfn-guard");
    }

    /** The control a top-level guard rule checks, empty for a rule of no control. */
    public Optional<Control> controlOfGuardRule(String guardRule) {
        return Optional.ofNullable(controlsByGuardRule.get(guardRule));
    }

    /** Every control of the package, by id. */
    public Map<String, Control> controls() {
        return controlsById;
    }
}
