package platform;

import java.util.List;

/**
 * The rules of {@code registry.accountSettings} and {@code registry.inspector}: values the binder already checked
 * against the ECR and Inspector enumerations; here, the combinations that would write nothing or change nothing.
 */
final class AccountSettingsRules {

    private AccountSettingsRules() {
    }

    static void check(Platform platform, Problems problems) {
        if (!problems.isUsable("environments")
                || platform.environments().stream().anyMatch(e -> e.account() == null || e.region() == null)) {
            return;
        }
        Registry registry = platform.registry();
        List<RegistryLocation> registries = platform.environments().stream()
                .map(e -> new RegistryLocation(e.account(), e.region())).distinct().toList();
        if (!registry.accountSettings().isEmpty() && registries.stream()
                .noneMatch(r -> registry.ownership(r).accountSettings() == SettingOwnership.MANAGED)) {
            problems.add("registry.accountSettings", "account settings are set, but registry.ownership says accountSettings:"
                            + " existing for every registry where environments live, so no stack would write them",
                    "drop registry.accountSettings, or set accountSettings: managed for the registry that should own them");
        }
        if (registry.inspector() == null) {
            return;
        }
        if (platform.scanType() == ScanType.BASIC) {
            problems.add("registry.inspector", "Amazon Inspector re-scans images only under ENHANCED scanning, and"
                            + " registry.scanning.type is BASIC",
                    "set registry.scanning.type: ENHANCED (the default) or drop registry.inspector");
        }
        if (registries.stream().noneMatch(r -> registry.ownership(r).inspector() == SettingOwnership.MANAGED)) {
            problems.add("registry.inspector", "re-scan durations are set, but registry.ownership says inspector: existing"
                            + " for every registry where environments live, so no stack would write them",
                    "drop registry.inspector, or set inspector: managed for the registry whose account administers Inspector");
        }
    }
}
