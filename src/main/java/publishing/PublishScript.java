package publishing;

import java.util.List;

import platform.ScanType;

/**
 * The shell both generated pipelines run, so GitHub Actions and CodeBuild tag, push and gate identically. The
 * fragments read environment variables (documented in docs/publishing.md) and bake in only what the
 * {@link TaggingStrategy} decides.
 *
 * <p>Inputs: {@code AWS_REGION REGISTRY REPOSITORY PLATFORMS DOCKER_CONTEXT DOCKERFILE GATE_SEVERITIES} and, per
 * run, {@code EVENT_KIND} ({@code branch|tag|manual}) {@code REF_NAME COMMIT_SHA BUILD_NUMBER}.
 */
public final class PublishScript {

    /** buildx writes no provenance or SBOM attestations: Lambda rejects image indexes that carry them, and ECR scanning reads the image itself. */
    static final String BUILD_FLAGS = "--provenance=false --sbom=false";

    /** Manifest types ECR returns from batch-get-image for single- and multi-platform images. */
    private static final String MEDIA_TYPES = "application/vnd.oci.image.index.v1+json "
            + "application/vnd.oci.image.manifest.v1+json "
            + "application/vnd.docker.distribution.manifest.list.v2+json "
            + "application/vnd.docker.distribution.manifest.v2+json";

    private PublishScript() {
    }

    /** Sets {@code TAGS} (space-separated, the commit tag first) and {@code RELEASE} (empty unless a release tag). */
    static String tags(TaggingStrategy tagging) {
        return """
                RELEASE_PATTERN='@RELEASE_PATTERN@'
                TAGS="@COMMIT_PREFIX@${COMMIT_SHA} @BUILD_PREFIX@${BUILD_NUMBER}"
                RELEASE=""
                case "$EVENT_KIND" in
                  tag)
                    if [[ ! "$REF_NAME" =~ $RELEASE_PATTERN ]]; then
                      echo "git tag $REF_NAME is not a release version: must match $RELEASE_PATTERN, e.g. @RELEASE_PREFIX@1.2.3" >&2
                      exit 1
                    fi
                    RELEASE="$REF_NAME"
                    TAGS="$TAGS $RELEASE"
                    ;;
                  branch)
                    @LATEST@
                    ;;
                  manual)
                    ;;
                  *)
                    echo "EVENT_KIND \\"$EVENT_KIND\\" is invalid: must be branch, tag or manual" >&2
                    exit 1
                    ;;
                esac
                echo "Tags: $TAGS"
                """
                .replace("@RELEASE_PATTERN@", tagging.releaseTagRegex())
                .replace("@RELEASE_PREFIX@", tagging.releasePrefix())
                .replace("@COMMIT_PREFIX@", TaggingStrategy.COMMIT_PREFIX)
                .replace("@BUILD_PREFIX@", TaggingStrategy.BUILD_NUMBER_PREFIX)
                .replace("@LATEST@", tagging.writeLatest()
                        ? "TAGS=\"$TAGS " + TaggingStrategy.LATEST + "\""
                        : "# latest is not written: tagging.allowLatest is off or latest is not a mutable tag here");
    }

    /**
     * Builds and pushes under the commit tag unless that tag exists (then the existing digest is reused: an image
     * is built once per commit), sets {@code DIGEST}, then adds the other tags to that digest with put-image.
     */
    static String push() {
        return """
                COMMIT_TAG="${TAGS%% *}"
                LOOKUP_ERR="$(mktemp)"
                lookup() {
                  if ! aws ecr describe-images --region "$AWS_REGION" --repository-name "$REPOSITORY" \\
                      --image-ids imageTag="$COMMIT_TAG" --query 'imageDetails[0].imageDigest' --output text 2>"$LOOKUP_ERR"; then
                    grep -q ImageNotFoundException "$LOOKUP_ERR" || { cat "$LOOKUP_ERR" >&2; return 1; }
                  fi
                }
                DIGEST="$(lookup)"
                if [ -z "$DIGEST" ]; then
                  docker buildx build --platform "$PLATFORMS" @BUILD_FLAGS@ \\
                    --file "$DOCKERFILE" --tag "$REGISTRY/$REPOSITORY:$COMMIT_TAG" --push "$DOCKER_CONTEXT"
                  DIGEST="$(lookup)"
                else
                  echo "$COMMIT_TAG exists as $DIGEST: reusing it (built once per commit)"
                fi
                IMAGE_JSON="$(aws ecr batch-get-image --region "$AWS_REGION" --repository-name "$REPOSITORY" \\
                  --image-ids imageDigest="$DIGEST" --accepted-media-types @MEDIA_TYPES@ --output json)"
                EXISTING=" $(aws ecr describe-images --region "$AWS_REGION" --repository-name "$REPOSITORY" \\
                  --image-ids imageDigest="$DIGEST" --query 'imageDetails[0].imageTags' --output text | tr '\\t' ' ') "
                for TAG in $TAGS; do
                  case "$EXISTING" in *" $TAG "*) continue ;; esac
                  aws ecr put-image --region "$AWS_REGION" --repository-name "$REPOSITORY" --image-tag "$TAG" \\
                    --image-digest "$DIGEST" --image-manifest "$(jq -r '.images[0].imageManifest' <<<"$IMAGE_JSON")" \\
                    --image-manifest-media-type "$(jq -r '.images[0].imageManifestMediaType' <<<"$IMAGE_JSON")" >/dev/null
                done
                echo "Pushed $REGISTRY/$REPOSITORY@$DIGEST"
                """
                .replace("@BUILD_FLAGS@", BUILD_FLAGS)
                .replace("@MEDIA_TYPES@", MEDIA_TYPES);
    }

    /**
     * Waits for the scan of every platform image of {@code DIGEST} (ECR scans the images of an index, not the index)
     * and fails when findings of a severity in {@code GATE_SEVERITIES} exist.
     */
    static String scanGate(ScanType scanType) {
        String header = """
                MANIFEST="$(aws ecr batch-get-image --region "$AWS_REGION" --repository-name "$REPOSITORY" \\
                  --image-ids imageDigest="$DIGEST" --accepted-media-types @MEDIA_TYPES@ \\
                  --query 'images[0].imageManifest' --output text)"
                SCAN_DIGESTS="$(jq -r '.manifests[]?.digest' <<<"$MANIFEST")"
                BLOCKING=0
                for IMAGE_DIGEST in ${SCAN_DIGESTS:-$DIGEST}; do
                """.replace("@MEDIA_TYPES@", MEDIA_TYPES);
        String body = scanType == ScanType.ENHANCED ? """
                  # Amazon Inspector (ENHANCED scanning): wait until the image is scanned, then count its active findings.
                  STATUS=PENDING
                  for ATTEMPT in $(seq 1 60); do
                    STATUS="$(aws ecr describe-image-scan-findings --region "$AWS_REGION" --repository-name "$REPOSITORY" \\
                      --image-id imageDigest="$IMAGE_DIGEST" --no-paginate --query 'imageScanStatus.status' --output text 2>/dev/null || echo PENDING)"
                    case "$STATUS" in
                      ACTIVE|COMPLETE) break ;;
                      FAILED|UNSUPPORTED_IMAGE|SCAN_ELIGIBILITY_EXPIRED|FINDINGS_UNAVAILABLE|LIMIT_EXCEEDED)
                        echo "Scan of $IMAGE_DIGEST ended with status $STATUS: the image cannot be cleared" >&2; exit 1 ;;
                    esac
                    sleep 10
                  done
                  case "$STATUS" in ACTIVE|COMPLETE) ;; *) echo "Scan of $IMAGE_DIGEST did not complete in 10 minutes (status $STATUS)" >&2; exit 1 ;; esac
                  FILTER="$(jq -cn --arg digest "$IMAGE_DIGEST" --arg repository "$REPOSITORY" --arg severities "$GATE_SEVERITIES" '{
                    ecrImageHash: [{comparison: "EQUALS", value: $digest}],
                    ecrImageRepositoryName: [{comparison: "EQUALS", value: $repository}],
                    findingStatus: [{comparison: "EQUALS", value: "ACTIVE"}],
                    severity: ($severities | split(" ") | map({comparison: "EQUALS", value: .}))}')"
                  COUNT="$(aws inspector2 list-findings --region "$AWS_REGION" --filter-criteria "$FILTER" \\
                    --query 'length(findings)' --output text)"
                """ : """
                  # Basic scanning: wait for the scan on push, then sum the severity counts at or above the gate.
                  aws ecr wait image-scan-complete --region "$AWS_REGION" --repository-name "$REPOSITORY" \\
                    --image-id imageDigest="$IMAGE_DIGEST"
                  COUNT="$(aws ecr describe-image-scan-findings --region "$AWS_REGION" --repository-name "$REPOSITORY" \\
                    --image-id imageDigest="$IMAGE_DIGEST" --no-paginate --query 'imageScanFindings.findingSeverityCounts' --output json \\
                    | jq --arg severities "$GATE_SEVERITIES" '(. // {}) | to_entries
                        | map(select(.key as $k | $severities | split(" ") | index($k))) | map(.value) | add // 0')"
                """;
        String footer = """
                  echo "$IMAGE_DIGEST: $COUNT findings of severity $GATE_SEVERITIES"
                  if [ "$COUNT" != 0 ]; then BLOCKING=1; fi
                done
                if [ "$BLOCKING" != 0 ]; then
                  echo "Scan gate failed: findings of severity $GATE_SEVERITIES in $REGISTRY/$REPOSITORY@$DIGEST" >&2
                  exit 1
                fi
                """;
        return header + body + footer;
    }

    /**
     * The copy of docs/promotion.md for one step: logs ORAS in to both registries and copies {@code DIGEST} with its
     * index children and referrers, tagging it {@code <env>-<yyyymmdd>-<12 hex>}, {@code commit-<sha>} and
     * {@code RELEASE} when set.
     */
    static String promote(PromotionStep step) {
        return """
                set -euo pipefail
                SRC=@SOURCE_URI@
                DST=@TARGET_URI@
                @LOGIN@
                TAGS="@TARGET@-$(date -u +%Y%m%d)-${DIGEST:7:12},@COMMIT_PREFIX@${COMMIT_SHA}"
                if [ -n "$RELEASE" ]; then TAGS="$TAGS,$RELEASE"; fi
                oras cp -r "$SRC@$DIGEST" "$DST:$TAGS"
                echo "Promoted $DST@$DIGEST ($TAGS)" | tee -a "${GITHUB_STEP_SUMMARY:-/dev/null}"
                """
                .replace("@SOURCE_URI@", step.sourceUri())
                .replace("@TARGET_URI@", step.targetUri())
                .replace("@LOGIN@", login(step))
                .replace("@TARGET@", step.target())
                .replace("@COMMIT_PREFIX@", TaggingStrategy.COMMIT_PREFIX);
    }

    /** One {@code oras login} per registry: the ECR token of the promoter's session is valid for both. */
    /**
     * The promotion of one digest as concrete commands (what {@code bin/ecr-blueprint promote} prints):
     * the same logins and the same {@code oras cp -r} as the generated workflows' promotion job.
     */
    public static String promotionCommands(PromotionStep step, String digest, List<String> tags) {
        // Every value is quoted where a shell would read it otherwise (ShellQuote): these lines are run as printed.
        return login(step) + "\n"
                + "oras cp -r " + ShellQuote.quote(step.sourceUri() + "@" + digest) + " "
                + ShellQuote.quote(step.targetUri() + ":" + String.join(",", tags)) + "\n";
    }

    private static String login(PromotionStep step) {
        String source = "aws ecr get-login-password --region " + ShellQuote.quote(step.sourceRegion())
                + " | oras login --username AWS --password-stdin " + ShellQuote.quote(step.sourceRegistry()) + "\n";
        String target = "aws ecr get-login-password --region " + ShellQuote.quote(step.region())
                + " | oras login --username AWS --password-stdin " + ShellQuote.quote(step.targetRegistry()) + "\n";
        return (step.sourceRegistry().equals(step.targetRegistry()) ? target : source + target).stripTrailing();
    }
}
