package snapshots;

import java.util.List;

/**
 * What the {@link StatefulResourceGuard} found.
 *
 * @param suite          the snapshot suite checked
 * @param baseAvailable  whether the base snapshots could be read at all
 * @param comparedWith   the commit the base snapshots were read from, in words
 * @param blocked        replacements no allow-list entry covers: the guard fails on these
 * @param allowed        replacements an allow-list entry covers
 * @param unusedEntries  allow-list entries of this suite that covered nothing (stale once merged: delete them)
 * @param notices        fallbacks taken while reading the base
 */
public record GuardReport(String suite, boolean baseAvailable, String comparedWith, List<Replacement> blocked,
                          List<Replacement> allowed, List<AllowedReplacement> unusedEntries, List<String> notices) {

    public GuardReport {
        blocked = List.copyOf(blocked);
        allowed = List.copyOf(allowed);
        unusedEntries = List.copyOf(unusedEntries);
        notices = List.copyOf(notices);
    }
}
