package dev.ecsdeck.ui.taskdef;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The JSON text of a task definition in a RichTextFX code area: line numbers, syntax colours,
 * the matching bracket of the one at the caret, an outline to jump to a top-level member or a
 * container, find and replace, and undo (the area's own, Ctrl+Z / Ctrl+Y). Edits reach
 * {@code onEdited} a moment after typing pauses, not per keystroke.
 */
final class JsonCodeEditor {
    private static final Pattern TOKENS = Pattern.compile(
            "(?<KEY>\"(?:[^\"\\\\]|\\\\.)*\"(?=\\s*:))|(?<STRING>\"(?:[^\"\\\\]|\\\\.)*\")|(?<NUMBER>-?\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b)"
                    + "|(?<LITERAL>\\btrue\\b|\\bfalse\\b|\\bnull\\b)|(?<BRACE>[{}\\[\\]])");
    private static final Pattern OUTLINE_KEY = Pattern.compile("^  \"([^\"]+)\"\\s*:");
    private static final Pattern CONTAINER_NAME = Pattern.compile("^      \"name\"\\s*:\\s*\"([^\"]+)\"");

    /** A place in the text the outline can jump to. */
    record OutlineItem(String label, int line) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final CodeArea area = new CodeArea();
    private final BorderPane view = new BorderPane();
    private final TextField findField = new TextField();
    private final TextField replaceField = new TextField();
    private final Label findStatus = new Label();
    private final ComboBox<OutlineItem> outline = new ComboBox<>();
    private boolean settingText;
    /** The problem lines (0-based paragraph) and their mark: "error" or "warning". */
    private java.util.Map<Integer, String> marks = java.util.Map.of();
    /** The messages of each marked line, for its sign's tooltip. */
    private java.util.Map<Integer, List<String>> markMessages = java.util.Map.of();

    JsonCodeEditor(Consumer<String> onEdited) {
        area.setId("jsonArea");
        area.getStyleClass().add("json-code-area");
        showGutter();
        area.multiPlainChanges().successionEnds(Duration.ofMillis(150)).subscribe(changes -> {
            if (!settingText) {
                onEdited.accept(area.getText());
            }
            highlight();
            refreshOutline();
        });
        area.caretPositionProperty().addListener((obs, was, now) -> highlight());

        findField.setId("findField");
        findField.setPromptText("Find");
        replaceField.setId("replaceField");
        replaceField.setPromptText("Replace with");
        Button next = new Button("Next");
        next.setOnAction(e -> findNext());
        findField.setOnAction(e -> findNext());
        Button replace = new Button("Replace");
        replace.setOnAction(e -> replaceCurrent());
        Button replaceAll = new Button("Replace all");
        replaceAll.setId("replaceAllButton");
        replaceAll.setOnAction(e -> replaceAll());
        outline.setId("outlineBox");
        outline.setPromptText("Go to…");
        outline.setOnAction(e -> {
            OutlineItem item = outline.getValue();
            if (item != null) {
                goTo(item.line(), 1);
            }
        });
        for (Button b : List.of(next, replace, replaceAll)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox findRow = new HBox(6, outline, findField, next, findStatus);
        HBox replaceRow = new HBox(6, replaceField, replace, replaceAll);
        HBox.setHgrow(findField, Priority.ALWAYS);
        HBox.setHgrow(replaceField, Priority.ALWAYS);
        outline.setMinWidth(Region.USE_PREF_SIZE);
        VBox bar = new VBox(4, findRow, replaceRow);
        bar.getStyleClass().add("find-bar");
        view.setTop(bar);
        view.setCenter(new VirtualizedScrollPane<>(area));
    }

    BorderPane view() {
        return view;
    }

    CodeArea area() {
        return area;
    }

    /** Replaces the whole text (a form edit or a load), keeping the caret near where it was; no edit is reported. */
    void setText(String text) {
        if (text.equals(area.getText())) {
            return;
        }
        int caret = Math.min(area.getCaretPosition(), text.length());
        settingText = true;
        try {
            area.replaceText(text);
            area.moveTo(caret);
        } finally {
            settingText = false;
        }
        highlight();
        refreshOutline();
    }

    /** Puts the caret on a line and column (1-based) and shows it. */
    void goTo(int line, int column) {
        int paragraph = Math.max(0, Math.min(area.getParagraphs().size() - 1, line - 1));
        int col = Math.max(0, Math.min(area.getParagraph(paragraph).length(), column - 1));
        area.moveTo(paragraph, col);
        area.requestFollowCaret();
        area.requestFocus();
    }

    /**
     * Marks the lines that have problems (error wins over warning), clearing the earlier marks: a
     * tinted line and a sign in the gutter beside its number, with the messages as its tooltip.
     */
    void markProblems(List<dev.ecsdeck.taskdef.Problem> problems) {
        java.util.Map<Integer, String> found = new java.util.HashMap<>();
        java.util.Map<Integer, List<String>> messages = new java.util.HashMap<>();
        for (dev.ecsdeck.taskdef.Problem p : problems) {
            if (p.line() > 0 && p.line() <= area.getParagraphs().size()) {
                String mark = p.severity() == dev.ecsdeck.taskdef.Severity.ERROR ? "error" : "warning";
                found.merge(p.line() - 1, mark, (a, b) -> a.equals("error") ? a : b);
                messages.computeIfAbsent(p.line() - 1, k -> new ArrayList<>()).add(ProblemText.of(p));
            }
        }
        for (int i = 0; i < area.getParagraphs().size(); i++) {
            String mark = found.get(i);
            java.util.Collection<String> now = area.getParagraph(i).getParagraphStyle();
            java.util.Collection<String> wanted = mark == null ? List.of() : List.of("problem-line-" + mark);
            if (!new ArrayList<>(now).equals(new ArrayList<>(wanted))) {
                area.setParagraphStyle(i, wanted);
            }
        }
        if (!found.equals(marks) || !messages.equals(markMessages)) {
            marks = java.util.Map.copyOf(found);
            markMessages = java.util.Map.copyOf(messages);
            showGutter();
        }
    }

    /** Line numbers with the problem signs; a new factory makes the area draw every line's gutter again. */
    private void showGutter() {
        java.util.function.IntFunction<javafx.scene.Node> numbers = LineNumberFactory.get(area);
        java.util.Map<Integer, String> shown = marks;
        java.util.Map<Integer, List<String>> tips = markMessages;
        area.setParagraphGraphicFactory(line -> {
            Label sign = new Label();
            sign.getStyleClass().add("problem-marker");
            String mark = shown.get(line);
            if (mark != null) {
                sign.setText(mark.equals("error") ? "\u2716" : "\u25B2");
                sign.getStyleClass().add("problem-marker-" + mark);
                javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip(String.join("\n", tips.getOrDefault(line, List.of())));
                tip.setWrapText(true);
                tip.setMaxWidth(520);
                sign.setTooltip(tip);
            }
            HBox gutter = new HBox(numbers.apply(line), sign);
            gutter.getStyleClass().add("json-gutter");
            gutter.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            return gutter;
        });
    }

    void focusFind() {
        findField.requestFocus();
        findField.selectAll();
    }

    private void findNext() {
        String needle = findField.getText();
        if (needle.isEmpty()) {
            return;
        }
        String text = area.getText();
        int from = area.getSelection().getLength() > 0 ? area.getSelection().getEnd() : area.getCaretPosition();
        int at = text.indexOf(needle, from);
        if (at < 0) {
            at = text.indexOf(needle);
        }
        if (at < 0) {
            findStatus.setText("Not found");
            return;
        }
        findStatus.setText("");
        area.selectRange(at, at + needle.length());
        area.requestFollowCaret();
    }

    private void replaceCurrent() {
        String needle = findField.getText();
        if (!needle.isEmpty() && needle.equals(area.getSelectedText())) {
            area.replaceSelection(replaceField.getText());
        }
        findNext();
    }

    private void replaceAll() {
        String needle = findField.getText();
        if (needle.isEmpty()) {
            return;
        }
        String text = area.getText();
        int count = text.split(Pattern.quote(needle), -1).length - 1;
        if (count > 0) {
            area.replaceText(text.replace(needle, replaceField.getText()));
        }
        findStatus.setText(count + " replaced");
    }

    private void refreshOutline() {
        List<OutlineItem> items = new ArrayList<>();
        int line = 1;
        for (String l : area.getText().split("\n", -1)) {
            Matcher key = OUTLINE_KEY.matcher(l);
            Matcher container = CONTAINER_NAME.matcher(l);
            if (key.find()) {
                items.add(new OutlineItem(key.group(1), line));
            } else if (container.find()) {
                items.add(new OutlineItem("  container " + container.group(1), line));
            }
            line++;
        }
        if (!items.equals(outline.getItems())) {
            outline.getItems().setAll(items);
        }
    }

    /** Syntax colours, plus the bracket at the caret and its match. */
    private void highlight() {
        String text = area.getText();
        int[] match = matchingBrackets(text, area.getCaretPosition());
        area.setStyleSpans(0, spans(text, match));
    }

    static StyleSpans<Collection<String>> spans(String text, int[] brackets) {
        Matcher m = TOKENS.matcher(text);
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int last = 0;
        while (m.find()) {
            String style = m.group("KEY") != null ? "json-key" : m.group("STRING") != null ? "json-string"
                    : m.group("NUMBER") != null ? "json-number" : m.group("LITERAL") != null ? "json-literal" : "json-brace";
            builder.add(Collections.emptyList(), m.start() - last);
            boolean matched = brackets != null && (m.start() == brackets[0] || m.start() == brackets[1]);
            builder.add(matched ? List.of(style, "bracket-match") : List.of(style), m.end() - m.start());
            last = m.end();
        }
        builder.add(Collections.emptyList(), text.length() - last);
        return builder.create();
    }

    /** The positions of the bracket at (or just before) the caret and of its match, or null. Strings are skipped. */
    static int[] matchingBrackets(String text, int caret) {
        int at = -1;
        if (caret < text.length() && "{}[]".indexOf(text.charAt(caret)) >= 0) {
            at = caret;
        } else if (caret > 0 && caret <= text.length() && "{}[]".indexOf(text.charAt(caret - 1)) >= 0) {
            at = caret - 1;
        }
        if (at < 0) {
            return null;
        }
        char c = text.charAt(at);
        boolean forward = c == '{' || c == '[';
        char open = c == '}' ? '{' : c == ']' ? '[' : c;
        char close = open == '{' ? '}' : ']';
        boolean[] inString = stringMask(text);
        int depth = 0;
        for (int i = at; forward ? i < text.length() : i >= 0; i += forward ? 1 : -1) {
            if (inString[i]) {
                continue;
            }
            char x = text.charAt(i);
            if (x == open) {
                depth += forward ? 1 : -1;
            } else if (x == close) {
                depth += forward ? -1 : 1;
            }
            if (depth == 0) {
                return new int[] {Math.min(at, i), Math.max(at, i)};
            }
        }
        return null;
    }

    private static boolean[] stringMask(String text) {
        boolean[] mask = new boolean[text.length()];
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            char x = text.charAt(i);
            if (in) {
                mask[i] = true;
                if (x == '\\') {
                    if (i + 1 < text.length()) {
                        mask[++i] = true;
                    }
                } else if (x == '"') {
                    in = false;
                }
            } else if (x == '"') {
                in = true;
                mask[i] = true;
            }
        }
        return mask;
    }
}
