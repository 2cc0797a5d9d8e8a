package constructs.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Lazy;
import software.amazon.awscdk.Token;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "shop/dev/api", "arn:aws:iam::111111111111:role/x", "Token[", "${Token[]}",
            "${Token[a b]}", "-1.8881545897087626e+289", "Token[ -1.8881545897087626e+289", "$(Token[X.1]}",
            "${Token[TOKEN.12]}", "arn:${Token[AWS.Partition.8]}:ecr", "${Token[a]}${Token[b]}", "#{Token[TOKEN.3]}"})
    void answersAsTokenIsUnresolvedForLiterals(String value) {
        assertThat(Tokens.isUnresolved(value)).isEqualTo(Token.isUnresolved(value));
    }

    @Test
    void answersAsTokenIsUnresolvedForRealTokens() {
        List<String> values = new ArrayList<>(List.of(Aws.PARTITION, Aws.URL_SUFFIX, "arn:" + Aws.REGION + ":x",
                Lazy.string(() -> "x"), Token.asString(Lazy.number(() -> 1))));
        for (String value : values) {
            assertThat(Tokens.isUnresolved(value)).as(value).isTrue().isEqualTo(Token.isUnresolved(value));
        }
    }

    @Test
    void nullIsResolved() {
        assertThat(Tokens.isUnresolved(null)).isFalse();
    }
}
