package constructs.internal;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Internal, not API: the values of one stack that every repository and role reads (account, region, partition,
 * URL suffix, the ARN of a key). Each read of a CDK property is a synchronous round trip to the jsii Node process,
 * and these values never change once the stack exists, so each is read once per stack and kept here. The strings
 * are exactly what the CDK property returns (a literal, or the same token), so templates do not change.
 *
 * <p>One instance per stack, found by {@link #of}: the stacks need not keep it (nor expose it in their API).
 */
public final class StackValues {

    /**
     * Weakly keyed, so a stack's values go when its app does; the values refer to their stack only weakly, or
     * they would keep their own key alive.
     */
    private static final Map<Stack, StackValues> BY_STACK = Collections.synchronizedMap(new WeakHashMap<>());

    private final WeakReference<Stack> stack;
    private String account;
    private String region;
    private String partition;
    private String urlSuffix;
    private final Map<IKey, String> keyArns = new IdentityHashMap<>();

    private StackValues(Stack stack) {
        this.stack = new WeakReference<>(stack);
    }

    /**
     * The values of the stack a construct created in {@code scope} belongs to, i.e. of {@code Stack.of(child)}:
     * the scope itself when it is a stack (no round trip), else {@code Stack.of(scope)}.
     *
     * @param scope the scope a construct is created in
     * @return the one instance of that stack
     */
    public static StackValues of(Construct scope) {
        Stack stack = scope instanceof Stack s ? s : Stack.of(scope);
        return BY_STACK.computeIfAbsent(stack, StackValues::new);
    }

    /**
     * The stack.
     *
     * @return the stack these values are of
     */
    public Stack stack() {
        Stack value = stack.get();
        if (value == null) {
            throw new IllegalStateException("the stack is gone: StackValues are read while the stack's app is built");
        }
        return value;
    }

    /**
     * {@code stack.getAccount()}, read once.
     *
     * @return the account (a literal or a token)
     */
    public String account() {
        if (account == null) {
            account = stack().getAccount();
        }
        return account;
    }

    /**
     * {@code stack.getRegion()}, read once.
     *
     * @return the region (a literal or a token)
     */
    public String region() {
        if (region == null) {
            region = stack().getRegion();
        }
        return region;
    }

    /**
     * {@code stack.getPartition()}, read once.
     *
     * @return the partition (a literal or a token)
     */
    public String partition() {
        if (partition == null) {
            partition = stack().getPartition();
        }
        return partition;
    }

    /**
     * {@code stack.getUrlSuffix()}, read once.
     *
     * @return the URL suffix (a literal or a token)
     */
    public String urlSuffix() {
        if (urlSuffix == null) {
            urlSuffix = stack().getUrlSuffix();
        }
        return urlSuffix;
    }

    /**
     * {@code key.getKeyArn()}, read once per key: many repositories share the stack's key.
     *
     * @param key a key
     * @return its ARN
     */
    public String keyArn(IKey key) {
        synchronized (keyArns) {
            return keyArns.computeIfAbsent(key, IKey::getKeyArn);
        }
    }
}
