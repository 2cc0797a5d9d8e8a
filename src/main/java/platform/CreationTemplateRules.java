package platform;

import java.util.List;

/**
 * The rules of {@code registry.creationTemplates}: one template a prefix, each applied-for value once.
 */
final class CreationTemplateRules extends SectionRules {

    CreationTemplateRules(Platform platform, Problems problems) {
        super(platform, problems);
    }

    @Override
    void check() {
        creationTemplates();
    }

    private void creationTemplates() {
        List<CreationTemplate> templates = platform.registry().creationTemplates();
        duplicates("registry.creationTemplates", templates.stream().map(CreationTemplate::prefix).toList(), "prefix");
        for (int i = 0; i < templates.size(); i++) {
            duplicates("registry.creationTemplates[" + i + "].appliedFor",
                    templates.get(i).appliedFor().stream().map(TemplateAppliesTo::fileValue).toList(), "value");
        }
    }
}
