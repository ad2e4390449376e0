package io.jvq.cli.output;

/** Terminal column widths: CJK characters (security names) take two columns. */
final class DisplayWidth {
    private DisplayWidth() {
    }

    static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    static String padRight(String text, int columns) {
        int pad = columns - of(text);
        return pad <= 0 ? text : text + " ".repeat(pad);
    }

    static String padLeft(String text, int columns) {
        int pad = columns - of(text);
        return pad <= 0 ? text : " ".repeat(pad) + text;
    }

    private static boolean isWide(int cp) {
        return cp >= 0x1100 && (cp <= 0x115F
                || (cp >= 0x2E80 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x20000 && cp <= 0x3FFFD));
    }
}
