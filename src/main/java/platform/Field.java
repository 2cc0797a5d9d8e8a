package platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one key of the platform file on the record component that holds it. The loader binds
 * by it and {@link PlatformSchema} writes the JSON Schema from it, so the file format, the model
 * and the schema cannot drift apart.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Field {

    /**
     * What the key means and, for an optional key, its default as behaviour.
     *
     * @return what the key means and, for an optional key, its default as behaviour
     */
    String value();

    /**
     * The key in the file when it differs from the component name (e.g. {@code platform}, {@code public}).
     *
     * @return the key in the file when it differs from the component name
     */
    String key() default "";

    /**
     * A required key; a required list must also hold at least one entry.
     *
     * @return a required key
     */
    boolean required() default false;

    /**
     * A regular expression every value (every element of a list) matches, for the schema; the validator explains it.
     *
     * @return a regular expression every value (every element of a list) matches, for the schema
     */
    String pattern() default "";
}
