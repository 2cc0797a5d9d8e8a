package snapshots;

import java.util.List;
import java.util.Objects;

/**
 * A CloudFormation resource type the {@link StatefulResourceGuard} protects: one that holds data (images,
 * key material, objects, logs) or whose identity is fixed at creation, so that replacing it loses the data
 * or fails the deployment.
 *
 * @param type                 the CloudFormation type, e.g. {@code AWS::ECR::Repository}
 * @param identityProperties   properties whose values identify the resource across a change of logical id
 *                             or stack (a physical name such as {@code RepositoryName}); may be empty
 * @param createOnlyProperties properties CloudFormation cannot change in place: a change replaces the
 *                             resource, or for KMS keys fails the update
 */
public record StatefulType(String type, List<String> identityProperties, List<String> createOnlyProperties) {

    /**
     * The types protected by default, with their create-only properties from the CloudFormation resource
     * reference ("Update requires: Replacement"; for {@code AWS::KMS::Key} "the update request fails").
     * Registry-level settings (creation templates, replication, registry policy, pull-through cache rules,
     * scanning) are not listed: they hold no images and are recreated as they were.
     */
    public static final List<StatefulType> DEFAULTS = List.of(
            new StatefulType("AWS::ECR::Repository", List.of("RepositoryName"),
                    List.of("RepositoryName", "EncryptionConfiguration")),
            new StatefulType("AWS::ECR::PublicRepository", List.of("RepositoryName"), List.of("RepositoryName")),
            new StatefulType("AWS::KMS::Key", List.of(), List.of("KeySpec", "KeyUsage", "MultiRegion", "Origin")),
            new StatefulType("AWS::KMS::ReplicaKey", List.of(), List.of("PrimaryKeyArn")),
            new StatefulType("AWS::S3::Bucket", List.of("BucketName"), List.of("BucketName")),
            new StatefulType("AWS::Logs::LogGroup", List.of("LogGroupName"), List.of("LogGroupName")));

    public StatefulType {
        Objects.requireNonNull(type, "type");
        identityProperties = List.copyOf(identityProperties);
        createOnlyProperties = List.copyOf(createOnlyProperties);
    }
}
