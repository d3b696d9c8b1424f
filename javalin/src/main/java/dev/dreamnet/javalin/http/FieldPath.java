package dev.dreamnet.javalin.http;

import com.fasterxml.jackson.core.JsonStreamContext;

/** Names a place in a JSON body the way an error message should: {@code title}, {@code steps[2]}, {@code a.b}. */
final class FieldPath {

    private FieldPath() {
    }

    /** Where a parser stands; empty at the top level. */
    static String of(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = of(context.getParent());
        if (context.inArray()) {
            return index(parent, Math.max(0, context.getCurrentIndex()));
        }
        return context.getCurrentName() == null ? parent : field(parent, context.getCurrentName());
    }

    static String field(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
