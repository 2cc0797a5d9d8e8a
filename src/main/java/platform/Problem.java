package platform;

/**
 * One problem of a platform file.
 *
 * @param path where, e.g. {@code services[2].publishers[0].branches[0]}
 * @param line the line in the file, or null where unknown (a model built in Java)
 * @param what what is wrong, naming the value and the rule
 * @param hint how to fix it
 */
public record Problem(String path, Integer line, String what, String hint) {

    /**
     * {@code <path> (line L): <what>. Hint: <hint>.}; a hint that is a question keeps its question mark.
     *
     * @return the message
     */
    public String render() {
        return path + (line == null ? "" : " (line " + line + ")") + ": " + what + ". Hint: " + hint
                + (hint.endsWith("?") || hint.endsWith(".") ? "" : ".");
    }
}
