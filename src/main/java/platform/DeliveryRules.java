package platform;

import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of the {@code delivery} section that span values: the permissions boundary must be a policy every role can
 * carry and that the deployment cannot rewrite.
 */
final class DeliveryRules extends SectionRules {

    private static final String PATH = "delivery.permissionsBoundary";

    DeliveryRules(Platform platform, Problems problems) {
        super(platform, problems);
    }

    @Override
    void check() {
        Delivery delivery = platform.deliveryPipeline().orElse(null);
        if (delivery == null || delivery.permissionsBoundary() == null || !problems.isUsable(PATH)
                || !delivery.permissionsBoundary().matches(Names.PERMISSIONS_BOUNDARY)) {
            return;
        }
        String boundary = delivery.permissionsBoundary();
        String name = boundary.substring(boundary.lastIndexOf('/') + 1);
        if (platform.name() != null && name.startsWith(platform.name() + "-")) {
            problems.add(PATH, "permissions boundary " + boundary + " is named " + platform.name() + "-*, and the generated"
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
                problems.add(PATH, "permissions boundary " + boundary + " is a policy of account " + account + ", but the"
                                + " pipeline also creates roles in " + String.join(", ", others) + ", and IAM takes as a"
                                + " role's boundary only a managed policy of the role's own account or an AWS managed policy",
                        "give the policy's name (" + name + "), which each account resolves to its own policy of that name,"
                                + " and create it in every account");
            }
        }
    }
}
