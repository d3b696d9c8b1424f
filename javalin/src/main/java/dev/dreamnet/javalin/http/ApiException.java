package dev.dreamnet.javalin.http;

/**
 * A request that cannot be served, with the status code and the JSON error body
 * {@code {"error": ..., "detail": ...}} to answer with.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    public ApiException(int status, String error, String detail) {
        super(detail);
        this.status = status;
        this.error = error;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "bad request", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not found", detail);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
