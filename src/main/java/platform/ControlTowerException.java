package platform;

/**
 * A Control Tower control that the platform's templates need not pass, and why.
 *
 * @param control the control's id, for example CT.ECR.PR.3.
 * @param reason why the control cannot hold here; printed in the compliance report.
 */
public record ControlTowerException(
        @Field(required = true, pattern = NameFormats.CONTROL_ID, value = "The control's id, for example CT.ECR.PR.3.")
        String control,
        @Field(required = true, value = "Why the control cannot hold here; printed in the compliance report.")
        String reason) {
}
