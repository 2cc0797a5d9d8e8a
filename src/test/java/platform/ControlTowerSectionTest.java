package platform;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform file's compliance.controlTower: bound with its defaults, and every mistake named with path and hint. */
class ControlTowerSectionTest {

    private static final String BASE = PlatformFileProblems.ONE_DEV_ENVIRONMENT;

    private static List<String> problems(String extra) {
        return PlatformFileProblems.of(BASE + extra);
    }

    @Test
    void everyFamilyIsEnforcedAndNothingExceptedByDefault() {
        ControlTower controlTower = PlatformLoader.parse("platform.yaml", BASE).compliance().controlTower();

        assertThat(controlTower.families()).isEmpty();
        assertThat(controlTower.exceptions()).isEmpty();
    }

    @Test
    void familiesAndExceptionsAreRead() {
        ControlTower controlTower = PlatformLoader.parse("platform.yaml", BASE + """
                compliance:
                  controlTower:
                    families: [KMS, S3]
                    exceptions:
                      - control: CT.ECR.PR.3
                        reason: CI moves latest-main on purpose
                """).compliance().controlTower();

        assertThat(controlTower.families()).containsExactly("KMS", "S3");
        assertThat(controlTower.exceptions()).containsExactly(new ControlTowerException("CT.ECR.PR.3", "CI moves latest-main on purpose"));
    }

    @Test
    void aMalformedControlIdNamesTheFieldAndTheForm() {
        assertThat(problems("""
                compliance:
                  controlTower:
                    exceptions:
                      - control: ECR.3
                        reason: because
                """)).singleElement().asString()
                .contains("compliance.controlTower.exceptions[0].control")
                .contains("is not an AWS Control Tower proactive control id (CT.<FAMILY>.PR.<n>)")
                .contains("CT.ECR.PR.3");
    }

    @Test
    void anExceptionWithoutAReasonOrTwiceIsRejected() {
        assertThat(problems("""
                compliance:
                  controlTower:
                    exceptions:
                      - control: CT.ECR.PR.3
                        reason: " "
                      - control: CT.ECR.PR.3
                        reason: again
                """)).anySatisfy(p -> assertThat(p).contains("compliance.controlTower.exceptions[0].reason")
                        .contains("has a blank reason"))
                .anySatisfy(p -> assertThat(p).contains("compliance.controlTower.exceptions[1].control")
                        .contains("CT.ECR.PR.3 is excepted twice"));
    }

    @Test
    void aLowerCaseFamilyIsRejected() {
        assertThat(problems("""
                compliance:
                  controlTower:
                    families: [kms]
                """)).singleElement().asString()
                .contains("compliance.controlTower.families[0]")
                .contains("is not a Control Tower control family");
    }
}
