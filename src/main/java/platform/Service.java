package platform;

/**
 * A service of the platform; it gets one repository in every environment.
 *
 * @param name the service name, the last segment of its repository names
 * @param team the owning team, written as a tag
 */
public record Service(String name, String team) {
}
