package dev.dreamnet.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** A client command that could not do its job, with a one-line reason and the exit code to return. */
final class ClientException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    ClientException(String message) {
        this(message, ExitCodes.UNAVAILABLE);
    }

    private ClientException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** Something the server does not have: exit code {@link ExitCodes#NOT_FOUND}. */
    static ClientException notFound(String message) {
        return new ClientException(message, ExitCodes.NOT_FOUND);
    }

    /** A local file or setting that cannot be used: exit code {@link ExitCodes#CONFIG}. */
    static ClientException config(String message) {
        return new ClientException(message, ExitCodes.CONFIG);
    }

    /**
     * What an error answer to {@code request} ({@code GET http://...}) means. DreamNet's own ({@code {"error": ...,
     * "detail": ...}}) is shown as it is, with the exit code of its status. A 404 from anything else means DreamNet's
     * API is not at that URL: it names the request and adds {@code hint}, where it may be. {@code body} is null when
     * it is not JSON.
     */
    static ClientException fromServer(String request, int status, JsonNode body, String hint) {
        if (!isDreamNetError(body)) {
            if (status == 404) {
                return notFound(request + " answered 404, not from DreamNet: " + hint);
            }
            if (body == null) {
                return new ClientException(request + " answered " + status + " with a body that is not JSON: "
                        + "is --url pointing at a DreamNet server?");
            }
        }
        String error = body.path("error").asText("HTTP " + status);
        String detail = body.path("detail").asText("");
        String message = "server answered " + status + " " + error + (detail.isEmpty() ? "" : ": " + detail);
        int code = switch (status) {
            case 401, 403 -> ExitCodes.NO_PERMISSION;
            case 404 -> ExitCodes.NOT_FOUND;
            case 400, 409, 422 -> ExitCodes.USAGE;
            default -> ExitCodes.UNAVAILABLE;
        };
        return new ClientException(message, code);
    }

    /** Whether {@code body} is the error every DreamNet server answers: {@code {"error": ..., "detail": ...}}. */
    private static boolean isDreamNetError(JsonNode body) {
        return body != null && body.path("error").isTextual() && body.path("detail").isTextual();
    }

    int exitCode() {
        return exitCode;
    }
}
