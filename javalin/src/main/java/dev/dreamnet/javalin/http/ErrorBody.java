package dev.dreamnet.javalin.http;

/** The JSON body of every error response. */
public record ErrorBody(String error, String detail) {
}
