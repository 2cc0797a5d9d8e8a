package platform;

import java.util.List;

/**
 * AWS Control Tower's proactive controls, evaluated in every synthesis (validation.ControlTowerValidation): which
 * families fail it, and the controls not enforced on purpose.
 */
public record ControlTower(
        @Field(pattern = NameFormats.CONTROL_FAMILY, value = "Families of controls that fail synthesis: the part after CT. of a"
                + " control id, for example KMS, S3, ECR, IAM, CODEBUILD. Every control is still evaluated and reported."
                + " Default: all families.")
        List<String> families,
        @Field("Controls not enforced on purpose, each with the reason, listed in the compliance report. Default: none.")
        List<ControlTowerException> exceptions) {

    /**
     * Applies the defaults to {@code null} components and copies the collections.
     *
     * @param families families of controls that fail synthesis. Default: all families.
     * @param exceptions controls not enforced on purpose, each with the reason. Default: none.
     */
    public ControlTower {
        families = families == null ? List.of() : List.copyOf(families);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
    }
}
