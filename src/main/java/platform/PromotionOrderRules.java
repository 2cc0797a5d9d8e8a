package platform;

import java.util.List;

/**
 * The rules of {@code promotionOrder}: every environment once, production last.
 */
final class PromotionOrderRules extends SectionRules {

    PromotionOrderRules(Platform platform, Problems problems) {
        super(platform, problems);
    }

    @Override
    void check() {
        promotionOrder();
    }

    private void promotionOrder() {
        List<String> names = platform.environments().stream().map(EnvironmentSpec::name).toList();
        if (!problems.isUsable("promotionOrder") || !problems.isUsable("environments")) {
            return;
        }
        if (names.stream().distinct().count() < names.size()) {
            return;
        }
        references("promotionOrder", platform.promotionOrder(), "promotionOrder", names, "environment");
        duplicates("promotionOrder", platform.promotionOrder(), "environment");
        List<String> order = platform.promotionOrder();
        for (String name : names) {
            if (name != null && !order.contains(name)) {
                // Stacks are built in promotion order: an environment left out would silently get none.
                problems.add("promotionOrder", "environment \"" + name + "\" is not in promotionOrder, so it would get no"
                        + " stacks and receive no images", "add \"" + name + "\" to promotionOrder, or remove the environment");
            }
        }
        String firstProd = null;
        for (int k = 0; k < order.size(); k++) {
            EnvironmentSpec env = platform.environment(order.get(k)).orElse(null);
            if (env == null || env.profile() == null) {
                continue;
            }
            if (firstProd != null && env.profile() != Profile.PROD) {
                problems.add("promotionOrder[" + k + "]", "environment \"" + env.name() + "\" (profile " + env.profile().fileValue()
                                + ") comes after the production environment \"" + firstProd + "\": images would reach production"
                                + " before being tried there", "move \"" + env.name() + "\" before \"" + firstProd + "\"");
            } else if (env.profile() == Profile.PROD && firstProd == null) {
                firstProd = env.name();
            }
        }
    }
}
