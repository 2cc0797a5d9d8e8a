package platform;

import java.util.List;

/**
 * A platform file that cannot be used. The message is complete and meant for the user as it is: it names the file,
 * every problem with its path and line, and how to fix each. No stack trace is ever shown for it.
 */
public class PlatformFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public PlatformFileException(String message) {
        this(message, List.of());
    }

    public PlatformFileException(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /**
     * The problems one by one, in file order; empty when the file could not be read or parsed at all.
     *
     * @return the problems one by one, in file order
     */
    public List<Problem> problems() {
        return problems;
    }
}
