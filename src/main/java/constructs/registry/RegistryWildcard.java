package constructs.registry;

/**
 * Set logic over ECR's WILDCARD repository filters, where {@code *} matches any run of characters
 * (including none) and every other character matches itself. Used to prove that two filters are
 * disjoint, or that a filter covers every repository under a namespace prefix.
 */
final class RegistryWildcard {

    private RegistryWildcard() {
    }

    /** True when some repository name matches both filters. */
    static boolean overlap(String a, String b) {
        // Reachability over the product of the two patterns' automata: a '*' is a state with a
        // self-loop, so it can skip (match empty) or absorb whatever the other side produces.
        int n = a.length();
        int m = b.length();
        boolean[][] reach = new boolean[n + 1][m + 1];
        reach[0][0] = true;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                if (!reach[i][j]) {
                    continue;
                }
                boolean starA = i < n && a.charAt(i) == '*';
                boolean starB = j < m && b.charAt(j) == '*';
                if (starA) {
                    reach[i + 1][j] = true;
                    if (j < m) {
                        reach[i][j + 1] = true;
                    }
                }
                if (starB) {
                    reach[i][j + 1] = true;
                    if (i < n) {
                        reach[i + 1][j] = true;
                    }
                }
                if (!starA && !starB && i < n && j < m && a.charAt(i) == b.charAt(j)) {
                    reach[i + 1][j + 1] = true;
                }
            }
        }
        return reach[n][m];
    }

    /**
     * True when the filter matches every repository whose name starts with {@code prefix + "/"}
     * ({@code "ROOT"}: every repository). That holds exactly when the filter ends in {@code *}
     * and the rest of it matches some leading part of {@code prefix + "/"}.
     */
    static boolean covers(String filter, String prefix) {
        if (!filter.endsWith("*")) {
            return false;
        }
        String head = filter.substring(0, filter.length() - 1);
        String namespace = "ROOT".equals(prefix) ? "" : stripSlash(prefix) + "/";
        for (int end = 0; end <= namespace.length(); end++) {
            if (matches(head, namespace.substring(0, end))) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(String pattern, String name) {
        return overlap(pattern, name) && name.indexOf('*') < 0;
    }

    private static String stripSlash(String prefix) {
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
