package access;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import platform.Environment;
import platform.Platform;
import platform.PublisherType;
import platform.Service;
import publishing.PublishingFiles;
import stacks.RoleNames;
import platform.PlatformLoader;
import snapshots.SnapshotApp;
import snapshots.Synthesis;
import software.amazon.awscdk.App;
import stacks.PlatformStacks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every access flow of every example, decided by the offline IAM simulator over the synthesized templates: each
 * example is synthesized once and its scenarios evaluated in one simulator process.
 */
class AccessScenariosTest {

    static final List<String> EXAMPLES = List.of("ecommerce", "minimal", "multi-account", "public-signing", "delivery");

    @TestFactory
    Stream<DynamicNode> everyExample() {
        return EXAMPLES.stream().map(example -> {
            Platform platform = PlatformLoader.load(Path.of("examples", example, "platform.yaml"));
            App app = SnapshotApp.create();
            PlatformStacks.create(app, platform, "examples/" + example + "/platform.yaml");
            EstateAccess access = new EstateAccess(EstateTemplates.of(app, Synthesis.of(app)));
            List<Scenario> scenarios = new ArrayList<>(AccessScenarios.of(platform, access));
            Map<String, String> ciFiles = PublishingFiles.generate(platform, "examples/" + example + "/platform.yaml",
                    "examples/" + example + "/ci");
            scenarios.addAll(ciScenarios(platform, access, ciFiles));
            List<SimulationRequest> requests = scenarios.stream().flatMap(s -> s.requests().stream()).toList();
            List<SimulationDecision> decisions = IamSimulator.evaluate(requests);
            List<DynamicNode> tests = new ArrayList<>();
            int at = 0;
            for (Scenario scenario : scenarios) {
                List<SimulationDecision> own = decisions.subList(at, at + scenario.requests().size());
                at += scenario.requests().size();
                tests.add(DynamicTest.dynamicTest(scenario.describe(), () -> {
                    assertThat(scenario.requests()).isNotEmpty();
                    for (SimulationDecision d : own) {
                        assertThat(scenario.allowed() ? d.allowed() : d.denied())
                                .as("%s: %s -> %s (%s)", scenario.describe(), d.request().describe(), d.decision(), d.reason())
                                .isTrue();
                    }
                }));
            }
            tests.add(DynamicTest.dynamicTest("GitHub roles trust exactly the subjects the platform file declares",
                    () -> githubTrustIsExactlyDeclared(platform, access)));
            tests.add(DynamicTest.dynamicTest("every pushing account may sign with the registry's signing profile",
                    () -> everyPusherMaySign(platform, access)));
            tests.add(DynamicTest.dynamicTest("the CI scan gate follows the scan type of the registry it pushes to",
                    () -> scanGateFollowsRegistry(platform, access, ciFiles)));
            return DynamicContainer.dynamicContainer(example, tests);
        });
    }

    /**
     * Every {@code aws} call of every generated workflow and buildspec, as the role its job assumes. Files of a
     * publisher type the service does not declare are skipped: their headers say the role does not exist yet.
     */
    static List<Scenario> ciScenarios(Platform platform, EstateAccess access, Map<String, String> files) {
        Map<String, String> checked = new TreeMap<>();
        files.forEach((path, text) -> {
            Service service = platform.service(path.substring(0, path.indexOf('/'))).orElseThrow();
            PublisherType type = path.endsWith(PublishingFiles.BUILDSPEC) ? PublisherType.CODEBUILD : PublisherType.GITHUB;
            if (service.publishers().stream().anyMatch(p -> p.type() == type)) {
                checked.put(path, text);
            }
        });
        List<Scenario> scenarios = new ArrayList<>();
        for (CiCalls.Call call : CiCalls.distinct(CiCalls.of(checked))) {
            assertThat(call.roleArn()).as("%s job %s runs `%s` without assuming a role", call.file(), call.job(), call.command())
                    .isNotNull();
            scenarios.add(new Scenario(call.file() + " job " + call.job(), "run `" + call.command() + "` (" + call.action() + ")",
                    call.resource(), true, List.of(access.asRole(call.roleArn(), call.action(), call.resource()))));
        }
        return scenarios;
    }

    /** The registry's scan type as its stack configures it (not the platform model's belief about it). */
    static void scanGateFollowsRegistry(Platform platform, EstateAccess access, Map<String, String> files) {
        Environment first = platform.environment(platform.promotionOrder().get(0)).orElseThrow();
        String scanType = access.templates().resources("AWS::ECR::RegistryScanningConfiguration").stream()
                .filter(r -> r.account().equals(first.account()) && r.region().equals(first.region()))
                .map(r -> r.properties().path("ScanType").asText()).findFirst().orElse("BASIC");
        files.forEach((path, text) -> {
            if (scanType.equals("ENHANCED")) {
                assertThat(text).as(path).contains("aws inspector2 list-findings").doesNotContain("aws ecr wait image-scan-complete");
            } else {
                assertThat(text).as(path).contains("aws ecr wait image-scan-complete").doesNotContain("inspector2");
            }
        });
    }

    /**
     * The simulator does not know GitHub's OIDC condition keys, so trust is compared with the file: a publisher trusts
     * its branches, environments and release environment, a promoter its service's repositories in the target
     * environment, and nothing else (no release-tag pattern, no other service).
     */
    static void githubTrustIsExactlyDeclared(Platform platform, EstateAccess access) {
        Environment first = platform.environment(platform.promotionOrder().get(0)).orElseThrow();
        for (Service service : platform.services()) {
            List<String> publisherSubjects = new ArrayList<>();
            List<String> repositories = new ArrayList<>();
            service.publishers().stream().filter(p -> p.type() == PublisherType.GITHUB).forEach(p -> {
                p.branches().forEach(b -> publisherSubjects.add("repo:" + p.repository() + ":ref:refs/heads/" + b));
                p.environments().forEach(e -> publisherSubjects.add("repo:" + p.repository() + ":environment:" + e));
                if (p.releaseEnvironment() != null) {
                    publisherSubjects.add("repo:" + p.repository() + ":environment:" + p.releaseEnvironment());
                }
                repositories.add(p.repository());
            });
            if (publisherSubjects.isEmpty()) {
                continue;
            }
            assertThat(subjects(access, RoleNames.arn(first.account(),
                    RoleNames.githubPublisher(platform.name(), first.name(), service.name()))))
                    .as("publisher of " + service.name()).containsExactlyInAnyOrderElementsOf(
                            publisherSubjects.stream().distinct().toList());
            for (List<Environment> step : platform.promotionSteps()) {
                Environment target = step.get(1);
                assertThat(subjects(access, RoleNames.arn(target.account(),
                        RoleNames.promoter(platform.name(), target.name(), service.name()))))
                        .as("promoter of " + service.name() + " into " + target.name())
                        .containsExactlyInAnyOrderElementsOf(repositories.stream().distinct()
                                .map(r -> "repo:" + r + ":environment:" + target.name()).toList());
            }
        }
    }

    static List<String> subjects(EstateAccess access, String roleArn) {
        EstateTemplates.Role role = access.templates().role(roleArn).orElseThrow(() -> new AssertionError("no role " + roleArn));
        List<String> subjects = new ArrayList<>();
        for (var statement : role.trustPolicy().path("Statement")) {
            statement.path("Condition").fields().forEachRemaining(operator -> {
                var sub = operator.getValue().path("token.actions.githubusercontent.com:sub");
                if (sub.isArray()) {
                    sub.forEach(v -> subjects.add(v.asText()));
                } else if (!sub.isMissingNode()) {
                    subjects.add(sub.asText());
                }
            });
        }
        return subjects;
    }

    /**
     * Managed signing signs as the pushing identity: each account holding a publisher or promoter, other than the
     * profile's own, must be granted by an AWS::Signer::ProfilePermission of the profile (the simulator does not
     * evaluate Signer's permissions, so they are read from the templates).
     */
    static void everyPusherMaySign(Platform platform, EstateAccess access) {
        if (platform.registry().signing() == null) {
            return;
        }
        String profileArn = platform.registry().signing().profileArn();
        String profileAccount = profileArn.split(":")[4];
        String profileName = profileArn.substring(profileArn.indexOf("/signing-profiles/") + "/signing-profiles/".length()).split("/")[0];
        List<String> pushers = access.templates().roles().values().stream()
                .filter(r -> "publisher".equals(r.persona()) || "promoter".equals(r.persona()))
                .map(EstateTemplates.Role::account).filter(a -> !a.equals(profileAccount)).distinct().toList();
        List<String> granted = access.templates().resources("AWS::Signer::ProfilePermission").stream()
                .filter(r -> r.account().equals(profileAccount)
                        && r.properties().path("ProfileName").asText().equals(profileName)
                        && r.properties().path("Action").asText().equals("signer:SignPayload"))
                .map(r -> r.properties().path("Principal").asText()).toList();
        assertThat(granted).as("accounts granted signer:SignPayload on " + profileArn).containsAll(pushers);
    }
}
