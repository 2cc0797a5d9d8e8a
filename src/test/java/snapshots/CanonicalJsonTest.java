package snapshots;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalJsonTest {

    @Test
    void keysAreSortedAtEveryLevelWithTwoSpaceIndentationAndATrailingNewline() {
        String json = "{\"b\":{\"z\":1,\"a\":[{\"y\":true,\"x\":null}]},\"a\":\"text\"}";

        String canonical = CanonicalJson.write(CanonicalJson.parse(json, "test"));

        assertThat(canonical).isEqualTo("""
                {
                  "a": "text",
                  "b": {
                    "a": [
                      {
                        "x": null,
                        "y": true
                      }
                    ],
                    "z": 1
                  }
                }
                """);
    }

    @Test
    void emptyContainersAreWrittenCompactly() {
        assertThat(CanonicalJson.write(CanonicalJson.parse("{\"o\":{},\"a\":[]}", "test")))
                .isEqualTo("{\n  \"a\": [],\n  \"o\": {}\n}\n");
    }

    @Test
    void numbersAreWrittenAsJavaScriptWritesThem() {
        var tree = CanonicalJson.tree(Map.of("fromJsii", 7.0, "fraction", 0.50, "big", 12345678901234L, "list", List.of(1.0, 2.5)));

        assertThat(CanonicalJson.write(tree)).isEqualTo("""
                {
                  "big": 12345678901234,
                  "fraction": 0.5,
                  "fromJsii": 7,
                  "list": [
                    1,
                    2.5
                  ]
                }
                """);
    }

    @Test
    void keysSortByCodeUnitSoUppercaseComesFirst() {
        assertThat(CanonicalJson.write(CanonicalJson.parse("{\"b\":1,\"B\":2,\"Fn::Sub\":3,\"AWS::Region\":4}", "test")))
                .isEqualTo("{\n  \"AWS::Region\": 4,\n  \"B\": 2,\n  \"Fn::Sub\": 3,\n  \"b\": 1\n}\n");
    }

    @Test
    void invalidJsonNamesItsSource() {
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":", "snapshot x.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("snapshot x.json is not valid JSON: ");
    }
}
