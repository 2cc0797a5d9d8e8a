package constructs.repository;

import constructs.access.Persona;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One environment as the environment stack builds it: one shared key, one repository per service. */
class PrivateRepositoryEnvironmentTest {

    static final List<String> SERVICES = List.of("user-service", "checkout", "orders", "payments");
    static Template template;

    @BeforeAll
    static void synth() {
        Stack stack = PrivateRepositoryTest.newStack("shop-prod");
        RepositoryKey key = new RepositoryKey(stack, "RepositoryKey", RepositoryKeyProps.builder()
                .removalPolicy(RemovalPolicy.RETAIN).alias("shop-prod-ecr").build());
        Role puller = Role.Builder.create(stack, "EcsTaskExecution")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com")).build();
        for (String service : SERVICES) {
            PrivateRepository repository = new PrivateRepository(stack, service, PrivateRepositoryProps.builder()
                    .repositoryName("shop/prod/" + service)
                    .lifecyclePolicy(PrivateRepositoryTest.EXPIRE_UNTAGGED)
                    .removalPolicy(RemovalPolicy.RETAIN)
                    .requireImmutableTags(true)
                    .encryptionKey(key.key())
                    .tags(Map.of("team", "payments"))
                    .build());
            repository.grantPull(puller);
        }
        template = Template.fromStack(stack);
    }

    @Test
    void fourRepositoriesShareOneKey() {
        template.resourceCountIs("AWS::KMS::Key", 1);
        assertThat(template.findResources("AWS::ECR::Repository", Map.of("Properties", Map.of(
                "EncryptionConfiguration", Map.of("KmsKey",
                        Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^RepositoryKey.*"), "Arn")))))))
                .hasSize(4);
    }

    @Test
    void everyRepositoryKeepsItsServiceNamedConstructId() {
        for (String service : SERVICES) {
            String prefix = service.replace("-", "");
            assertThat(template.findResources("AWS::ECR::Repository").keySet())
                    .anyMatch(logicalId -> logicalId.startsWith(prefix));
        }
    }

    @Test
    void exportNamesAreUniquePerRepository() {
        for (String service : SERVICES) {
            assertThat(template.findOutputs("*", Map.of("Export", Map.of("Name",
                    Match.stringLikeRegexp("^shop-prod-" + service + "-Repository(Name|Arn|Uri)$"))))).hasSize(3);
        }
    }

    @Test
    void thePullerGetsOneManagedPolicyForAllFourRepositories() {
        template.resourceCountIs("AWS::IAM::ManagedPolicy", 1);
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Map.of("Sid", "RepositoryActions", "Effect", "Allow",
                        "Action", Persona.PULLER.actions(),
                        "Resource", Match.arrayWith(List.of(
                                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^userservice.*"), "Arn")),
                                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^checkout.*"), "Arn")),
                                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^orders.*"), "Arn")),
                                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^payments.*"), "Arn"))))))))));
    }
}
