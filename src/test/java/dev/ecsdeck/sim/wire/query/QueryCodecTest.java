package dev.ecsdeck.sim.wire.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import dev.ecsdeck.sim.SimApiException;
import dev.ecsdeck.sim.wire.RequestShape;
import dev.ecsdeck.sim.wire.RequestShape.Kind;
import dev.ecsdeck.sim.wire.WireCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How a Query form body becomes the tree the operations read, and how the codec names a call. */
class QueryCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final QueryCodec codec = new QueryCodec();

    private JsonNode read(String form, RequestShape shape) {
        return codec.readRequest(form.getBytes(StandardCharsets.UTF_8), shape);
    }

    private JsonNode read(String form) {
        return read(form, RequestShape.of());
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private SimApiException refused(String form) {
        return assertThrows(SimApiException.class, () -> read(form));
    }

    @Test
    void takesFormBodiesWithOrWithoutACharset() {
        Headers plain = new Headers();
        plain.add("Content-Type", "application/x-www-form-urlencoded");
        Headers charset = new Headers();
        charset.add("Content-Type", "Application/X-WWW-Form-Urlencoded; charset=utf-8");
        Headers json = new Headers();
        json.add("Content-Type", "application/x-amz-json-1.1");
        assertTrue(codec.accepts(plain));
        assertTrue(codec.accepts(charset));
        assertFalse(codec.accepts(json));
        assertFalse(codec.accepts(new Headers()), "a request without a Content-Type is JSON's");
    }

    @Test
    void actionIsTheOperationAndVersionTheService() {
        WireCodec.Target target = codec.target(new Headers(), "Action=DescribeTags&Version=2015-12-01&ResourceArns.member.1=a".getBytes(
                StandardCharsets.UTF_8));
        assertEquals(new WireCodec.Target("2015-12-01", "DescribeTags"), target);

        SimApiException noAction = assertThrows(SimApiException.class, () -> codec.target(new Headers(), "Version=2015-12-01".getBytes(
                StandardCharsets.UTF_8)));
        assertEquals("MissingAction", noAction.errorCode());
        assertEquals(400, noAction.httpStatus());
        SimApiException noVersion = assertThrows(SimApiException.class, () -> codec.target(new Headers(), "Action=DescribeTags".getBytes(
                StandardCharsets.UTF_8)));
        assertEquals("MissingParameter", noVersion.errorCode());
        assertTrue(noVersion.getMessage().contains("Version"), noVersion.getMessage());
    }

    @Test
    void listsAndStructuresBecomeArraysAndObjectsWithoutActionAndVersion() throws IOException {
        assertEquals(json("{'Names':['a','b'],'Matcher':{'HttpCode':'200'}}"),
                read("Action=X&Version=2015-12-01&Names.member.1=a&Names.member.2=b&Matcher.HttpCode=200"));
        assertEquals(json("{'Tags':[{'Key':'team','Value':'web'},{'Key':'env','Value':''}]}"),
                read("Tags.member.1.Key=team&Tags.member.1.Value=web&Tags.member.2.Key=env&Tags.member.2.Value="));
    }

    @Test
    void deepNestingKeepsListsAndStructuresApart() throws IOException {
        String form = "DefaultActions.member.1.Type=forward"
                + "&DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn=blue"
                + "&DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.TargetGroupArn=green"
                + "&DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.Weight=10"
                + "&DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.Weight=90";
        assertEquals(json("{'DefaultActions':[{'Type':'forward','ForwardConfig':{'TargetGroups':["
                + "{'TargetGroupArn':'blue','Weight':'90'},{'TargetGroupArn':'green','Weight':'10'}]}}]}"), read(form));
    }

    @Test
    void indexesOutOfOrderOrWithGapsAreTakenInIndexOrder() throws IOException {
        assertEquals(json("{'Names':['one','three','ten']}"), read("Names.member.10=ten&Names.member.3=three&Names.member.1=one"));
    }

    @Test
    void plusAndPercentEscapesAreDecodedAsUtf8() throws IOException {
        assertEquals(json("{'Name':'a b&c=d ü/€'}"), read("Name=a+b%26c%3Dd+%C3%BC%2F%E2%82%AC"));
    }

    @Test
    void mapsComeAsEntriesOfKeyAndValue() throws IOException {
        assertEquals(json("{'Config':{'Params':{'prompt':'login','display':'page'}}}"),
                read("Config.Params.entry.1.key=prompt&Config.Params.entry.1.value=login"
                        + "&Config.Params.entry.2.key=display&Config.Params.entry.2.value=page"));
        assertTrue(refused("Params.entry.1.key=prompt").getMessage().contains("Params.entry.1"), "an entry without a value");
    }

    @Test
    void anEmptyTextIsAnEmptyListWhereTheShapeHasAList() throws IOException {
        RequestShape shape = RequestShape.of().member("Names", Kind.STRING_LIST).member("Tags", Kind.STRUCTURE_LIST)
                .member("Marker", Kind.STRING);
        assertEquals(json("{'Names':[],'Tags':[],'Marker':''}"), read("Names=&Tags=&Marker=", shape));
    }

    @Test
    void topLevelNumbersAndBooleansAreTypedByTheShape() {
        RequestShape shape = RequestShape.of().member("PageSize", Kind.INTEGER).member("Start", Kind.LONG).member("Ratio", Kind.DOUBLE)
                .member("Enabled", Kind.BOOLEAN).member("Name", Kind.STRING);
        JsonNode tree = read("PageSize=20&Start=1795337100000&Ratio=0.25&Enabled=true&Name=42&Other=7", shape);
        assertTrue(tree.get("PageSize").isInt() && tree.get("PageSize").intValue() == 20, tree.toString());
        assertTrue(tree.get("Start").isIntegralNumber() && tree.get("Start").longValue() == 1795337100000L, tree.toString());
        assertEquals(0.25, tree.get("Ratio").doubleValue());
        assertTrue(tree.get("Enabled").isBoolean() && tree.get("Enabled").booleanValue(), tree.toString());
        assertTrue(tree.get("Name").isTextual(), "a string member stays text even when it reads as a number");
        assertTrue(tree.get("Other").isTextual(), "a member the shape does not know stays text");
    }

    @Test
    void aTopLevelTextThatIsNotTheShapesKindIsRefusedNamingTheMember() {
        RequestShape shape = RequestShape.of().member("PageSize", Kind.INTEGER).member("Enabled", Kind.BOOLEAN);
        SimApiException notNumber = assertThrows(SimApiException.class, () -> read("PageSize=lots", shape));
        assertEquals("SerializationException", notNumber.errorCode(), "the codec writes it as ValidationError: " + codec.errorCode(
                notNumber.errorCode()));
        assertEquals("ValidationError", codec.errorCode(notNumber.errorCode()));
        assertEquals("Expected an integer for 'PageSize', found 'lots'.", notNumber.getMessage());
        assertEquals("Expected an integer for 'PageSize', found '99999999999'.",
                assertThrows(SimApiException.class, () -> read("PageSize=99999999999", shape)).getMessage());
        assertEquals("Expected a boolean for 'Enabled', found 'yes'.",
                assertThrows(SimApiException.class, () -> read("Enabled=yes", shape)).getMessage());
    }

    @Test
    void malformedKeysAreRefusedNamingTheKey() {
        for (String key : new String[] {"a..b", "Names.member.x", "Names.member", "Names.member.0", ".a", "a.", "Names.3", "member.1"}) {
            SimApiException e = refused("Action=X&Version=1&" + key + "=v");
            assertTrue(e.getMessage().contains("'" + key + "'"), key + ": " + e.getMessage());
            assertEquals("ValidationError", codec.errorCode(e.errorCode()), key);
        }
    }

    @Test
    void aMemberGivenTwoKindsOfValueOrSentTwiceIsRefused() {
        assertTrue(refused("Matcher=200&Matcher.HttpCode=200").getMessage().contains("Matcher.HttpCode"));
        assertTrue(refused("Names.member.1=a&Names.member.1.Key=b").getMessage().contains("Names.member.1.Key"));
        assertTrue(refused("Name=a&Name=b").getMessage().contains("'Name' is sent twice"));
    }

    @Test
    void aBadPercentEscapeIsRefused() {
        assertTrue(refused("Name=%zz").getMessage().contains("%-escape"));
    }
}
