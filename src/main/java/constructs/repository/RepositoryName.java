package constructs.repository;

import constructs.internal.Tokens;


import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A private repository name that ECR accepts and that says which service it holds.
 *
 * <p>ECR's rule (API reference, CreateRepository, {@code repositoryName}): 2 to 256 characters matching
 * {@value #ECR_PATTERN}, i.e. lowercase path segments of {@code [a-z0-9]} with single {@code .},
 * {@code _} or {@code -} between characters and {@code /} between segments.
 * https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html
 *
 * <p>On top of that, a last segment such as {@code test}, {@code repo1} or {@code app} is rejected: the
 * repository outlives the experiment, and IAM, alerts and cost reports can only be read when the name
 * tells which service it holds.
 *
 * @param value the validated name, e.g. {@code shop/dev/user-service}
 */
public record RepositoryName(String value) {

    /** The pattern of the ECR API reference, unchanged. */
    public static final String ECR_PATTERN = "(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*";
    /** ECR's shortest repository name. */
    public static final int MIN_LENGTH = 2;
    /** ECR's longest repository name. */
    public static final int MAX_LENGTH = 256;

    private static final Pattern ECR = Pattern.compile(ECR_PATTERN);

    /**
     * Last segments that do not name a service. Judged after trailing digits and separators are
     * removed, so {@code repo1}, {@code test-2} and {@code app01} are caught too.
     */
    static final Set<String> GENERIC_SEGMENTS = Set.of(
            "app", "application", "container", "default", "demo", "docker", "ecr", "example", "foo", "bar",
            "image", "images", "main", "my-app", "my-image", "my-repo", "myapp", "myimage", "myrepo", "new",
            "repo", "repository", "sample", "service", "temp", "test", "testing", "tests", "tmp", "untitled");

    /**
     * Validates the name; throws with every problem found.
     *
     * @param value the validated name, e.g. {@code shop/dev/user-service}
     */
    public RepositoryName {
        List<String> problems = problems("repositoryName", value);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
    }

    /**
     * Validates {@code value}; throws with every problem found.
     *
     * @param value the repository name
     * @return the valid name
     */
    public static RepositoryName of(String value) {
        return new RepositoryName(value);
    }

    /**
     * Every problem with {@code value} as a repository name, each naming {@code field}; empty when it
     * is valid or an unresolved token (checked by CloudFormation then).
     *
     * @param field the field that holds the name, named in every message
     * @param value the repository name
     * @return every problem with {@code value} as a repository name, each naming {@code field}
     */
    public static List<String> problems(String field, String value) {
        List<String> problems = new ArrayList<>();
        if (value == null || value.isBlank()) {
            problems.add(field + " is required: name the repository after the service it holds. "
                    + "Hint: use \"<platform>/<env>/<service>\", e.g. \"shop/dev/user-service\"");
            return problems;
        }
        if (Tokens.isUnresolved(value)) {
            return problems;
        }
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            problems.add(field + " \"" + value + "\" is invalid: must be " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters (got " + value.length() + "). Hint: use \"<platform>/<env>/<service>\", "
                    + "e.g. \"shop/dev/user-service\"");
        }
        if (!ECR.matcher(value).matches()) {
            problems.add(field + " \"" + value + "\" is invalid: must be lowercase path segments of [a-z0-9] "
                    + "joined by single \".\", \"_\" or \"-\" and separated by \"/\" (ECR pattern " + ECR_PATTERN
                    + "). Hint: use \"" + suggest(value) + "\"");
        } else {
            String last = value.substring(value.lastIndexOf('/') + 1);
            if (isGeneric(last)) {
                String prefix = value.contains("/") ? value.substring(0, value.lastIndexOf('/') + 1) : "";
                problems.add(field + " \"" + value + "\" is too generic: its last segment \"" + last
                        + "\" does not say which service the repository holds. Hint: name the service, e.g. \""
                        + prefix + "user-service\"");
            }
        }
        return List.copyOf(problems);
    }

    static boolean isGeneric(String segment) {
        String stem = segment.toLowerCase(Locale.ROOT).replaceAll("[._-]*[0-9]*$", "");
        return stem.isEmpty() || GENERIC_SEGMENTS.contains(stem);
    }

    /** A best guess at what the user meant: lowercase, invalid characters and repeats turned into one "-". */
    static String suggest(String value) {
        String[] segments = value.toLowerCase(Locale.ROOT).split("/+");
        List<String> cleaned = new ArrayList<>();
        for (String segment : segments) {
            String s = segment.replaceAll("[^a-z0-9._-]+", "-")
                    .replaceAll("[._-]{2,}", "-")
                    .replaceAll("^[._-]+|[._-]+$", "");
            if (!s.isEmpty()) {
                cleaned.add(s);
            }
        }
        String suggestion = String.join("/", cleaned);
        return suggestion.length() >= MIN_LENGTH ? suggestion : "shop/dev/user-service";
    }

    @Override
    public String toString() {
        return value;
    }
}
