package dev.teardown.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.teardown.adapters.http.StatusDocuments;
import dev.teardown.domain.AssociatedResources;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.TeardownStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The sandbox's API over real HTTP on loopback, with the JDK's own client; one token unless told. */
final class SandboxApi {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "Bearer sandbox-token";

    private final SandboxServer sandbox;
    private final HttpClient http = HttpClient.newHttpClient();

    SandboxApi(SandboxServer sandbox) {
        this.sandbox = sandbox;
    }

    static String path(long dropletId, String call) {
        return "/v2/droplets/" + dropletId + "/destroy_with_associated_resources" + (call.isEmpty() ? "" : "/" + call);
    }

    HttpResponse<byte[]> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.uri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> list(long dropletId) {
        return send("GET", path(dropletId, ""), null, "Authorization", TOKEN);
    }

    HttpResponse<byte[]> status(long dropletId) {
        return send("GET", path(dropletId, "status"), null, "Authorization", TOKEN);
    }

    HttpResponse<byte[]> selective(long dropletId, String body) {
        return send("DELETE", path(dropletId, "selective"), body,
                "Authorization", TOKEN, "Content-Type", "application/json");
    }

    HttpResponse<byte[]> dangerous(long dropletId) {
        return send("DELETE", path(dropletId, "dangerous"), null, "Authorization", TOKEN, "X-Dangerous", "true");
    }

    HttpResponse<byte[]> retry(long dropletId) {
        return send("POST", path(dropletId, "retry"), null, "Authorization", TOKEN);
    }

    /** The status, read as the HTTP adapter reads it; fails unless the answer is a 200. */
    TeardownStatus statusOf(long dropletId) {
        HttpResponse<byte[]> response = status(dropletId);
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        return StatusDocuments.read(DropletId.of(dropletId), response.body());
    }

    AssociatedResources resourcesOf(long dropletId) {
        HttpResponse<byte[]> response = list(dropletId);
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        return StatusDocuments.readAssociatedResources(DropletId.of(dropletId), response.body());
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(HttpResponse<byte[]> response) {
        return response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8);
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }
}
