package access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline IAM policy simulator (the npm package {@code @cloud-copilot/iam-simulate}, pinned in package.json), run
 * by {@code src/test/node/iam-simulate-batch.mjs}: one Node process per batch, never one per request. It evaluates
 * identity policies, permission boundaries and the resource policy together, same-account and cross-account, as
 * IAM's evaluation logic says; this class only carries requests in and decisions out.
 */
public final class IamSimulator {

    static final Path SCRIPT = Path.of("src/test/node/iam-simulate-batch.mjs");
    private static final ObjectMapper JSON = new ObjectMapper();

    private IamSimulator() {
    }

    /** The decisions for {@code requests}, in the same order. */
    public static List<SimulationDecision> evaluate(List<SimulationRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        ObjectNode batch = JSON.createObjectNode();
        ArrayNode list = batch.putArray("requests");
        for (int i = 0; i < requests.size(); i++) {
            list.add(requests.get(i).toJson(JSON, Integer.toString(i)));
        }
        try {
            Path out = Files.createTempFile("iam-simulate", ".json");
            Path err = Files.createTempFile("iam-simulate", ".err");
            try {
                Process process = new ProcessBuilder("node", SCRIPT.toString())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                try (OutputStream in = process.getOutputStream()) {
                    in.write(JSON.writeValueAsBytes(batch));
                }
                int exit = process.waitFor();
                if (exit != 0) {
                    throw new IllegalStateException("node " + SCRIPT + " exited with " + exit + ": "
                            + Files.readString(err, StandardCharsets.UTF_8)
                            + " (run `npm ci` to install @cloud-copilot/iam-simulate)");
                }
                JsonNode results = JSON.readTree(out.toFile()).get("results");
                Map<String, JsonNode> byId = new LinkedHashMap<>();
                results.forEach(r -> byId.put(r.get("id").asText(), r));
                List<SimulationDecision> decisions = new ArrayList<>();
                for (int i = 0; i < requests.size(); i++) {
                    JsonNode r = byId.get(Integer.toString(i));
                    decisions.add(new SimulationDecision(requests.get(i), r.get("decision").asText(), r.get("reason").asText()));
                }
                return decisions;
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
