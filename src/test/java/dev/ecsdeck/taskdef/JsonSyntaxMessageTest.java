package dev.ecsdeck.taskdef;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The parser's messages, through the validator as the editor shows them: plain words, where the problem's line and column say where. */
class JsonSyntaxMessageTest {
    private final TaskDefinitionValidator validator = new TaskDefinitionValidator();

    private Problem only(String text) {
        List<Problem> problems = validator.validate(text);
        assertThat(problems.toString(), problems.size(), equalTo(1));
        return problems.get(0);
    }

    @Test
    void aStrayCommaSaysANameWasExpectedAndWhatWasFoundAtItsLineAndColumn() {
        Problem p = only("{\n  \"family\": \"x\",\n  ,\"cpu\": \"256\"\n}");
        assertThat(p.message(), equalTo("Invalid JSON: a name in double quotes was expected here, found ','"));
        assertThat(p.line(), equalTo(3));
        assertThat(p.column(), equalTo(3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\":1,}|a name in double quotes was expected here (a comma cannot come right before '}'), found '}'",
        "{\"a\" 1}|a colon (:) was expected here, after the name, found '1'",
        "{\"a\":1 \"b\":2}|a comma (,) or a closing brace (}) was expected here, found '\"'",
        "{\"a\":[1 2]}|a comma (,) or a closing bracket (]) was expected here, found '2'",
        "{\"a\":[1,2|a closing bracket (]) was expected, found the end of the text",
        "{\"a\":{}|a closing brace (}) was expected, found the end of the text",
        "{\"a\":|a closing brace (}) was expected, found the end of the text",
        "{\"a\":\"x|a text value is not closed: its double quote is missing, found the end of the text",
        "{\"a|a name is not closed: its double quote is missing, found the end of the text",
        "{\"a\":nul}|'nul' is not a JSON value: text needs double quotes, and the only bare words are true, false and null",
        "{\"a\":]}|a value was expected here (a comma cannot come right before ']'), found ']'",
        "{\"a\":[1}|']' was expected here to close the open array, found '}'",
        "{'a':1}|a name in double quotes was expected here, found '''",
        "{\"a\":\"\\q\"}|\\q is not an escape JSON knows: write a backslash as \\\\",
        "{\"a\":01}|a number cannot start with 0 (write 7, not 07)",
        "{\"a\":-}|a number is not complete: a digit was expected here, found '}'",
        "{\"a\":1} {}|more text follows the end of the document (its last closing brace)",
    })
    void eachKindOfSyntaxErrorInPlainWords(String text, String expected) {
        assertThat(only(text).message(), equalTo("Invalid JSON: " + expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":\"x\ny\"}", "{\"a\":NaN}", "[[[[", "{\"a\":1.}"})
    void noMessageShowsTheParsersInternals(String text) {
        String message = only(text).message();
        for (String internal : List.of("code ", "[Source", "`", "CTRL-CHAR", "was expecting", "Unexpected", "\n")) {
            assertThat(message, not(containsString(internal)));
        }
    }

    @Test
    void aLineBreakInsideATextValueSaysHowToWriteIt() {
        assertThat(only("{\"a\":\"x\ny\"}").message(), containsString("runs past the end of its line"));
    }

    @Test
    void tooDeepOrTooLongSaysTheLimit() {
        assertThat(only("[".repeat(3000)).message(), containsString("nested deeper than 1000 levels"));
        assertThat(JsonSyntaxMessage.plain("String value length (20000001) exceeds the maximum allowed (20000000, from `StreamReadConstraints"
                + ".getMaxStringLength()`)"), equalTo("a text value is longer than 20000000 characters"));
    }

    @Test
    void anUnknownMessageLosesOnlyTheInternals() {
        assertThat(JsonSyntaxMessage.plain("Something odd (code 12)\n at [Source: REDACTED; line: 1, column: 2]"), equalTo("something odd"));
        assertThat(JsonSyntaxMessage.plain(null), equalTo("the text is not valid JSON here"));
    }
}
