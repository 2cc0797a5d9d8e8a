package platform;

/**
 * A platform file that cannot be used. The message is complete and meant for the user as it is:
 * it names the file, what is wrong and how to fix it. No stack trace is ever shown for it.
 */
public class PlatformFileException extends RuntimeException {

    public PlatformFileException(String message) {
        super(message);
    }
}
