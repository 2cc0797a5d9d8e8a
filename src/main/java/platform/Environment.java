package platform;

/**
 * One deployment environment of the platform.
 *
 * @param name    short name, part of the stack name ({@code <platform>-<name>}) and repository names
 * @param account the 12-digit AWS account id
 * @param region  the AWS region, e.g. {@code eu-west-1}
 * @param profile the environment profile whose defaults apply: {@code dev}, {@code staging} or {@code prod}
 */
public record Environment(String name, String account, String region, String profile) {
}
