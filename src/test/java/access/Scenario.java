package access;

import java.util.List;

/**
 * One row of the access table: who does what on which resources, and whether IAM must allow it. An allowed
 * scenario holds when every request is allowed; a denied one when every request is denied.
 *
 * @param who      the caller, as a user of the estate would name it
 * @param what     the flow ({@code docker push}, {@code pull}, ...)
 * @param on       the resources, in words
 * @param allowed  whether the flow must succeed
 * @param requests the API calls of the flow
 */
public record Scenario(String who, String what, String on, boolean allowed, List<SimulationRequest> requests) {

    public Scenario {
        requests = List.copyOf(requests);
    }

    public String describe() {
        return who + " " + (allowed ? "may" : "may not") + " " + what + " on " + on;
    }
}
