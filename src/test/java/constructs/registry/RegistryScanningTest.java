package constructs.registry;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static constructs.registry.RegistryScanFrequency.CONTINUOUS_SCAN;
import static constructs.registry.RegistryScanFrequency.MANUAL;
import static constructs.registry.RegistryScanFrequency.SCAN_ON_PUSH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryScanningTest {

    static Stack stack() {
        return RegistryTestSupport.stack();
    }

    @Nested
    class Rendering {
        @Test
        void defaultsToBasicScanOnPushForEveryRepository() {
            Stack stack = stack();
            new RegistryScanning(stack, "Scanning", null);
            Template.fromStack(stack).hasResourceProperties("AWS::ECR::RegistryScanningConfiguration", Map.of(
                    "ScanType", "BASIC",
                    "Rules", List.of(Map.of("ScanFrequency", "SCAN_ON_PUSH",
                            "RepositoryFilters", List.of(Map.of("Filter", "*", "FilterType", "WILDCARD"))))));
        }

        @Test
        void enhancedRendersBothFrequenciesAndWarnsAboutInspector() {
            Stack stack = stack();
            new RegistryScanning(stack, "Scanning", RegistryScanningProps.builder()
                    .scanType(RegistryScanType.ENHANCED)
                    .rules(RegistryScanningRule.of(CONTINUOUS_SCAN, "shop/prod/*"),
                            RegistryScanningRule.of(SCAN_ON_PUSH, "shop/dev/*", "shop/staging/*"))
                    .build());
            Template.fromStack(stack).hasResourceProperties("AWS::ECR::RegistryScanningConfiguration", Map.of(
                    "ScanType", "ENHANCED",
                    "Rules", List.of(
                            Map.of("ScanFrequency", "CONTINUOUS_SCAN",
                                    "RepositoryFilters", List.of(Map.of("Filter", "shop/prod/*", "FilterType", "WILDCARD"))),
                            Map.of("ScanFrequency", "SCAN_ON_PUSH",
                                    "RepositoryFilters", List.of(
                                            Map.of("Filter", "shop/dev/*", "FilterType", "WILDCARD"),
                                            Map.of("Filter", "shop/staging/*", "FilterType", "WILDCARD"))))));
            Annotations.fromStack(stack).hasWarning("/Registry/Scanning",
                    Match.stringLikeRegexp("ENHANCED scanning hands scanning to Amazon Inspector.*"));
        }

        @Test
        void manualRuleIsNotRendered() {
            Stack stack = stack();
            new RegistryScanning(stack, "Scanning", RegistryScanningProps.builder()
                    .rules(RegistryScanningRule.of(SCAN_ON_PUSH, "shop/prod/*"), RegistryScanningRule.of(MANUAL, "shop/dev/*"))
                    .build());
            Template.fromStack(stack).hasResourceProperties("AWS::ECR::RegistryScanningConfiguration", Map.of(
                    "Rules", List.of(Map.of("ScanFrequency", "SCAN_ON_PUSH",
                            "RepositoryFilters", List.of(Map.of("Filter", "shop/prod/*", "FilterType", "WILDCARD"))))));
        }
    }

    @Nested
    class Rejections {
        @Test
        void failsWhenBasicAsksForContinuousScan() {
            assertThatThrownBy(() -> new RegistryScanning(stack(), "Scanning", RegistryScanningProps.builder()
                    .rules(RegistryScanningRule.of(CONTINUOUS_SCAN, "*")).build()))
                    .hasMessage("rules[0].frequency CONTINUOUS_SCAN is not accepted with scanType BASIC: BASIC scans on push"
                            + " or manually. Hint: use SCAN_ON_PUSH, or scanType ENHANCED (Amazon Inspector)");
        }

        @Test
        void failsWhenEnhancedAsksForManual() {
            assertThatThrownBy(() -> new RegistryScanning(stack(), "Scanning", RegistryScanningProps.builder()
                    .scanType(RegistryScanType.ENHANCED).rules(RegistryScanningRule.of(MANUAL, "*")).build()))
                    .hasMessage("rules[0].frequency MANUAL is not accepted with scanType ENHANCED: ENHANCED scans on push"
                            + " or continuously. Hint: use SCAN_ON_PUSH or CONTINUOUS_SCAN");
        }

        @Test
        void failsWithThreeRulesAndARepeatedFrequency() {
            assertThatThrownBy(() -> new RegistryScanning(stack(), "Scanning", RegistryScanningProps.builder()
                    .scanType(RegistryScanType.ENHANCED)
                    .rules(RegistryScanningRule.of(SCAN_ON_PUSH, "a/*"), RegistryScanningRule.of(CONTINUOUS_SCAN, "b/*"),
                            RegistryScanningRule.of(SCAN_ON_PUSH, "c/*"))
                    .build()))
                    .hasMessage("rules has 3 rules: ECR accepts at most 2 scanning rules a registry. Hint: use one rule per"
                            + " scan frequency, holding all its filters\n"
                            + "rules[2].frequency SCAN_ON_PUSH repeats an earlier rule: one rule per scan frequency. Hint: move"
                            + " these filters into the earlier SCAN_ON_PUSH rule");
        }

        @Test
        void failsWith101FiltersButAccepts100() {
            List<String> hundred = IntStream.range(0, 100).mapToObj(i -> "repo" + i).toList();
            new RegistryScanning(stack(), "Scanning", RegistryScanningProps.builder()
                    .rules(new RegistryScanningRule(SCAN_ON_PUSH, hundred)).build());
            List<String> more = new java.util.ArrayList<>(hundred);
            more.add("repo100");
            assertThatThrownBy(() -> new RegistryScanning(stack(), "Scanning", RegistryScanningProps.builder()
                    .rules(new RegistryScanningRule(SCAN_ON_PUSH, more)).build()))
                    .hasMessage("rules[0].filters has 101 filters: ECR accepts at most 100 filters a rule. Hint: group"
                            + " repositories with a wildcard, e.g. \"shop/*\"");
        }

        @Test
        void failsOnEmptyAndInvalidFilters() {
            assertThatThrownBy(() -> new RegistryScanning(stack(), "Scanning", RegistryScanningProps.builder()
                    .scanType(RegistryScanType.ENHANCED)
                    .rules(new RegistryScanningRule(SCAN_ON_PUSH, Collections.emptyList()),
                            RegistryScanningRule.of(CONTINUOUS_SCAN, "Shop/*", "a".repeat(256)))
                    .build()))
                    .hasMessage("rules[0].filters is empty: a rule without filters matches no repository. Hint: add \"*\""
                            + " to cover every repository\n"
                            + "rules[1].filters[0] \"Shop/*\" is invalid: must be 1 to 255 characters of lowercase letters,"
                            + " digits, . _ - / and * (ECR WILDCARD filter). Hint: e.g. \"shop/prod/*\"\n"
                            + "rules[1].filters[1] \"" + "a".repeat(256) + "\" is invalid: must be 1 to 255 characters of"
                            + " lowercase letters, digits, . _ - / and * (ECR WILDCARD filter). Hint: e.g. \"shop/prod/*\"");
        }
    }

    @Nested
    class Coverage {
        @Test
        void wildcardCoversNamespacesBelowIt() {
            RegistryScanningProps props = RegistryScanningProps.builder()
                    .rules(RegistryScanningRule.of(SCAN_ON_PUSH, "shop/prod/*", "*/cache*"),
                            RegistryScanningRule.of(MANUAL, "shop/dev/*"))
                    .build();
            assertThat(props.scansAutomatically("shop/prod")).isTrue();
            assertThat(props.scansAutomatically("shop/prod/api")).isTrue();
            assertThat(props.scansAutomatically("team/cache")).isTrue();
            assertThat(props.scansAutomatically("shop")).isFalse();
            assertThat(props.scansAutomatically("shop/dev")).isFalse();
            assertThat(props.scansAutomatically("ROOT")).isFalse();
            assertThat(RegistryScanningProps.builder().build().scansAutomatically("ROOT")).isTrue();
        }

        @Test
        void exactNameDoesNotCoverANamespace() {
            assertThat(RegistryWildcard.covers("shop/prod", "shop/prod")).isFalse();
        }

        @Test
        void overlapFindsACommonRepositoryName() {
            assertThat(RegistryWildcard.overlap("shop/*", "*/prod/*")).isTrue();
            assertThat(RegistryWildcard.overlap("shop/dev/*", "shop/prod/*")).isFalse();
            assertThat(RegistryWildcard.overlap("shop/dev/api", "shop/*/api")).isTrue();
            assertThat(RegistryWildcard.overlap("a*b", "*c")).isFalse();
        }
    }
}
