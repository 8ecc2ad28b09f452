package dev.ecsdeck.sim.wire.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Query answers in XML as the SDKs read them: {@code <OpResponse xmlns=ns><OpResult>…</OpResult>
 * <ResponseMetadata><RequestId>…} with a structure's members as child elements in order and a list
 * as {@code <Name><member>…</member></Name>}; errors as {@code <ErrorResponse><Error><Type>
 * <Code><Message></Error><RequestId>}. Written with the JDK's StAX writer, which escapes the text.
 */
final class QueryXml {
    static final String CONTENT_TYPE = "text/xml";

    private QueryXml() {}

    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    static byte[] result(String operation, String namespace, JsonNode result, String requestId) {
        return document(operation + "Response", namespace, w -> {
            w.writeStartElement(operation + "Result");
            if (result != null && result.isObject()) {
                members(w, result);
            }
            w.writeEndElement();
            w.writeStartElement("ResponseMetadata");
            text(w, "RequestId", requestId);
            w.writeEndElement();
        });
    }

    static byte[] error(String namespace, String type, String code, String message, String requestId) {
        return document("ErrorResponse", namespace, w -> {
            w.writeStartElement("Error");
            text(w, "Type", type);
            text(w, "Code", code);
            text(w, "Message", message == null ? "" : message);
            w.writeEndElement();
            text(w, "RequestId", requestId);
        });
    }

    private static byte[] document(String root, String namespace, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            // A factory per answer: the JDK's is not documented as safe to share between threads.
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement(root);
            if (namespace != null) {
                w.writeDefaultNamespace(namespace);
            }
            body.write(w);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write an XML answer", e);
        }
        return out.toByteArray();
    }

    private static void members(XMLStreamWriter w, JsonNode structure) throws XMLStreamException {
        for (Iterator<Map.Entry<String, JsonNode>> it = structure.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            element(w, member.getKey(), member.getValue());
        }
    }

    /** One member: absent when null; a structure's members, a list's elements as {@code member}, or a value's text. */
    private static void element(XMLStreamWriter w, String name, JsonNode value) throws XMLStreamException {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        if (value.isArray() && value.isEmpty()) {
            w.writeEmptyElement(name);
            return;
        }
        w.writeStartElement(name);
        if (value.isArray()) {
            for (JsonNode element : value) {
                element(w, "member", element);
            }
        } else if (value.isObject()) {
            members(w, value);
        } else {
            w.writeCharacters(xmlText(value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText()));
        }
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(xmlText(text));
        w.writeEndElement();
    }

    /** The text with the characters XML 1.0 cannot hold at all (most control characters) replaced by U+FFFD. */
    static String xmlText(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || Character.isSurrogate(c) && validSurrogate(s, i);
            if (!allowed && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(allowed ? c : '\uFFFD');
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
