package dev.teardown.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.teardown.domain.DestroyRequest;
import dev.teardown.domain.DropletId;
import dev.teardown.domain.ResourceKind;
import dev.teardown.ports.out.CommandReceipt;
import dev.teardown.ports.out.TeardownApiException;
import dev.teardown.testkit.InMemoryTeardownFamily;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The family's five endpoints as DigitalOcean answers them, served by WireMock from the state of an
 * {@link InMemoryTeardownFamily}: the list and the status follow the commands. It reads the requests
 * as the API would (the selective body's keys, {@code X-Dangerous}), so the adapter's side of the wire is
 * what is under test, not the family's.
 */
final class FamilyOnWireMock implements ResponseDefinitionTransformerV2 {

    private static final Pattern PATH =
            Pattern.compile("/v2/droplets/(\\d+)/destroy_with_associated_resources(?:/(status|selective|dangerous|retry))?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicReference<InMemoryTeardownFamily> family = new AtomicReference<>();

    /** From now on, requests are answered from this family's state. */
    void serve(InMemoryTeardownFamily serving) {
        family.set(serving);
    }

    @Override
    public String getName() {
        return "teardown-family";
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        InMemoryTeardownFamily state = family.get();
        Matcher path = PATH.matcher(request.getUrl());
        if (state == null || !path.matches()) {
            return error(404, "not_found", "The resource you were accessing could not be found.");
        }
        DropletId dropletId = DropletId.of(Long.parseLong(path.group(1)));
        String endpoint = path.group(2) == null ? "" : path.group(2);
        String method = request.getMethod().getName();
        return switch (method + " " + endpoint) {
            case "GET " -> state.resourcesOf(dropletId)
                    .map(listed -> json(200, ResourcesDocuments.write(listed)))
                    .orElseGet(FamilyOnWireMock::notFound);
            case "GET status" -> state.statusOf(dropletId)
                    .map(status -> json(200, StatusDocuments.write(status)))
                    .orElseGet(FamilyOnWireMock::notFound);
            case "DELETE selective" -> selection(request)
                    .map(selection -> command(() -> state.destroy(dropletId, selection, Instant.MAX)))
                    .orElseGet(() -> error(400, "bad_request", "the body must be an object of id lists per kind"));
            case "DELETE dangerous" -> "true".equals(request.getHeader("X-Dangerous"))
                    ? command(() -> state.destroy(dropletId, DestroyRequest.everything(), Instant.MAX))
                    : error(412, "precondition_failed", "the X-Dangerous header must be true");
            case "POST retry" -> command(() -> state.retry(dropletId, Instant.MAX));
            default -> error(405, "method_not_allowed", method + " is not allowed here");
        };
    }

    /** The selective body as the API reads it: each key a kind, each value a list of ids. */
    private static Optional<DestroyRequest> selection(Request request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.getBody());
        } catch (IOException e) {
            return Optional.empty();
        }
        if (body == null || !body.isObject()) {
            return Optional.empty();
        }
        DestroyRequest.Selection.Builder selection = DestroyRequest.selection();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Optional<ResourceKind> kind = ResourceKind.associatedByWireName(field.getKey());
            if (kind.isEmpty() || !field.getValue().isArray()) {
                return Optional.empty();
            }
            for (JsonNode id : field.getValue()) {
                if (!id.isTextual()) {
                    return Optional.empty();
                }
                selection.add(kind.get(), id.asText());
            }
        }
        return Optional.of(selection.build());
    }

    private static ResponseDefinition command(Supplier<CommandReceipt> sent) {
        try {
            return switch (sent.get()) {
                case ACCEPTED -> new ResponseDefinitionBuilder().withStatus(202).build();
                case NOT_FOUND -> notFound();
                case IN_PROGRESS -> error(409, "conflict", "The request could not be completed due to a conflict.");
            };
        } catch (TeardownApiException refused) {
            return error(refused.httpStatus().orElse(500), "unprocessable_entity", refused.getMessage());
        }
    }

    private static ResponseDefinition notFound() {
        return error(404, "not_found", "The resource you were accessing could not be found.");
    }

    private static ResponseDefinition json(int status, byte[] body) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body).build();
    }

    private static ResponseDefinition error(int status, String id, String message) {
        return json(status, StatusDocuments.writeError(id, message, "family-" + status));
    }
}
