package stacks;

import constructs.registry.CreationTemplateAppliedFor;
import constructs.registry.RegistryContribution;
import constructs.registry.RepositoryCreationTemplateProps;
import lifecycle.LifecyclePolicy;
import lifecycle.RepositoryHistory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import platform.EnvironmentSpec;
import platform.EnvironmentProfile;
import platform.Platform;
import platform.PlatformLoader;
import platform.Profile;
import platform.ProfileOverrides;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22's promise, replayed: two years of a production repository (see {@link RepositoryHistory}) under the
 * policy of every profile and of the creation templates the registry stacks generate. No image pulled in the last
 * 30 days is expired or archived, no image carrying a release or promotion tag is expired (and no tagged image is
 * expired by age alone), every pull finds its image, and standard storage stops growing.
 */
class RetentionHistoryTest {

    /** Far below the ~800 images two years push: the policy, not the history, bounds standard storage. */
    static final int STANDARD_IMAGES_BOUND = 100;

    static Platform platform;
    static EnvironmentSpec prod;
    /** Replaying is the expensive part: once per policy, shared by the tests that only read the result. */
    static final Map<String, RepositoryHistory> HISTORIES = new ConcurrentHashMap<>();

    static RepositoryHistory replay(LifecyclePolicy policy) {
        return HISTORIES.computeIfAbsent(policy.toJson(), json -> RepositoryHistory.replay(policy, prod.name()));
    }

    @BeforeAll
    static void load() throws Exception {
        platform = PlatformLoader.load(Path.of("examples/ecommerce/platform.yaml"));
        prod = platform.environment("prod").orElseThrow();
    }

    static Stream<Arguments> policies() throws Exception {
        load();
        List<Arguments> policies = new ArrayList<>();
        for (Profile profile : Profile.values()) {
            policies.add(Arguments.of("profile " + profile.fileValue(),
                    platform.lifecyclePolicy(prod, EnvironmentProfile.defaults(profile))));
        }
        // The archive settings of the platform file, where prod and staging allow them: builds no rule above decides
        // go to archive when unpulled instead of being expired by the count rule.
        policies.add(Arguments.of("profile prod, otherArchiveDays 60 instead of keepLastImages",
                platform.lifecyclePolicy(prod, EnvironmentProfile.defaults(Profile.PROD).with(otherArchive(60)))));
        policies.add(Arguments.of("profile staging, otherArchiveDays 30 instead of keepLastImages",
                platform.lifecyclePolicy(prod, EnvironmentProfile.defaults(Profile.STAGING).with(otherArchive(30)))));
        policies.add(Arguments.of("REPLICATION template of prod", template(CreationTemplateAppliedFor.REPLICATION)));
        policies.add(Arguments.of("PULL_THROUGH_CACHE template", template(CreationTemplateAppliedFor.PULL_THROUGH_CACHE)));
        return policies.stream();
    }

    /** Overrides that turn the count rule off and archive what no other rule decides after {@code days} unpulled. */
    static ProfileOverrides otherArchive(int days) {
        return new ProfileOverrides(null, 0, null, null, null, days, null, null, null, null, null, null, null);
    }

    /** The lifecycle policy of the first template of that kind the registry plan generates for the example. */
    static LifecyclePolicy template(CreationTemplateAppliedFor kind) {
        return RegistryPlan.of(platform).contributions().values().stream()
                .flatMap(List::stream)
                .map(RegistryContribution::templates)
                .flatMap(List::stream)
                .filter(t -> t.appliedFor().contains(kind))
                .map(RepositoryCreationTemplateProps::lifecyclePolicy)
                .findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void neverExpiresOrArchivesAnImageProductionMayStillRun(String name, LifecyclePolicy policy) {
        RepositoryHistory history = replay(policy);

        assertThat(history.breaches()).as(name + "\n" + policy.toJson()).isEmpty();
        assertThat(history.pushed()).isGreaterThan(RepositoryHistory.DAYS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void keepsStandardStorageBounded(String name, LifecyclePolicy policy) {
        RepositoryHistory history = replay(policy);

        int firstYear = history.mostStandardImages(0, 365);
        int secondYear = history.mostStandardImages(365, RepositoryHistory.DAYS);
        assertThat(secondYear).as(name).isLessThanOrEqualTo(STANDARD_IMAGES_BOUND);
        assertThat(secondYear).as(name + ": standard storage keeps growing").isLessThanOrEqualTo(firstYear + 5);
        assertThat(history.expired() + history.archived()).as(name).isGreaterThan(RepositoryHistory.DAYS / 2);
    }

    @org.junit.jupiter.api.Test
    void prodRollsBackTwoHundredDaysWithoutARestore() {
        RepositoryHistory history = replay(platform.lifecyclePolicy(prod, platform.profile(prod)));

        assertThat(history.restores()).isZero();
        assertThat(history.archived()).as("old promotions move to archive instead of being deleted").isPositive();
    }

    /**
     * Dev may expire archived images ({@code archivedExpiryDays}, which staging and prod refuse): the image that
     * runs is pulled every day, so it is never archived, let alone expired; what dev loses is the old rollback
     * target, and only through the archive-expiry rule.
     */
    @org.junit.jupiter.api.Test
    void devWithArchiveExpiryNeverTouchesAnImagePulledInTheLastThirtyDays() {
        LifecyclePolicy policy = platform.lifecyclePolicy(prod, EnvironmentProfile.defaults(Profile.DEV).with(
                new ProfileOverrides(null, 0, null, null, null, 30, 90, null, null, null, null, null, null)));
        int archiveExpiry = policy.rules().get(policy.rules().size() - 1).rulePriority();

        RepositoryHistory history = replay(policy);

        assertThat(history.breaches()).filteredOn(b -> b.contains(" days ago")).as("pulled in the last 30 days").isEmpty();
        assertThat(history.breaches()).filteredOn(b -> b.contains("is gone")).isNotEmpty().allSatisfy(b -> {
            int day = Integer.parseInt(b.substring(4, b.indexOf(':')));
            assertThat(day).as(b).isBetween(RepositoryHistory.ROLLBACK_DAY,
                    RepositoryHistory.ROLLBACK_DAY + RepositoryHistory.ROLLBACK_DAYS - 1);
        });
        assertThat(history.breaches()).filteredOn(b -> b.contains("would expire"))
                .allMatch(b -> b.contains("rule " + archiveExpiry + " "));
        assertThat(history.mostStandardImages(365, RepositoryHistory.DAYS)).isLessThanOrEqualTo(STANDARD_IMAGES_BOUND);
    }
}
