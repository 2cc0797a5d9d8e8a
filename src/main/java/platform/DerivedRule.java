package platform;

import java.util.List;

/**
 * A rule about what the stacks derive from a valid platform rather than about what the file says: the policy documents
 * they render are sized by the code that renders them (package {@code stacks}, which this package may not use), so the
 * loader runs such a rule on the bound model and gives its problems the lines of the file. It runs only once every rule
 * of the file itself passed, on a model that is complete.
 */
@FunctionalInterface
public interface DerivedRule {

    /**
     * The problems of a platform that passed every rule of the file.
     *
     * @param platform the platform, as bound and validated
     * @return the problems, each with its path, what and hint; the line is ignored (the loader gives the path's line)
     */
    List<Problem> check(Platform platform);
}
