package dev.ecsdeck.ui.shell;

import com.sun.javafx.font.CharToGlyphMapper;
import com.sun.javafx.font.PGFont;
import com.sun.javafx.scene.text.FontHelper;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.text.Text;

/**
 * Finds text on screen whose font has no glyph for a character (JavaFX draws a box for it). Uses
 * the toolkit's font mapper, with the same fallback fonts the renderer uses. Call on the FX thread.
 */
final class Glyphs {
    private Glyphs() {}

    static List<String> missingIn(Parent root) {
        List<String> missing = new ArrayList<>();
        for (Node n : root.lookupAll("*")) {
            if (n instanceof Text t && t.getText() != null && t.isVisible()) {
                CharToGlyphMapper mapper = ((PGFont) FontHelper.getNativeFont(t.getFont())).getFontResource().getGlyphMapper();
                t.getText().codePoints().filter(c -> !Character.isWhitespace(c) && mapper.charToGlyph(c) == 0)
                        .forEach(c -> missing.add("U+" + Integer.toHexString(c).toUpperCase() + " in \"" + t.getText() + "\" (" + t.getFont() + ")"));
            }
        }
        return missing;
    }
}
