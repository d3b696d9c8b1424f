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

    static ClientException fromServer(int status, JsonNode body) {
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

    int exitCode() {
        return exitCode;
    }
}
