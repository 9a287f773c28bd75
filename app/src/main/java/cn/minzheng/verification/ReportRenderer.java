package cn.minzheng.verification;

import cn.minzheng.platform.District;
import cn.minzheng.platform.documents.PdfDocument;
import cn.minzheng.region.RegionUnit;
import cn.minzheng.region.Regions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The household's verification report (核对报告, MZ/T 072 出具报告) as a Chinese PDF: the members and who was compared,
 * the sources queried with the delivery each came from, every finding per member with its legal basis, evidence and
 * review outcome, the household totals against the catalogue's thresholds, and the objections and re-reviews.
 */
@Component
class ReportRenderer {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final District district;
    private final Regions regions;
    private final ZoneId zone;

    ReportRenderer(District district, Regions regions, java.time.Clock clock) {
        this.zone = clock.getZone();
        this.district = district;
        this.regions = regions;
    }

    byte[] render(RequestDetails.Detail detail, int version, LocalDate issuedOn) {
        RequestSummary r = detail.summary();
        String bureau = district.name() + "民政局";
        String community = regions.find(r.communityCode(), r.checkDate())
                        .map(RegionUnit::name)
                        .orElse("")
                + "（" + r.communityCode() + "）";
        PdfDocument pdf = PdfDocument.a4("居民家庭经济状况核对报告")
                .issuer(bureau)
                .title("居民家庭经济状况核对报告")
                .right("核对报告编号：HD" + r.id() + "-" + version)
                .facts(List.of(
                        PdfDocument.Fact.of("户编号", detail.householdNo()),
                        PdfDocument.Fact.of("所在社区", community),
                        PdfDocument.Fact.of("核对项目", r.programme()),
                        PdfDocument.Fact.of(
                                "核对来源",
                                r.kind().equals("CASE") ? "业务案件 " + r.caseRef() : "在保对象批量复核（第 " + r.batchId() + " 批）"),
                        PdfDocument.Fact.of("核对日期", r.checkDate().format(DATE)),
                        PdfDocument.Fact.of("核对数据版本", r.generation() == null ? "—" : "第 " + r.generation() + " 版"),
                        PdfDocument.Fact.of(
                                "比对情况",
                                "比对 " + r.persons() + " 人，查询数据项 " + r.sourcesQueried() + " 项，比对到信息 "
                                        + r.recordsCompared() + " 条")));

        pdf.heading("一、家庭成员");
        List<List<String>> members = new ArrayList<>();
        for (RequestDetails.Member m : detail.members()) {
            members.add(List.of(
                    m.name(),
                    m.relationship() == null ? "" : m.relationship(),
                    m.verdictLabel(),
                    m.maskedIdNumber() == null ? "无证件" : m.maskedIdNumber(),
                    m.verified() ? "已比对" : "未比对",
                    m.verified() ? String.valueOf(m.hits()) : "—"));
        }
        pdf.table(List.of("姓名", "与户主关系", "是否计入", "证件号码", "比对", "比对到信息（条）"), members, new float[] {
            2, 2, 1.5f, 3.5f, 1.5f, 2
        });
        pdf.line("计入家庭成员依据《最低生活保障审核确认办法》第七条认定；每一名比对的成员均已签署有效的核对授权书。");

        pdf.heading("二、查询的数据项");
        List<List<String>> sources = new ArrayList<>();
        for (RequestDetails.SourceCompared s : detail.sources()) {
            sources.add(List.of(
                    s.title(),
                    s.provider(),
                    s.deliveredAt() == null
                            ? "未交付"
                            : s.deliveredAt().atZone(zone).format(DAY),
                    s.deliveryId() == null ? "—" : String.valueOf(s.hits())));
        }
        pdf.table(List.of("数据项", "提供部门", "数据交付日期", "比对到信息（条）"), sources, new float[] {3, 3, 2, 2});
        List<String> unchecked = detail.notChecked();
        if (!unchecked.isEmpty()) {
            pdf.paragraph("以下 " + unchecked.size() + " 项数据的提供部门尚未交付数据，本次未能核对：" + String.join("、", unchecked)
                    + "。本报告的结论不包括这些方面的情况，必要时应另行向有关部门查询。");
        }

        pdf.heading("三、比对疑点及核实结论");
        if (detail.findings().isEmpty()) {
            pdf.paragraph("未发现比对疑点。");
        } else {
            List<List<String>> findings = new ArrayList<>();
            Map<String, String> bases = new LinkedHashMap<>();
            int n = 0;
            for (Finding f : detail.findings()) {
                n++;
                bases.putIfAbsent(f.title(), f.legalBasis());
                findings.add(List.of(
                        String.valueOf(n),
                        detail.nameOf(f.residentId()),
                        f.title() + "（" + f.severityLabel() + "）",
                        Labels.source(f.sourceCode()) + (f.evidence() == null ? "" : "：" + f.evidence()),
                        f.tierLabel(),
                        f.outcome() == null ? "待核实" : f.outcomeLabel()));
            }
            pdf.table(List.of("序号", "成员", "疑点", "来源与证据摘要", "关联方式", "核实结论"), findings, new float[] {
                0.8f, 1.6f, 3.6f, 3.6f, 2.2f, 1.6f
            });
            pdf.line("法律依据：");
            bases.forEach((title, basis) -> pdf.line("· " + title + "：" + basis));
        }

        pdf.heading("四、家庭合计与认定标准");
        if (detail.totals().isEmpty()) {
            pdf.paragraph("规则目录中没有适用的家庭合计标准。");
        } else {
            List<List<String>> totals = new ArrayList<>();
            for (RequestDetails.Total t : detail.totals()) {
                totals.add(List.of(
                        t.title(), t.totalText(), t.thresholdText(), t.exceeds() ? "超过" : "未超过", t.legalBasis()));
            }
            pdf.table(List.of("项目", "家庭合计", "认定标准", "比较", "依据"), totals, new float[] {3, 2, 2, 1.2f, 4});
        }

        pdf.heading("五、核实、异议与复核记录");
        boolean any = false;
        int n = 0;
        for (Finding f : detail.findings()) {
            n++;
            for (FindingReview e : f.history()) {
                any = true;
                pdf.line("疑点 " + n + " · " + e.kindLabel()
                        + (e.outcome() == null ? "" : "：" + e.outcomeLabel()) + "（"
                        + e.decidedAt().atZone(zone).format(DAY) + "，" + e.decidedBy() + "）：" + e.reason()
                        + (e.evidence().isEmpty()
                                ? ""
                                : "；证据 " + e.evidence().size() + " 份（SM3 "
                                        + String.join(
                                                "、",
                                                e.evidence().stream()
                                                        .map(x -> x.sm3().substring(0, 16))
                                                        .toList())
                                        + "…）"));
            }
        }
        if (!any) {
            pdf.line("无。");
        }

        pdf.heading("说明");
        pdf.paragraph("本报告依据《社会救助暂行办法》第五十八条、《最低生活保障审核确认办法》第十七条和 MZ/T 072—2024《居民家庭经济状况核对 总体要求》出具。"
                + "以姓名和出生日期关联的记录须经人工核实，不单独作为认定依据；比对疑点以核实结论为准。申请人对核对结果有异议的，可以提供证据申请复核（《最低生活保障审核确认办法》第十八条）。");
        pdf.paragraph("本报告涉及的个人信息仅用于社会救助审核确认，应当依法保密（《社会救助暂行办法》第六十一条）。");
        pdf.signature(bureau, issuedOn.format(DATE));
        pdf.footer("核对报告 HD" + r.id() + "-" + version + " · 依法保密");
        return pdf.render();
    }
}
