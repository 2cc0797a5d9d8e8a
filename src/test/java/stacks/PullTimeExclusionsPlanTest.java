package stacks;

import constructs.registry.RegistryContribution;
import org.junit.jupiter.api.Test;
import platform.Platform;
import platform.PlatformLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Pull-time update exclusions from the platform file reach the registry that the excluded roles pull from. */
class PullTimeExclusionsPlanTest {

    static final String SCANNER = "arn:aws:iam::333333333333:role/image-scanner";

    static List<String> exclusions(Platform platform, String account, String region) {
        return RegistryPlan.of(platform).contributions().entrySet().stream()
                .filter(e -> e.getKey().account().equals(account) && e.getKey().region().equals(region))
                .flatMap(e -> e.getValue().stream())
                .map(RegistryContribution::exclusions)
                .flatMap(List::stream)
                .toList();
    }

    static Platform example(String exclusions) throws Exception {
        String text = Files.readString(Path.of("examples/ecommerce/platform.yaml"));
        return PlatformLoader.parse("platform.yaml", text.replaceFirst("(?m)^registry:\n", "registry:\n" + exclusions));
    }

    @Test
    void theOwnPromotersAreExcludedWhereTheyPullAndTheFilesRolesEverywhere() throws Exception {
        Platform platform = example("  pullTimeUpdateExclusions:\n    ownRoles: true\n    roleArns: [\"" + SCANNER + "\"]\n");

        // dev and staging share 111111111111/eu-west-1: each service's staging promoter pulls from dev, its prod promoter from staging
        List<String> expected = new java.util.ArrayList<>(List.of(SCANNER));
        platform.services().forEach(s -> expected.add(
                "arn:aws:iam::111111111111:role/" + RoleNames.promoter("shop", "staging", s.name())));
        platform.services().forEach(s -> expected.add(
                "arn:aws:iam::222222222222:role/" + RoleNames.promoter("shop", "prod", s.name())));
        assertThat(platform.services()).hasSize(4);
        assertThat(exclusions(platform, "111111111111", "eu-west-1")).containsExactlyElementsOf(expected);
        // nothing promotes from prod
        assertThat(exclusions(platform, "222222222222", "eu-west-1")).containsExactly(SCANNER);
    }

    @Test
    void nothingIsExcludedUnlessTheFileAsks() throws Exception {
        Platform platform = example("");

        assertThat(exclusions(platform, "111111111111", "eu-west-1")).isEmpty();
        assertThat(exclusions(platform, "222222222222", "eu-west-1")).isEmpty();
    }
}
