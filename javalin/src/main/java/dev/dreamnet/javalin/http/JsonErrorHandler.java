package dev.dreamnet.javalin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to requests it refuses before any route sees them (a URI over the size limit: 414, headers too
 * large: 431, a malformed request line or escape: 400) in the same {@code {"error", "detail"}} JSON as every other
 * error, instead of Jetty's HTML page. Thread-safe.
 */
public final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws JsonProcessingException {
        String reason = HttpStatus.getMessage(code);
        byte[] body = Json.MAPPER.writeValueAsBytes(new ErrorBody(reason.toLowerCase(Locale.ROOT),
                detail(request, code, message, reason)));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static String detail(Request request, int code, String message, String reason) {
        int headerLimit = request.getConnectionMetaData().getHttpConfiguration().getRequestHeaderSize();
        return switch (code) {
            case 414 -> "the request URI is too long: the request line and headers may take at most "
                    + headerLimit + " bytes";
            case 431 -> "the request headers are too large: the request line and headers may take at most "
                    + headerLimit + " bytes";
            default -> message == null || message.equals(reason) || message.contains("Exception")
                    ? "the server could not read the request (" + reason + ")"
                    : "the server could not read the request: " + message;
        };
    }
}
