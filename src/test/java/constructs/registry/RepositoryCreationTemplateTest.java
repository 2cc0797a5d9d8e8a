package constructs.registry;

import lifecycle.Action;
import lifecycle.CountType;
import lifecycle.CountUnit;
import lifecycle.LifecyclePolicy;
import lifecycle.LifecyclePolicyRule;
import lifecycle.Selection;
import lifecycle.ImageTagStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepositoryCreationTemplateTest {

    static final LifecyclePolicy EXPIRE_UNTAGGED = LifecyclePolicy.of(new LifecyclePolicyRule(1, "expire untagged",
            new Selection(ImageTagStatus.UNTAGGED, null, null, null, CountType.SINCE_IMAGE_PUSHED, CountUnit.DAYS, 7),
            Action.expire()));

    record Fixture(Stack stack, Key key, RepositoryCreationTemplateRole role) {
        static Fixture create(String... prefixes) {
            Stack stack = RegistryTestSupport.stack("222222222222", "eu-central-1");
            Key key = Key.Builder.create(stack, "Key").enableKeyRotation(true).build();
            var role = new RepositoryCreationTemplateRole(stack, "TemplateRole",
                    new RepositoryCreationTemplateRoleProps(List.of(prefixes), List.of(key)));
            return new Fixture(stack, key, role);
        }

        RepositoryCreationTemplateProps.Builder props(String prefix, CreationTemplateAppliedFor... appliedFor) {
            return RepositoryCreationTemplateProps.builder().prefix(prefix).appliedFor(appliedFor)
                    .encryptionKey(key).role(role.role()).lifecyclePolicy(EXPIRE_UNTAGGED);
        }
    }

    @Nested
    class Rendering {
        @Test
        void replicationTemplateIsKmsEncryptedImmutableAndLifecycleManaged() {
            Fixture f = Fixture.create("shop/prod");
            new RepositoryCreationTemplate(f.stack(), "Replicas", f.props("shop/prod", CreationTemplateAppliedFor.REPLICATION)
                    .resourceTags(Map.of("platform", "shop")).build());
            Template.fromStack(f.stack()).hasResourceProperties("AWS::ECR::RepositoryCreationTemplate", Map.of(
                    "Prefix", "shop/prod",
                    "AppliedFor", List.of("REPLICATION"),
                    "Description", "ecr-blueprint: REPLICATION repositories under shop/prod",
                    "ImageTagMutability", "IMMUTABLE",
                    "EncryptionConfiguration", Map.of("EncryptionType", "KMS",
                            "KmsKey", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^Key.*"), "Arn"))),
                    "LifecyclePolicy", EXPIRE_UNTAGGED.toJson(),
                    "CustomRoleArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^TemplateRole.*"), "Arn")),
                    "ResourceTags", List.of(Map.of("Key", "platform", "Value", "shop"))));
        }

        @Test
        void pullThroughCacheTemplateStaysMutableAndIsReported() {
            Fixture f = Fixture.create("ecr-public");
            new RepositoryCreationTemplate(f.stack(), "Cache",
                    f.props("ecr-public", CreationTemplateAppliedFor.PULL_THROUGH_CACHE).build());
            Template.fromStack(f.stack()).hasResourceProperties("AWS::ECR::RepositoryCreationTemplate", Map.of(
                    "Prefix", "ecr-public", "ImageTagMutability", "MUTABLE"));
            Annotations.fromStack(f.stack()).hasWarning("/Registry/Cache",
                    Match.stringLikeRegexp("Pull-through cache repositories under ecr-public keep MUTABLE tags.*"));
        }

        @Test
        void roleIsTrustedByEcrTaggedWithThePersonaAndScopedToPrefixesAndKey() {
            Fixture f = Fixture.create("shop/prod", "ROOT");
            Template template = Template.fromStack(f.stack());
            template.hasResourceProperties("AWS::IAM::Role", Map.of(
                    "AssumeRolePolicyDocument", Map.of("Statement", List.of(Map.of(
                            "Action", "sts:AssumeRole", "Effect", "Allow",
                            "Principal", Map.of("Service", "ecr.amazonaws.com")))),
                    "Tags", List.of(Map.of("Key", "ecr-blueprint:persona", "Value", "creation-template"))));
            template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of("PolicyDocument", Map.of("Statement", List.of(
                    Map.of("Sid", "CreateTemplatedRepositories",
                            "Action", List.of("ecr:CreateRepository", "ecr:ReplicateImage", "ecr:TagResource"),
                            "Resource", List.of(
                                    Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                            ":ecr:eu-central-1:222222222222:repository/shop/prod/*"))),
                                    Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                            ":ecr:eu-central-1:222222222222:repository/*"))))),
                    Map.of("Sid", "EncryptTemplatedRepositories",
                            "Action", List.of("kms:CreateGrant", "kms:DescribeKey", "kms:RetireGrant"),
                            "Resource", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("^Key.*"), "Arn")))))));
            template.resourceCountIs("AWS::IAM::Policy", 0);
        }
    }

    @Nested
    class Rejections {
        @Test
        void failsWhenCacheIsMixedWithReplication() {
            Fixture f = Fixture.create("base");
            assertThatThrownBy(() -> new RepositoryCreationTemplate(f.stack(), "T", f.props("base",
                    CreationTemplateAppliedFor.PULL_THROUGH_CACHE, CreationTemplateAppliedFor.REPLICATION).build()))
                    .hasMessage("appliedFor [PULL_THROUGH_CACHE, REPLICATION] mixes PULL_THROUGH_CACHE with other scenarios:"
                            + " cached repositories stay MUTABLE so ECR can refresh upstream tags, all others are IMMUTABLE."
                            + " Hint: one template for PULL_THROUGH_CACHE under the cache prefix, another for the rest");
        }

        @Test
        void failsWithoutKeyRoleLifecycleAndWithBadPrefix() {
            Fixture f = Fixture.create("shop");
            assertThatThrownBy(() -> new RepositoryCreationTemplate(f.stack(), "T", RepositoryCreationTemplateProps.builder()
                    .prefix("Shop/").appliedFor(List.of()).build()))
                    .hasMessage("prefix \"Shop/\" is invalid: must be a repository namespace of lowercase letters, digits,"
                            + " . _ - separated by /, or ROOT. Hint: e.g. \"shop/prod\"\n"
                            + "appliedFor is empty: name the scenarios the template applies to. Hint: e.g. REPLICATION\n"
                            + "encryptionKey is missing: created repositories are encrypted with the region's KMS key. Hint:"
                            + " pass the registry stack's key\n"
                            + "role is missing: ECR needs a role to apply KMS encryption and tags. Hint: pass"
                            + " RepositoryCreationTemplateRole.role()\n"
                            + "lifecyclePolicy is missing: every repository needs one (CT.ECR.PR.1). Hint: pass the"
                            + " environment profile's lifecycle.LifecyclePolicy");
        }

        @Test
        void failsOnLongDescription() {
            Fixture f = Fixture.create("shop");
            assertThatThrownBy(() -> new RepositoryCreationTemplate(f.stack(), "T", f.props("shop",
                    CreationTemplateAppliedFor.CREATE_ON_PUSH).description("d".repeat(257)).build()))
                    .hasMessage("description has 257 characters: ECR accepts at most 256. Hint: shorten it");
        }

        @Test
        void roleFailsWithoutPrefixesOrKeys() {
            Stack stack = RegistryTestSupport.stack();
            assertThatThrownBy(() -> new RepositoryCreationTemplateRole(stack, "Role",
                    new RepositoryCreationTemplateRoleProps(List.of(), List.of())))
                    .hasMessage("repositoryPrefixes is empty: the role must be scoped to the templates' prefixes. Hint:"
                            + " pass every template prefix, e.g. \"shop/prod\"\n"
                            + "encryptionKeys is empty: templates encrypt with the region's KMS key, which the role must use."
                            + " Hint: pass that key");
        }
    }
}
