package stacks;

import com.fasterxml.jackson.databind.JsonNode;
import snapshots.Synthesis;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who writes each thing that exists once per account and region (IAM: once per account) in the templates of several
 * platform files deployed to the accounts they name: two owners of one singleton overwrite each other, and deleting
 * either stack resets it. Read from the synthesized templates and the stacks' environments.
 */
final class SingletonOwners {

    /** Registry-wide singletons (per account and region). */
    static final Set<String> REGISTRY_SINGLETONS = Set.of("AWS::ECR::RegistryScanningConfiguration",
            "AWS::ECR::ReplicationConfiguration", "AWS::ECR::RegistryPolicy", "AWS::ECR::SigningConfiguration");

    private final Map<String, Set<String>> owners = new TreeMap<>();

    /** Records what the synthesized {@code app} writes, as {@code owner}. */
    void add(String owner, Stage app, Synthesis synthesis) {
        for (CloudFormationStackArtifact artifact : app.synth().getStacksRecursively()) {
            String account = artifact.getEnvironment().getAccount();
            String region = artifact.getEnvironment().getRegion();
            JsonNode template = synthesis.template(artifact.getStackName());
            template.path("Resources").forEach(resource -> {
                String type = resource.path("Type").asText();
                JsonNode properties = resource.path("Properties");
                String key = null;
                if (REGISTRY_SINGLETONS.contains(type)) {
                    key = account + "/" + region + " " + type;
                } else if (type.equals("Custom::EcrAccountSetting") || type.equals("Custom::InspectorEcrRescan")) {
                    // ECR account settings and Inspector's configuration: one value per account and region (and name).
                    key = account + "/" + region + " " + type + " " + properties.path("Create").asText().replaceAll(".*\\\"name\\\":\\\"([A-Z_]+)\\\".*", "$1");
                } else if (type.equals("AWS::IAM::OIDCProvider")) {
                    key = account + " " + type + " " + properties.path("Url").asText();
                } else if (type.equals("AWS::EC2::VPCEndpoint")) {
                    // One private-DNS endpoint per service and VPC, one S3 gateway per route table.
                    key = account + "/" + region + " " + type + " " + properties.path("VpcId").asText() + " "
                            + properties.path("ServiceName");
                }
                if (key != null) {
                    owners.computeIfAbsent(key, k -> new TreeSet<>()).add(owner);
                }
            });
        }
    }

    /** Every singleton written by more than one owner, with its owners. */
    List<String> shared() {
        List<String> shared = new ArrayList<>();
        owners.forEach((key, who) -> {
            if (who.size() > 1) {
                shared.add(key + " written by " + who);
            }
        });
        return shared;
    }

    /** Whether nothing was recorded at all. */
    boolean isEmpty() {
        return owners.isEmpty();
    }
}
