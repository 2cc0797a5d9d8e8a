package snapshots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Replaces asset hashes (64 lowercase hex characters) by {@value #PLACEHOLDER}, but only where the CDK
 * puts an asset reference, so that a rebuilt Lambda bundle or Docker context does not churn snapshots
 * while a 64-hex value the user wrote (a tag, a digest in a policy) stays visible:
 * <ul>
 *   <li>the value of an {@code S3Key} property ({@code "<hash>.zip"}, {@code "<hash>.json"});</li>
 *   <li>the value of asset metadata ({@code aws:asset:path}: {@code "asset.<hash>"});</li>
 *   <li>a string naming a bootstrap asset bucket or repository ({@code cdk-<qualifier>-assets-},
 *       {@code cdk-<qualifier>-container-assets-}), e.g. a container image URI in {@code Fn::Sub};</li>
 *   <li>the parts of an {@code Fn::Join} one of whose parts names such a bucket or repository, e.g. a
 *       nested stack's {@code TemplateURL}.</li>
 * </ul>
 * Nothing else is changed or stripped.
 */
public final class AssetHashes {

    public static final String PLACEHOLDER = "<asset-hash>";

    private static final Pattern HASH = Pattern.compile("(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])");
    private static final Pattern BOOTSTRAP_ASSETS = Pattern.compile("cdk-[a-z0-9]+-(?:container-)?assets-");
    private static final Set<String> ASSET_KEYS = Set.of("S3Key", "aws:asset:path");

    private AssetHashes() {
    }

    /** A normalised deep copy of {@code template}; the argument is not changed. */
    public static JsonNode normalise(JsonNode template) {
        JsonNode copy = template.deepCopy();
        walk(copy);
        return copy;
    }

    private static void walk(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                if (value.isTextual() && (ASSET_KEYS.contains(field.getKey()) || namesBootstrapAssets(value))) {
                    field.setValue(replaceHashes(value));
                } else if ("Fn::Join".equals(field.getKey()) && value.isArray() && value.size() == 2
                        && value.get(1).isArray() && mentionsBootstrapAssets(value.get(1))) {
                    replaceAllHashes(value.get(1));
                } else {
                    walk(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (element.isTextual() && namesBootstrapAssets(element)) {
                    array.set(i, replaceHashes(element));
                } else {
                    walk(element);
                }
            }
        }
    }

    private static void replaceAllHashes(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                if (field.getValue().isTextual()) {
                    field.setValue(replaceHashes(field.getValue()));
                } else {
                    replaceAllHashes(field.getValue());
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, replaceHashes(array.get(i)));
                } else {
                    replaceAllHashes(array.get(i));
                }
            }
        }
    }

    private static boolean namesBootstrapAssets(JsonNode text) {
        return BOOTSTRAP_ASSETS.matcher(text.asText()).find();
    }

    private static boolean mentionsBootstrapAssets(JsonNode node) {
        if (node.isTextual()) {
            return namesBootstrapAssets(node);
        }
        for (JsonNode child : node) {
            if (mentionsBootstrapAssets(child)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode replaceHashes(JsonNode text) {
        return TextNode.valueOf(HASH.matcher(text.asText()).replaceAll(PLACEHOLDER));
    }
}
