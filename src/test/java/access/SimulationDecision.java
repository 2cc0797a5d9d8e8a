package access;

/**
 * The simulator's answer to one request.
 *
 * @param decision {@code Allowed}, {@code ImplicitlyDenied}, {@code ExplicitlyDenied}, or {@code Error} (the request
 *                 or a policy is malformed: never a pass)
 * @param reason   which policies and statements decided, and whether the call was cross-account
 */
public record SimulationDecision(SimulationRequest request, String decision, String reason) {

    public boolean allowed() {
        return decision.equals("Allowed");
    }

    public boolean denied() {
        return decision.endsWith("Denied");
    }
}
