package constructs.observability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import limits.AwsLimits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JavaScript of the {@link RepositoryUsageMetrics} function, inlined into the template ({@code Code.fromInline}) so
 * that synthesis needs no bundling and no Docker. It uses only the AWS SDK for JavaScript v3 that the Lambda Node.js
 * runtimes include (https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html), and a CommonJS
 * {@code async} handler, the only kind Node.js 24 runs. Its settings are one JSON object on its first lines: the
 * names it measures do not fit Lambda's 4 KB of environment variables at hundreds of services.
 */
final class UsageMetricsHandler {

    /**
     * PutMetricData takes at most {@value AwsLimits#CLOUDWATCH_METRICS_PER_PUT} metrics and 1 MB per request; a datum
     * with a 256-character repository name (ECR's longest) is about 1 KB once form-encoded, so half the count limit
     * keeps a request under both.
     */
    static final int METRICS_PER_PUT = AwsLimits.CLOUDWATCH_METRICS_PER_PUT / 2;

    /** Repositories described at the same time: enough for a thousand repositories in a minute, gentle on ECR's rate. */
    static final int PARALLEL_REPOSITORIES = 4;

    private static final String SOURCE = """
            'use strict';
            // ecr-blueprint RepositoryUsageMetrics: publishes ImageCount and StorageBytes per ECR repository.
            const CONFIG = %s;
            const { ECRClient, DescribeImagesCommand } = require('@aws-sdk/client-ecr');
            const { CloudWatchClient, PutMetricDataCommand } = require('@aws-sdk/client-cloudwatch');

            // Every image counts against the quota, archived and untagged ones too (DescribeImages returns only
            // ACTIVE images unless asked).
            async function measure(ecr, repositoryName) {
              let imageCount = 0;
              let storageBytes = 0;
              let nextToken;
              do {
                const page = await ecr.send(new DescribeImagesCommand({
                  repositoryName,
                  maxResults: CONFIG.pageSize,
                  filter: { tagStatus: 'ANY', imageStatus: 'ANY' },
                  nextToken,
                }));
                for (const image of page.imageDetails || []) {
                  imageCount += 1;
                  storageBytes += image.imageSizeInBytes || 0;
                }
                nextToken = page.nextToken;
              } while (nextToken);
              return { imageCount, storageBytes };
            }

            exports.handler = async () => {
              const ecr = new ECRClient({});
              const cloudwatch = new CloudWatchClient({});
              const timestamp = new Date();
              const data = [];
              const failed = [];
              let maxImageCount = 0;
              const queue = [...CONFIG.repositoryNames];
              async function worker() {
                for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
                  try {
                    const usage = await measure(ecr, name);
                    maxImageCount = Math.max(maxImageCount, usage.imageCount);
                    const dimensions = [{ Name: 'RepositoryName', Value: name }];
                    data.push({ MetricName: 'ImageCount', Dimensions: dimensions, Timestamp: timestamp,
                      Value: usage.imageCount, Unit: 'Count' });
                    data.push({ MetricName: 'StorageBytes', Dimensions: dimensions, Timestamp: timestamp,
                      Value: usage.storageBytes, Unit: 'Bytes' });
                  } catch (error) {
                    if (error.name === 'RepositoryNotFoundException') {
                      console.log(JSON.stringify({ repositoryName: name, skipped: 'not created yet or deleted' }));
                    } else {
                      failed.push(name);
                      console.error(JSON.stringify({ repositoryName: name, error: error.name, message: error.message }));
                    }
                  }
                }
              }
              await Promise.all(Array.from({ length: CONFIG.parallel }, worker));
              data.push({ MetricName: 'MaxImageCount', Dimensions: [{ Name: 'Scope', Value: CONFIG.scope }],
                Timestamp: timestamp, Value: maxImageCount, Unit: 'Count' });
              for (let i = 0; i < data.length; i += CONFIG.metricsPerPut) {
                await cloudwatch.send(new PutMetricDataCommand({
                  Namespace: CONFIG.namespace,
                  MetricData: data.slice(i, i + CONFIG.metricsPerPut),
                }));
              }
              if (failed.length > 0) {
                // A failed run shows in the function's Errors metric, which the errors alarm watches.
                throw new Error('could not describe the images of ' + failed.length + ' repositories: ' + failed.join(', '));
              }
              return { repositories: CONFIG.repositoryNames.length, metrics: data.length, maxImageCount };
            };
            """;

    private UsageMetricsHandler() {
    }

    /**
     * The function's source for these settings.
     *
     * @param namespace       the CloudWatch namespace of the metrics
     * @param scope           the value of the {@code Scope} dimension of {@code MaxImageCount}
     * @param repositoryNames the repositories measured
     * @return the JavaScript of {@code index.js}
     */
    static String source(String namespace, String scope, List<String> repositoryNames) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("namespace", namespace);
        config.put("scope", scope);
        config.put("pageSize", AwsLimits.ECR_DESCRIBE_IMAGES_PAGE);
        config.put("metricsPerPut", METRICS_PER_PUT);
        config.put("parallel", PARALLEL_REPOSITORIES);
        config.put("repositoryNames", repositoryNames);
        try {
            return SOURCE.formatted(new ObjectMapper().writeValueAsString(config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the settings of the usage-metrics function are not JSON", e);
        }
    }
}
