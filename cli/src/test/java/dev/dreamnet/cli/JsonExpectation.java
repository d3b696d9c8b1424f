package dev.dreamnet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One runbook check, {@code GET PATH POINTER == JSON}: the value at {@code POINTER} in the answer
 * to {@code GET PATH} equals {@code JSON}. The pointer is RFC 6901 plus {@code [field=value]}, which
 * picks the element of an array whose {@code field} is {@code value}. Immutable.
 */
record JsonExpectation(String path, String pointer, JsonNode expected) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SYNTAX = Pattern.compile("GET\\s+(/\\S*)\\s+(/\\S*)\\s*==\\s*(.+)");
    private static final Pattern SELECTOR = Pattern.compile("([^\\[]*)\\[([^=\\]]+)=([^\\]]*)]");

    /** Parses the text after {@code expect:}; throws IllegalArgumentException naming what is wrong. */
    static JsonExpectation parse(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expect must read GET PATH POINTER == JSON, was: " + text.trim());
        }
        try {
            return new JsonExpectation(m.group(1), m.group(2), JSON.readTree(m.group(3).trim()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("expected value is not JSON: " + m.group(3).trim());
        }
    }

    /** The node at this pointer in {@code root}, or a missing node. */
    JsonNode select(JsonNode root) {
        JsonNode node = root;
        for (String segment : pointer.substring(1).split("/", -1)) {
            if (pointer.equals("/") || node.isMissingNode()) {
                break;
            }
            node = step(node, segment);
        }
        return node;
    }

    private static JsonNode step(JsonNode node, String segment) {
        Matcher m = SELECTOR.matcher(segment);
        if (!m.matches()) {
            return node.at("/" + segment);
        }
        JsonNode array = m.group(1).isEmpty() ? node : node.path(m.group(1));
        for (JsonNode element : array) {
            if (element.path(m.group(2)).asText().equals(m.group(3))) {
                return element;
            }
        }
        return MissingNode.getInstance();
    }

    /** Whether {@code actual} equals the expected value; numbers compare by value, so 0 matches 0.0. */
    boolean matches(JsonNode actual) {
        if (actual.isNumber() && expected.isNumber()) {
            return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    @Override
    public String toString() {
        return "GET " + path + " " + pointer + " == " + expected;
    }
}
