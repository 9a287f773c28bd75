package cn.minzheng.platform.documents;

import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Where a line of Chinese text may break (避头尾, the rule every 公文 follows): never before a closing mark (，。、；：！？）」》”
 * …) — a line does not start with a comma — and never after an opening one (（「《“). Otherwise as OpenPDF breaks: after
 * any CJK character and at spaces.
 */
final class LineBreaks extends DefaultSplitCharacter {

    static final LineBreaks CHINESE = new LineBreaks();

    private static final String NOT_AT_LINE_START = "，。、；：！？）」』》〉】〕”’…·%．,.;:!?)]}";
    private static final String NOT_AT_LINE_END = "（「『《〈【〔“‘([{";

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        char here = getCurrentCharacter(current, cc, ck);
        if (NOT_AT_LINE_END.indexOf(here) >= 0) {
            return false;
        }
        if (current + 1 < end && NOT_AT_LINE_START.indexOf(getCurrentCharacter(current + 1, cc, ck)) >= 0) {
            return false;
        }
        return super.isSplitCharacter(start, current, end, cc, ck);
    }
}
