package platform;

/** A subnet of a {@link Vpc}. */
public record Subnet(
        @Field(required = true, pattern = NameFormats.SUBNET_ID, value = "The subnet id.")
        String id,
        @Field(required = true, value = "The subnet's availability zone, e.g. eu-west-1a.")
        String availabilityZone) {
}
