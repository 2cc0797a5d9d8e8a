package limits;

import java.util.Locale;
import java.util.Set;

/**
 * Last segments of a repository name that do not name a service ({@code test}, {@code repo1}, {@code app}): the
 * repository outlives the experiment, and IAM, alerts and cost reports can only be read when the name tells which
 * service it holds. Checked by {@code constructs.RepositoryName} and, for service names, by the platform validator.
 */
public final class GenericRepositoryNames {

    /** Judged after trailing digits and separators are removed, so {@code repo1}, {@code test-2} and {@code app01} are caught too. */
    static final Set<String> SEGMENTS = Set.of(
            "app", "application", "container", "default", "demo", "docker", "ecr", "example", "foo", "bar",
            "image", "images", "main", "my-app", "my-image", "my-repo", "myapp", "myimage", "myrepo", "new",
            "repo", "repository", "sample", "service", "temp", "test", "testing", "tests", "tmp", "untitled");

    private GenericRepositoryNames() {
    }

    public static boolean isGeneric(String segment) {
        String stem = segment.toLowerCase(Locale.ROOT).replaceAll("[._-]*[0-9]*$", "");
        return stem.isEmpty() || SEGMENTS.contains(stem);
    }
}
