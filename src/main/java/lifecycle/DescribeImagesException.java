package lifecycle;

/** A describe-images listing that cannot be read; the message names the place and the fix. */
public class DescribeImagesException extends IllegalArgumentException {

    public DescribeImagesException(String message) {
        super(message);
    }
}
