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

    static class HoldingStack extends Stack implements StackValues.Holder {
        private final StackValues values = new StackValues(this);

        HoldingStack(App app) {
            super(app, "Holding");
        }

        @Override
        public StackValues stackValues() {
            return values;
        }
    }

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
    void aHolderHandsOutTheValuesItKeeps() {
        HoldingStack stack = new HoldingStack(new App());

        assertThat(StackValues.of(stack)).isSameAs(stack.stackValues());
        assertThat(stack.stackValues().account()).isEqualTo(stack.getAccount());
    }
}
