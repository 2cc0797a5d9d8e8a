package platform;

import java.util.List;

/**
 * The validated model of a platform file: what {@link PlatformLoader} returns and what the
 * stacks are built from.
 *
 * @param name         the platform name, the first segment of every repository name
 * @param environments dev, staging, prod, ... in promotion order
 * @param services     one repository per service and environment
 */
public record Platform(String name, List<Environment> environments, List<Service> services) {

    public Platform {
        environments = List.copyOf(environments);
        services = List.copyOf(services);
    }
}
