package stacks;

import org.junit.jupiter.api.Test;
import platform.EnvironmentSpec;
import platform.Platform;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalGatesTest {

    static final Platform PLATFORM = DeliveryPipelineStackTest.platform();
    static final EnvironmentSpec DEV = PLATFORM.environment("dev").orElseThrow();
    static final EnvironmentSpec STAGING = PLATFORM.environment("staging").orElseThrow();
    static final EnvironmentSpec PROD = PLATFORM.environment("prod").orElseThrow();

    @Test
    void aStackSharedByEnvironmentsBeforeTheSameApprovalStaysWithTheFirst() {
        ApprovalGates gates = ApprovalGates.of(PLATFORM);

        assertThat(gates.stageFor(DEV, List.of(DEV, STAGING))).isEqualTo(DEV);
    }

    @Test
    void aStackThatAlsoChangesProdWaitsForProdsApproval() {
        ApprovalGates gates = ApprovalGates.of(PLATFORM);

        assertThat(gates.stageFor(DEV, List.of(DEV, STAGING, PROD))).isEqualTo(PROD);
    }

    @Test
    void anApprovalBeforeStagingMovesAStackSharedByDevAndStagingBehindIt() {
        ApprovalGates gates = ApprovalGates.of(PLATFORM, List.of("staging", "prod"));

        assertThat(gates.stageFor(DEV, List.of(DEV, STAGING))).isEqualTo(STAGING);
        assertThat(gates.stageFor(DEV, List.of(DEV))).isEqualTo(DEV);
    }

    @Test
    void withoutAPipelineNothingMoves() {
        assertThat(ApprovalGates.none().stageFor(DEV, List.of(DEV, STAGING, PROD))).isEqualTo(DEV);
    }
}
