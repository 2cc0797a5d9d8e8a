package platform;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Test support: the problems the loader reports for a platform file's text, rendered as users see them. */
final class PlatformFileProblems {

    /** A valid file with one dev environment and one service, to which a test appends the section it checks. */
    static final String ONE_DEV_ENVIRONMENT = """
            platform: shop
            environments:
              - name: dev
                account: "111111111111"
                region: eu-west-1
                profile: dev
            services:
              - name: user-service
            """;

    private PlatformFileProblems() {
    }

    /** The rendered problems of {@code text}; fails the test when the file is valid. */
    static List<String> of(String text) {
        var e = catchThrowableOfType(PlatformFileException.class, () -> PlatformLoader.parse("platform.yaml", text));
        assertThat(e).as("expected problems").isNotNull();
        return e.problems().stream().map(Problem::render).toList();
    }
}
