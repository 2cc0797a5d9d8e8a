package platform;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code delivery} section's mistakes that synthesis cannot see and that surface only once the pipeline runs: a
 * branch CodePipeline's source action cannot follow (it names exactly one branch; a pattern never matches, a ref
 * is read as a branch name), and an environment whose stack would take the pipeline stack's name in the pipeline's
 * own account and region, so deploying the stage would replace the pipeline with that environment's stack. And the
 * permissions boundary must be a policy every role can carry and that the deployment cannot rewrite.
 */
final class DeliveryRules extends SectionRules {

    /**
     * A branch name git accepts (git check-ref-format): no space, control character, ~ ^ : ? * [ \ or "..", no "@{",
     * not starting or ending with "/" or ".", not ending in ".lock".
     */
    private static final Pattern BRANCH = Pattern.compile(
            "(?!/)(?!.*//)(?!.*\\.\\.)(?!.*@\\{)(?!.*\\.lock$)(?!.*[/.]$)[^\\s~^:?*\\[\\\\\\x00-\\x1f\\x7f]+");

    DeliveryRules(Platform platform, Problems problems) {
        super(platform, problems);
    }

    /**
     * CDK Pipelines deploys each stage from the pipeline's account, assuming the bootstrap roles of the environments'
     * accounts: accounts of another partition (China, GovCloud) are other identities that cannot be assumed from it.
     */
    private void partition(Delivery delivery) {
        if (delivery.region() == null || !problems.isUsable("delivery.region")) {
            return;
        }
        String partition = NameFormats.partition(delivery.region());
        for (EnvironmentSpec env : platform.environments()) {
            if (env.region() != null && !partition.equals(NameFormats.partition(env.region()))) {
                problems.add("delivery.region", "the pipeline's region " + delivery.region() + " is in partition " + partition
                                + ", but environment \"" + env.name() + "\" is in " + env.region() + " of partition "
                                + NameFormats.partition(env.region()) + ": a pipeline deploys only within its partition",
                        "put the pipeline in a region of " + NameFormats.partition(env.region()) + ", e.g. the environments' " + env.region());
                return;
            }
        }
    }

    @Override
    void check() {
        Delivery delivery = platform.deliveryPipeline().orElse(null);
        if (delivery == null) {
            return;
        }
        permissionsBoundary(delivery);
        duplicates("delivery.approvalEmail", delivery.approvalEmail(), "approval email");
        partition(delivery);
        String branch = delivery.branch();
        if (branch != null && problems.isUsable("delivery.branch")) {
            if (branch.startsWith("refs/")) {
                problems.add("delivery.branch", "branch \"" + branch + "\" is written as a ref; the pipeline's source"
                                + " action takes a branch name",
                        "write the branch name only: \"" + branch.replaceFirst("^refs/(heads/)?", "") + "\"");
            } else if (!BRANCH.matcher(branch).matches()) {
                problems.add("delivery.branch", "branch \"" + branch + "\" is not a git branch name (no spaces, wildcards,"
                                + " ~ ^ : [ \\ or \"..\"): the pipeline follows exactly one branch",
                        "name the branch the pipeline deploys from, e.g. main");
            }
        }
        if (platform.name() == null) {
            return;
        }
        String pipelineStack = platform.name() + "-delivery";
        for (int i = 0; i < platform.environments().size(); i++) {
            EnvironmentSpec env = platform.environments().get(i);
            if ("delivery".equals(env.name()) && delivery.account() != null && delivery.account().equals(env.account())
                    && delivery.region() != null && delivery.region().equals(env.region())) {
                problems.add("environments[" + i + "].name", "environment \"delivery\" has the stack name \"" + pipelineStack
                                + "\", which is also the delivery pipeline's stack in account " + env.account() + ", region "
                                + env.region() + ": deploying the environment would replace the pipeline",
                        "rename the environment");
            }
        }
    }

    private static final String BOUNDARY = "delivery.permissionsBoundary";

    private void permissionsBoundary(Delivery delivery) {
        if (delivery.permissionsBoundary() == null || !problems.isUsable(BOUNDARY)
                || !delivery.permissionsBoundary().matches(NameFormats.PERMISSIONS_BOUNDARY)) {
            return;
        }
        String boundary = delivery.permissionsBoundary();
        String name = boundary.substring(boundary.lastIndexOf('/') + 1);
        if (platform.name() != null && name.startsWith(platform.name() + "-")) {
            problems.add(BOUNDARY, "permissions boundary " + boundary + " is named " + platform.name() + "-*, and the generated"
                            + " execution policies let CloudFormation create and change every policy named so: a template"
                            + " could rewrite the boundary of its own roles",
                    "name the boundary policy outside " + platform.name() + "-*, for example ecr-blueprint-boundary");
        }
        if (delivery.permissionsBoundaryIsArn()) {
            String account = boundary.split(":")[4];
            if (account.equals("aws")) {
                return;
            }
            Set<String> others = new TreeSet<>();
            if (delivery.account() != null) {
                others.add(delivery.account());
            }
            platform.environments().forEach(e -> {
                if (e.account() != null) {
                    others.add(e.account());
                }
            });
            others.remove(account);
            if (!others.isEmpty()) {
                problems.add(BOUNDARY, "permissions boundary " + boundary + " is a policy of account " + account + ", but the"
                                + " pipeline also creates roles in " + String.join(", ", others) + ", and IAM takes as a"
                                + " role's boundary only a managed policy of the role's own account or an AWS managed policy",
                        "give the policy's name (" + name + "), which each account resolves to its own policy of that name,"
                                + " and create it in every account");
            }
        }
    }
}
