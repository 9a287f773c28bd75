package cn.minzheng.procedure;

import cn.minzheng.platform.District;
import cn.minzheng.platform.ScopeNames;
import cn.minzheng.platform.documents.PdfDocument;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The decision document (决定书) as PDF: issuing body, title, 文号, the party, the facts found, how the result was
 * computed, the reasons, the legal basis with the articles cited, the decision, the applicant's remedies (行政复议 and
 * 行政诉讼 with their periods from the parameter registry) and the date. Drafts carry a 草稿 watermark and no number.
 */
@Component
class DecisionDocuments {

    private final LegalBasis legalBasis;
    private final Parameters parameters;
    private final ScopeNames scopeNames;
    private final District district;
    private final JsonMapper json;
    private final String bureau;
    private final Remedies remedies;

    DecisionDocuments(
            LegalBasis legalBasis,
            Parameters parameters,
            ScopeNames scopeNames,
            District district,
            JsonMapper json,
            @Value("${minzheng.procedure.bureau-name:西安市雁塔区民政局}") String bureau,
            Remedies remedies) {
        this.legalBasis = legalBasis;
        this.parameters = parameters;
        this.scopeNames = scopeNames;
        this.district = district;
        this.json = json;
        this.bureau = bureau;
        this.remedies = remedies;
    }

    /** The name of the body that issues decisions of this type for this case. */
    String issuingBody(MatterType type, CaseRecord c) {
        if (type.decision() != null && "STREET".equals(type.decision().issuingUnit())) {
            return scopeNames.nameOf(c.streetCode()) + "办事处";
        }
        return bureau;
    }

    String issuingUnitCode(MatterType type, CaseRecord c) {
        if (type.decision() != null && "STREET".equals(type.decision().issuingUnit())) {
            return c.streetCode();
        }
        return district.code();
    }

    byte[] render(CaseRecord c, MatterType type, DecisionRow d, String number, LocalDate date) {
        MatterType.Outcome outcome = type.decision().outcome(d.outcome()).orElseThrow();
        String body = issuingBody(type, c);
        PdfDocument pdf = PdfDocument.a4(outcome.title())
                .issuer(body)
                .title(outcome.title())
                .right(number == null ? "（草稿，未编号）" : number);
        pdf.facts(List.of(
                PdfDocument.Fact.of("PERSON".equals(c.partyKind()) ? "申请人/当事人" : "当事人（单位）", c.partyName()),
                PdfDocument.Fact.of("事项", type.name()),
                PdfDocument.Fact.of("受理编号", c.caseNumber()),
                PdfDocument.Fact.of("受理日期", Formats.date(c.receivedOn()))));
        pdf.paragraph("你（单位）的" + type.name() + "事项，本机关已依法受理、调查核实。现根据查明的事实和相关规定，作出如下决定。");

        Map<String, String> facts = json.readValue(d.facts(), new TypeReference<Map<String, String>>() {});
        if (!facts.isEmpty()) {
            pdf.heading("一、查明的事实");
            List<PdfDocument.Fact> rows = new ArrayList<>();
            for (MatterType.FactDefinition f : type.decision().facts()) {
                if (facts.containsKey(f.name())) {
                    String v = facts.get(f.name());
                    rows.add(PdfDocument.Fact.of(
                            f.label(), "CHOICE".equals(f.type()) ? f.show(v) : Computation.show(v, f.type())));
                }
            }
            pdf.facts(rows);
        }
        if (d.trace() != null) {
            Computation.Trace trace = json.readValue(d.trace(), Computation.Trace.class);
            pdf.heading("二、计算过程（规则 " + trace.rule() + " 第 " + trace.version() + " 版，参数取 " + Formats.date(trace.asOf())
                    + " 有效值）");
            for (String line : Computation.explain(trace)) {
                pdf.line(line);
            }
        }
        pdf.heading("三、理由");
        pdf.paragraph(d.reasons());

        pdf.heading("四、法律依据");
        List<Basis> articles = json.readValue(d.articles(), new TypeReference<List<Basis>>() {});
        for (Basis basis : articles) {
            Citation citation = legalBasis.cite(basis);
            pdf.line(citation.text() + (citation.summary() == null ? "" : "：" + citation.summary()));
        }
        pdf.line("（条文摘要为本机关的简要概括，以正式公布的文本为准。）");

        pdf.heading("五、决定");
        StringBuilder decided = new StringBuilder("本机关决定：" + outcome.name());
        Map<String, String> result = json.readValue(d.result(), new TypeReference<Map<String, String>>() {});
        if (d.trace() != null && !result.isEmpty()) {
            Computation.Trace trace = json.readValue(d.trace(), Computation.Trace.class);
            Map<String, String> types = Computation.types(trace);
            for (Computation.Operation op : trace.steps()) {
                if (result.containsKey(op.out())) {
                    decided.append("；")
                            .append(op.label() == null ? op.out() : op.label())
                            .append("：")
                            .append(Computation.show(result.get(op.out()), types.get(op.out())));
                }
            }
        }
        decided.append("。");
        pdf.paragraph(decided.toString());

        pdf.heading("六、救济途径");
        LocalDate asOf = date == null ? d.draftedOn() : date;
        Remedies.Remedy remedy = remedies.of(type.code(), d.outcome(), c.communityCode(), asOf);
        pdf.paragraph(remedy.text());
        pdf.line("依据："
                + String.join("、", remedy.basis().stream().map(Citation::text).toList()));
        pdf.signature(body, date == null ? "（未作出）" : Formats.date(date));
        pdf.footer("受理编号 " + c.caseNumber() + "  决定第 " + d.revision() + " 稿  " + type.code() + " v" + type.version());
        if (number == null) {
            pdf.watermark("草稿");
        }
        return pdf.render();
    }
}
