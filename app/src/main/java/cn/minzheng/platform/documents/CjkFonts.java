package cn.minzheng.platform.documents;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Noto Sans SC (SIL Open Font License, {@code fonts/ttf/NotoSansSC/OFL.txt}) as TrueType from the classpath, unpacked
 * from the Maven artifact {@code com.helger.font:ph-fonts-noto-sans-sc} by the build. Loaded once per JVM; every
 * document embeds the subset of glyphs it uses (Identity-H encoding, with a ToUnicode map so text can be extracted and
 * searched).
 */
final class CjkFonts {

    static final String REGULAR = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    static final String BOLD = "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf";

    private static volatile BaseFont regular;
    private static volatile BaseFont bold;

    private CjkFonts() {}

    static BaseFont regular() {
        BaseFont font = regular;
        if (font == null) {
            synchronized (CjkFonts.class) {
                if (regular == null) {
                    regular = load(REGULAR);
                }
                font = regular;
            }
        }
        return font;
    }

    static BaseFont bold() {
        BaseFont font = bold;
        if (font == null) {
            synchronized (CjkFonts.class) {
                if (bold == null) {
                    bold = load(BOLD);
                }
                font = bold;
            }
        }
        return font;
    }

    private static BaseFont load(String resource) {
        try (InputStream in = CjkFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("字体文件 " + resource + " 不在类路径上（构建时应从 ph-fonts-noto-sans-sc 解压）");
            }
            byte[] bytes = in.readAllBytes();
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            BaseFont font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
            font.setSubset(true);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
