package snapshots;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AssetHashesTest {

    static final String HASH = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final String OTHER_HASH = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

    static String normalised(String json) {
        return CanonicalJson.write(AssetHashes.normalise(CanonicalJson.parse(json, "test")));
    }

    static String canonical(String json) {
        return CanonicalJson.write(CanonicalJson.parse(json, "test"));
    }

    @Test
    void theS3KeyOfALambdaBundleIsNormalised() {
        String code = """
                {"Code": {"S3Bucket": {"Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"}, "S3Key": "%s.zip"}}
                """.formatted(HASH);

        assertThat(normalised(code)).isEqualTo(canonical("""
                {"Code": {"S3Bucket": {"Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"}, "S3Key": "<asset-hash>.zip"}}
                """));
    }

    @Test
    void aContainerImageUriInTheBootstrapRepositoryIsNormalised() {
        String image = """
                {"ImageUri": {"Fn::Sub": "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/cdk-hnb659fds-container-assets-${AWS::AccountId}-${AWS::Region}:%s"}}
                """.formatted(HASH);

        assertThat(normalised(image)).isEqualTo(canonical("""
                {"ImageUri": {"Fn::Sub": "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/cdk-hnb659fds-container-assets-${AWS::AccountId}-${AWS::Region}:<asset-hash>"}}
                """));
    }

    @Test
    void theHashPartOfAJoinThatNamesTheAssetBucketIsNormalised() {
        String nested = """
                {"TemplateURL": {"Fn::Join": ["", ["https://s3.", {"Ref": "AWS::Region"}, ".", {"Ref": "AWS::URLSuffix"}, "/",
                  {"Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"}, "/%s.json"]]}}
                """.formatted(HASH);

        assertThat(normalised(nested)).contains("\"/<asset-hash>.json\"").doesNotContain(HASH);
    }

    @Test
    void assetPathMetadataIsNormalisedWithACustomQualifier() {
        String json = """
                {"Metadata": {"aws:asset:path": "asset.%s"}, "Bucket": {"Fn::Sub": "cdk-myqual123-assets-${AWS::AccountId}-%s"}}
                """.formatted(HASH, OTHER_HASH);

        assertThat(normalised(json)).isEqualTo(canonical("""
                {"Metadata": {"aws:asset:path": "asset.<asset-hash>"}, "Bucket": {"Fn::Sub": "cdk-myqual123-assets-${AWS::AccountId}-<asset-hash>"}}
                """));
    }

    @Test
    void aHexStringOutsideAnAssetContextIsKept() {
        String json = """
                {"Tags": [{"Key": "digest", "Value": "%s"}],
                 "Join": {"Fn::Join": ["", ["sha256:", "%s"]]}}
                """.formatted(HASH, HASH);

        assertThat(normalised(json)).isEqualTo(canonical(json));
    }

    @Test
    void theArgumentIsNotChanged() {
        var tree = CanonicalJson.parse("{\"S3Key\": \"%s.zip\"}".formatted(HASH), "test");

        AssetHashes.normalise(tree);

        assertThat(tree.get("S3Key").asText()).isEqualTo(HASH + ".zip");
    }
}
