package platform;

/** An enum whose constants are written in the platform file as {@link #fileValue()}. */
public interface FileValue {

    /**
     * The spelling in the platform file; the constant's name unless the enum says otherwise.
     *
     * @return the spelling in the platform file
     */
    default String fileValue() {
        return ((Enum<?>) this).name();
    }
}
