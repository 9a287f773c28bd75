package cn.minzheng.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.test.ReadableText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The leak check itself: each thing issue 12 saw on screens is caught, and ordinary Chinese office text is not. */
class ReadableTextTest {

    private static List<String> kinds(String text) {
        return ReadableText.leaks(text, List.of("jiedao_610113001", "qu_jingban")).stream()
                .map(ReadableText.Leak::kind)
                .toList();
    }

    @Test
    void catchesWhatTheIssueFoundOnScreens() {
        assertThat(kinds("状态：RECEIVED")).contains("程序标识或代码");
        assertThat(kinds("角色 DISTRICT_LEADER")).contains("程序标识或代码");
        assertThat(kinds("依据 SHJZ_ZXBF/9")).contains("程序标识或代码");
        assertThat(kinds("perCapitaIncome：37500")).contains("程序标识或代码");
        assertThat(kinds("关联 case:22")).contains("内部引用");
        assertThat(kinds("收入（分）")).contains("以分为单位的金额");
        assertThat(kinds("养老金 186000分")).contains("以分为单位的金额");
        assertThat(kinds("记录时间 2026-12-07T14:37:11.090352Z")).containsExactly("ISO/UTC 时间");
        assertThat(kinds("收到申请 2026-12-07")).containsExactly("ISO 日期");
        assertThat(kinds("月份 2026-12")).containsExactly("ISO 月份");
        assertThat(kinds("{\"status\":403,\"error\":\"Forbidden\"}")).contains("原始 JSON");
        assertThat(kinds("经办人 jiedao_610113001")).contains("登录名");
        assertThat(kinds("小寨路街道（610113001）")).contains("区划代码");
        assertThat(kinds("社区 610113001001")).contains("区划代码");
        assertThat(kinds("partyIsPerson=true EQ true")).contains("程序标识或代码");
        assertThat(kinds("车辆 veh-1")).contains("程序标识或代码");
    }

    @Test
    void letsOrdinaryOfficeTextThrough() {
        String text = "受理编号 2026-DBQR-00001 家庭编号 H00002，2026年12月7日 14:37 由王晓燕受理。"
                + "金额 1,234.56 元，下载 PDF 或 Excel；附件 调查表.pdf（SM3 校验）。依据《最低生活保障审核确认办法》第十条。"
                + "身份证号 610113********1234，电话 138****5678。共 3 分钟。部分成员、分类施保。";
        assertThat(ReadableText.leaks(text)).isEmpty();
    }

    @Test
    void visibleTextSkipsHiddenInputsScriptsAndVerbatimValuesButReadsOptionsAndPlaceholders() {
        String html = "<html><head><title>案件</title><script>var x = {\"a\":1};</script></head><body>"
                + "<input type=hidden name=kind value=DIBAO><select><option value=DIBAO>最低生活保障</option></select>"
                + "<input placeholder='按姓名、拼音或身份证号后四位查找'><code data-verbatim>9f86d081884c7d65</code>"
                + "<p hidden>RECEIVED</p><span title='TOTAL'>总时限</span></body></html>";
        String text = ReadableText.visibleText(html);
        assertThat(text).contains("最低生活保障", "按姓名、拼音或身份证号后四位查找", "总时限", "TOTAL");
        assertThat(text).doesNotContain("DIBAO", "9f86d081884c7d65", "RECEIVED", "\"a\"");
    }
}
