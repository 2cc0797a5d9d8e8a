package constructs.internal;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

import static org.assertj.core.api.Assertions.assertThat;

class StackValuesTest {

    @Test
    void readsWhatTheStackReturns() {
        Stack stack = new Stack(new App(), "Fixed", StackProps.builder()
                .env(Environment.builder().account("111111111111").region("eu-west-1").build()).build());
        Key key = new Key(stack, "Key");

        StackValues values = StackValues.of(new Construct(stack, "Group"));

        assertThat(values.stack()).isSameAs(stack);
        assertThat(values.account()).isEqualTo(stack.getAccount());
        assertThat(values.region()).isEqualTo(stack.getRegion());
        assertThat(values.partition()).isEqualTo(stack.getPartition());
        assertThat(values.urlSuffix()).isEqualTo(stack.getUrlSuffix());
        assertThat(values.keyArn(key)).isEqualTo(key.getKeyArn()).isSameAs(values.keyArn(key));
    }

    @Test
    void everyConstructOfAStackSharesOneInstanceAndAnotherStackHasItsOwn() {
        App app = new App();
        Stack stack = new Stack(app, "One");
        Stack other = new Stack(app, "Two");

        StackValues values = StackValues.of(stack);

        assertThat(StackValues.of(new Construct(stack, "Group"))).isSameAs(values);
        assertThat(StackValues.of(new Construct(new Construct(stack, "Outer"), "Inner"))).isSameAs(values);
        assertThat(StackValues.of(other)).isNotSameAs(values);
        assertThat(StackValues.of(other).stack()).isSameAs(other);
    }
}
