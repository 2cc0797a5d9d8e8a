package publishing;

import java.util.List;
import java.util.regex.Pattern;

/**
 * ECR's wildcard matching of image tags, as used by lifecycle {@code tagPatternList} entries and tag-mutability
 * exclusion filters: {@code *} matches any run of characters (also none), everything else matches itself.
 * Source: https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html
 */
public final class TagPattern {

    private TagPattern() {
    }

    /** Whether {@code tag} matches the wildcard {@code pattern}. */
    public static boolean matches(String pattern, String tag) {
        StringBuilder regex = new StringBuilder();
        for (String literal : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.matches(regex.toString(), tag);
    }

    /**
     * Whether an image carrying {@code tags} is selected by a {@code tagPatternList}: ECR selects an image only when
     * every entry of the list is matched by at least one of its tags.
     */
    public static boolean selects(List<String> tagPatternList, List<String> tags) {
        return tagPatternList.stream().allMatch(pattern -> tags.stream().anyMatch(tag -> matches(pattern, tag)));
    }
}
