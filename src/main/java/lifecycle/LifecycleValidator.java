package lifecycle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every constraint the ECR user guide's lifecycle pages state, checked in one place so that a policy
 * that passes here is not rejected by {@code PutLifecyclePolicy} at deploy time.
 *
 * <p>Sources: "Lifecycle policy properties", "Lifecycle policy evaluation rules", "Examples of
 * lifecycle policies" and "Archiving an image" in the Amazon ECR User Guide
 * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html),
 * and the "Lifecycle policy length" service quota.
 */
public final class LifecycleValidator {

    /** ECR accepts at most this many rules in one policy. */
    public static final int MAX_RULES = 50;
    /** Shortest policy text ECR accepts, in characters. */
    public static final int MIN_TEXT_LENGTH = 100;
    /** "Lifecycle policy length" service quota (not adjustable), in characters. */
    public static final int MAX_TEXT_LENGTH = 30_720;
    /** "There is a maximum limit of four wildcards (*) per string." */
    public static final int MAX_WILDCARDS_PER_PATTERN = 4;
    /** "Archived images have a minimum storage duration of 90 days" ("Archiving an image"). */
    public static final int MIN_DAYS_IN_ARCHIVE_BEFORE_EXPIRY = 90;

    private LifecycleValidator() {
    }

    /**
     * Every problem of a policy of {@code rules}; empty when ECR would accept it. The constructor of
     * {@link LifecyclePolicy} calls it, the one place a policy is checked.
     *
     * @param rules the rules of the policy
     * @return every problem, policy-wide first, then rule by rule
     */
    public static List<String> validate(List<LifecyclePolicyRule> rules) {
        List<String> problems = new ArrayList<>();
        if (rules.isEmpty()) {
            problems.add("rules is empty: a lifecycle policy needs at least one rule. Fix: add a rule");
            return problems;
        }
        if (rules.size() > MAX_RULES) {
            problems.add("rules has " + rules.size() + " rules: ECR accepts at most " + MAX_RULES
                    + " in one policy. Fix: merge or remove " + (rules.size() - MAX_RULES) + " of them");
        }
        int length = LifecyclePolicy.render(rules).length();
        if (length < MIN_TEXT_LENGTH) {
            problems.add("the policy text is " + length + " characters long: ECR accepts " + MIN_TEXT_LENGTH
                    + " to 30,720. Fix: add a description to a rule");
        } else if (length > MAX_TEXT_LENGTH) {
            problems.add("the policy text is " + length + " characters long: ECR accepts " + MIN_TEXT_LENGTH
                    + " to 30,720. Fix: shorten descriptions or remove rules");
        }
        uniquePriorities(rules, problems);
        for (int i = 0; i < rules.size(); i++) {
            rule(rules.get(i), i, problems);
        }
        perStorageClass(rules, problems);
        return problems;
    }

    private static void uniquePriorities(List<LifecyclePolicyRule> rules, List<String> problems) {
        Map<Integer, List<Integer>> byPriority = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            byPriority.computeIfAbsent(rules.get(i).rulePriority(), p -> new ArrayList<>()).add(i);
        }
        byPriority.forEach((priority, indexes) -> {
            if (indexes.size() > 1) {
                problems.add("rulePriority " + priority + " is used by " + indexes.size() + " rules ("
                        + indexes.stream().map(i -> "rules[" + i + "]").collect(Collectors.joining(", "))
                        + "): every rule needs a unique rulePriority. Fix: renumber them (gaps are allowed)");
            }
        });
    }

    private static void rule(LifecyclePolicyRule rule, int index, List<String> problems) {
        String at = label(rule, index);
        if (rule.rulePriority() < 1) {
            problems.add(at + ": rulePriority " + rule.rulePriority()
                    + " is invalid: must be a positive integer. Fix: use 1 or more");
        }
        Selection selection = rule.selection();
        Action action = rule.action();
        if (selection == null) {
            problems.add(at + ": selection is missing: every rule selects images. Fix: add \"selection\": "
                    + "{\"tagStatus\": ..., \"countType\": ..., \"countNumber\": ...}");
        } else {
            tags(at, selection, problems);
            count(at, selection, problems);
        }
        if (action == null) {
            problems.add(at + ": action is missing: every rule needs one. Fix: add \"action\": {\"type\": \"expire\"}");
        } else {
            action(at, action, problems);
        }
        if (selection != null && action != null) {
            combination(at, selection, action, problems);
        }
    }

    private static void tags(String at, Selection selection, List<String> problems) {
        ImageTagStatus status = selection.tagStatus();
        List<String> prefixes = selection.tagPrefixList();
        List<String> patterns = selection.tagPatternList();
        if (status == null) {
            problems.add(at + ": selection.tagStatus is missing: ECR requires one of tagged, untagged, any. "
                    + "Fix: add \"tagStatus\"");
        } else if (status == ImageTagStatus.TAGGED) {
            if (prefixes == null && patterns == null) {
                problems.add(at + ": selection.tagStatus \"tagged\" needs a tagPatternList or a tagPrefixList: "
                        + "ECR must know which tags the rule selects. Fix: add \"tagPatternList\": [\"v*\"] "
                        + "or use tagStatus \"any\"");
            } else if (prefixes != null && patterns != null) {
                problems.add(at + ": selection has both tagPrefixList and tagPatternList: ECR accepts only one "
                        + "per rule. Fix: keep one (the pattern \"prod*\" selects what the prefix \"prod\" does)");
            }
        } else {
            if (prefixes != null) {
                problems.add(filterNotAllowed(at, "tagPrefixList", status));
            }
            if (patterns != null) {
                problems.add(filterNotAllowed(at, "tagPatternList", status));
            }
        }
        if (prefixes != null && prefixes.isEmpty()) {
            problems.add(at + ": selection.tagPrefixList is empty: it must name at least one prefix. "
                    + "Fix: add a prefix such as \"v\" or remove the list");
        }
        if (patterns != null) {
            if (patterns.isEmpty()) {
                problems.add(at + ": selection.tagPatternList is empty: it must name at least one pattern. "
                        + "Fix: add a pattern such as \"v*\" or remove the list");
            }
            for (String pattern : patterns) {
                long wildcards = pattern.chars().filter(c -> c == '*').count();
                if (wildcards > MAX_WILDCARDS_PER_PATTERN) {
                    problems.add(at + ": selection.tagPatternList entry \"" + pattern + "\" has " + wildcards
                            + " wildcards: ECR allows at most 4 \"*\" per pattern. Fix: merge adjacent wildcards "
                            + "or split the pattern into several list entries");
                }
            }
        }
    }

    private static String filterNotAllowed(String at, String field, ImageTagStatus status) {
        return at + ": selection." + field + " is not allowed with tagStatus \"" + status.json()
                + "\": tag filters apply only to tagged images. Fix: remove " + field + " or set tagStatus \"tagged\"";
    }

    private static void count(String at, Selection selection, List<String> problems) {
        CountType type = selection.countType();
        if (type == null) {
            problems.add(at + ": selection.countType is missing: ECR requires imageCountMoreThan, sinceImagePushed, "
                    + "sinceImagePulled or sinceImageTransitioned. Fix: add \"countType\"");
        } else if (type == CountType.IMAGE_COUNT_MORE_THAN) {
            if (selection.countUnit() != null) {
                problems.add(at + ": selection.countUnit \"" + selection.countUnit().json() + "\" is not allowed with "
                        + "countType \"imageCountMoreThan\": a number of images has no unit. Fix: remove countUnit");
            }
        } else if (selection.countUnit() == null) {
            problems.add(at + ": selection.countUnit is missing: countType \"" + type.json()
                    + "\" requires countUnit \"days\". Fix: add \"countUnit\": \"days\"");
        }
        Integer number = selection.countNumber();
        if (number == null) {
            problems.add(at + ": selection.countNumber is missing: ECR requires a positive integer. "
                    + "Fix: add \"countNumber\" (1 or more)");
        } else if (number < 1) {
            problems.add(at + ": selection.countNumber " + number + " is invalid: must be a positive integer "
                    + "(0 is not accepted). Fix: use 1 or more");
        }
        StorageClass storage = selection.storageClass();
        if (type == CountType.SINCE_IMAGE_TRANSITIONED) {
            if (storage != StorageClass.ARCHIVE) {
                problems.add(at + ": selection.storageClass " + (storage == null ? "is missing" : "\"" + storage.json() + "\" is invalid")
                        + ": countType \"sinceImageTransitioned\" selects archived images and requires storageClass "
                        + "\"archive\". Fix: set \"storageClass\": \"archive\"");
            }
            if (number != null && number >= 1 && number < MIN_DAYS_IN_ARCHIVE_BEFORE_EXPIRY) {
                problems.add(at + ": selection.countNumber " + number + " is too small for countType "
                        + "\"sinceImageTransitioned\": archived images must stay in archive at least 90 days before "
                        + "a lifecycle rule may expire them. Fix: use 90 or more");
            }
        } else if (type != null && storage == StorageClass.ARCHIVE) {
            problems.add(at + ": selection.storageClass \"archive\" is not allowed with countType \"" + type.json()
                    + "\": only sinceImageTransitioned selects archived images. Fix: remove storageClass or use "
                    + "countType \"sinceImageTransitioned\"");
        }
    }

    private static void action(String at, Action action, List<String> problems) {
        if (action.type() == null) {
            problems.add(at + ": action.type is missing: ECR requires expire or transition. "
                    + "Fix: add \"type\": \"expire\"");
        } else if (action.type() == ActionType.TRANSITION) {
            if (action.targetStorageClass() == null) {
                problems.add(at + ": action.targetStorageClass is missing: action type \"transition\" requires "
                        + "targetStorageClass \"archive\". Fix: add \"targetStorageClass\": \"archive\"");
            } else if (action.targetStorageClass() != StorageClass.ARCHIVE) {
                problems.add(at + ": action.targetStorageClass \"" + action.targetStorageClass().json()
                        + "\" is invalid: ECR transitions images only to \"archive\". Fix: use \"archive\"");
            }
        } else if (action.targetStorageClass() != null) {
            problems.add(at + ": action.targetStorageClass \"" + action.targetStorageClass().json()
                    + "\" is not allowed with action type \"expire\": only a transition has a target. "
                    + "Fix: remove targetStorageClass");
        }
    }

    private static void combination(String at, Selection selection, Action action, List<String> problems) {
        if (selection.countType() == CountType.SINCE_IMAGE_PULLED && action.type() == ActionType.EXPIRE) {
            problems.add(at + ": action.type \"expire\" is not allowed with countType \"sinceImagePulled\": pull-age "
                    + "rules can only transition images to archive. Fix: use {\"type\": \"transition\", "
                    + "\"targetStorageClass\": \"archive\"} and expire them later with a sinceImageTransitioned rule");
        }
        if (selection.countType() == CountType.SINCE_IMAGE_TRANSITIONED && action.type() == ActionType.TRANSITION) {
            problems.add(at + ": action.type \"transition\" is not allowed with countType \"sinceImageTransitioned\": "
                    + "archived images can only be expired. Fix: use {\"type\": \"expire\"}");
        }
    }

    /** The evaluation rules that ECR applies per storage class: any last, one untagged rule, unique tag filters. */
    private static void perStorageClass(List<LifecyclePolicyRule> rules, List<String> problems) {
        for (StorageClass storage : StorageClass.values()) {
            List<LifecyclePolicyRule> selecting = rules.stream()
                    .filter(r -> r.selection() != null && r.selection().tagStatus() != null)
                    .filter(r -> storageClassOf(r) == storage)
                    .sorted((a, b) -> Integer.compare(a.rulePriority(), b.rulePriority()))
                    .toList();
            if (selecting.isEmpty()) {
                continue;
            }
            LifecyclePolicyRule last = selecting.get(selecting.size() - 1);
            LifecyclePolicyRule untagged = null;
            Map<Set<String>, LifecyclePolicyRule> filters = new LinkedHashMap<>();
            for (LifecyclePolicyRule rule : selecting) {
                Selection selection = rule.selection();
                if (selection.tagStatus() == ImageTagStatus.ANY && rule != last) {
                    problems.add("rule " + rule.rulePriority() + ": tagStatus \"any\" must have the highest rulePriority "
                            + "of the rules selecting storage class " + storage.json() + ", but rule "
                            + last.rulePriority() + " comes after it: ECR evaluates the \"any\" rule last. "
                            + "Fix: give it a rulePriority above " + last.rulePriority());
                }
                if (selection.tagStatus() == ImageTagStatus.UNTAGGED) {
                    if (untagged != null) {
                        problems.add("rule " + rule.rulePriority() + ": selects untagged images in storage class "
                                + storage.json() + " as rule " + untagged.rulePriority() + " already does: ECR allows "
                                + "one such rule per storage class. Fix: merge the two rules");
                    } else {
                        untagged = rule;
                    }
                }
                if (selection.tagStatus() == ImageTagStatus.TAGGED) {
                    List<String> filter = selection.tagPatternList() != null ? selection.tagPatternList() : selection.tagPrefixList();
                    if (filter == null || filter.isEmpty()) {
                        continue;
                    }
                    String kind = selection.tagPatternList() != null ? "tagPatternList" : "tagPrefixList";
                    Set<String> key = new HashSet<>(filter);
                    key.add(kind); // a pattern list and a prefix list never collide
                    LifecyclePolicyRule earlier = filters.putIfAbsent(key, rule);
                    if (earlier != null) {
                        problems.add("rule " + rule.rulePriority() + ": selection." + kind + " " + quoted(filter)
                                + " repeats the tag filter of rule " + earlier.rulePriority() + " in storage class "
                                + storage.json() + ": ECR requires the rules selecting a storage class to have a unique "
                                + "set of prefixes, and this rule could never act on an image the earlier one matched. "
                                + "Fix: merge the two rules or change one filter");
                    }
                }
            }
        }
    }

    /** The storage class a rule selects; ECR uses standard when the field is omitted. */
    static StorageClass storageClassOf(LifecyclePolicyRule rule) {
        StorageClass storage = rule.selection() == null ? null : rule.selection().storageClass();
        return storage == null ? StorageClass.STANDARD : storage;
    }

    private static String label(LifecyclePolicyRule rule, int index) {
        return rule.rulePriority() >= 1 ? "rule " + rule.rulePriority() : "rules[" + index + "]";
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
    }
}
