package platform;

import java.util.List;

/**
 * A platform file that cannot be used. The message is complete and meant for the user as it is: it names the file,
 * every problem with its path and line, and how to fix each. No stack trace is ever shown for it.
 */
public class PlatformFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /**
     * A problem without details.
     *
     * @param message the message
     */
    public PlatformFileException(String message) {
        this(message, List.of());
    }

    /**
     * Every problem of a platform file.
     *
     * @param message the message, naming the file
     * @param problems the problems, each with path, line and hint
     */
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
