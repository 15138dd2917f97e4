package io.bellwether.aggregate.query;

/** An HTTP answer: status and JSON body. */
record Reply(int status, String body) {

    static Reply error(int status, String reason, com.fasterxml.jackson.databind.ObjectMapper json) {
        return new Reply(status, json.createObjectNode().put("status", status).put("error", reason).toString());
    }
}
