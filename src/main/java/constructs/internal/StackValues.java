package constructs.internal;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The values of one stack that every repository and role reads: account, region, partition, URL suffix,
 * the ARN of a key. Each read of a CDK property is a synchronous round trip to the jsii Node process, and
 * these values never change once the stack exists, so each is read once and kept here. The strings are
 * exactly what the CDK property returns (a literal, or the same token), so templates do not change.
 *
 * <p>A stack that builds many constructs implements {@link Holder} and keeps one instance; for any other
 * scope {@link #of} reads the values of {@code Stack.of} again per construct, as before.
 */
public final class StackValues {

    /** A {@link Stack} that keeps one {@link StackValues} of itself for the constructs created directly in it. */
    public interface Holder {
        /**
         * The stack's values, read once.
         *
         * @return the values of this stack
         */
        StackValues stackValues();
    }

    private final Stack stack;
    private String account;
    private String region;
    private String partition;
    private String urlSuffix;
    private final Map<IKey, String> keyArns = new IdentityHashMap<>();

    public StackValues(Stack stack) {
        this.stack = stack;
    }

    /**
     * The values of the stack a construct created in {@code scope} belongs to, i.e. of {@code Stack.of(child)}:
     * the scope itself when it is a stack (no round trip), else {@code Stack.of(scope)}.
     */
    public static StackValues of(Construct scope) {
        if (scope instanceof Stack stack) {
            return stack instanceof Holder holder ? holder.stackValues() : new StackValues(stack);
        }
        return new StackValues(Stack.of(scope));
    }

    public Stack stack() {
        return stack;
    }

    public String account() {
        if (account == null) {
            account = stack.getAccount();
        }
        return account;
    }

    public String region() {
        if (region == null) {
            region = stack.getRegion();
        }
        return region;
    }

    public String partition() {
        if (partition == null) {
            partition = stack.getPartition();
        }
        return partition;
    }

    public String urlSuffix() {
        if (urlSuffix == null) {
            urlSuffix = stack.getUrlSuffix();
        }
        return urlSuffix;
    }

    /** {@code key.getKeyArn()}, read once per key: many repositories share the stack's key. */
    public String keyArn(IKey key) {
        return keyArns.computeIfAbsent(key, IKey::getKeyArn);
    }
}
