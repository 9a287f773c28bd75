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
 * The decision document (决定书) as a 公文 in the layout of GB/T 9704-2012: the issuing body in red with the 文号 under
 * it, the title, the person addressed by name, the facts found, the reasons in sentences, the basis with the articles
 * (and for a penalty the provision violated and the 罚则), the decision with what carrying it out means (from when and
 * how a benefit is paid, how a fine is paid), the remedies (复议前置 where the law requires it), the body and the date
 * with room for the seal; the computation follows as an annex table a citizen can follow (项目、金额、依据). Drafts
 * carry a 草稿 watermark and no number.
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
        LocalDate asOf = date == null ? d.draftedOn() : date;
        Map<String, String> facts = json.readValue(d.facts(), new TypeReference<Map<String, String>>() {});
        Computation.Trace trace = d.trace() == null ? null : json.readValue(d.trace(), Computation.Trace.class);
        List<DecisionAnnex.Row> annex = trace == null ? List.of() : annex(type, trace);

        // 版头, 标题, 主送 (GB/T 9704-2012 7.2, 7.3.1, 7.3.2)
        PdfDocument pdf = PdfDocument.a4(outcome.title())
                .issuer(body, number == null ? "（草稿，未编号）" : number)
                .title(outcome.title())
                .addressee(c.partyName());
        pdf.paragraph("关于" + c.partyName() + "的" + type.name() + "事项（案件编号 " + c.caseNumber() + "，"
                + Formats.date(c.receivedOn()) + "登记），本机关依法进行了审查和调查核实。现根据查明的事实和有关规定，决定如下。");

        List<String> found = new ArrayList<>();
        for (MatterType.FactDefinition f : type.decision().facts()) {
            if (facts.containsKey(f.name()) && !facts.get(f.name()).isBlank()) {
                found.add(f.label() + "：" + showFact(f, facts.get(f.name())));
            }
        }
        if (!found.isEmpty()) {
            pdf.heading("一、查明的事实");
            for (int i = 0; i < found.size(); i++) {
                pdf.line("（" + Formats.chineseNumber(i + 1) + "）" + found.get(i) + "。");
            }
        }

        pdf.heading("二、理由");
        pdf.paragraph(d.reasons());

        pdf.heading("三、依据");
        List<Basis> violated = bases(facts.get(Decisions.VIOLATED));
        List<Basis> sanctions = bases(facts.get(Decisions.SANCTION));
        if (!violated.isEmpty()) {
            pdf.paragraph("当事人的行为违反了" + citations(violated) + "的规定。");
        }
        if (!sanctions.isEmpty()) {
            pdf.paragraph("依据" + citations(sanctions) + "的规定给予处罚。");
        }
        List<Basis> articles = json.readValue(d.articles(), new TypeReference<List<Basis>>() {});
        for (Basis basis : articles) {
            Citation citation = legalBasis.cite(basis);
            pdf.line(citation.text() + (citation.summary() == null ? "" : "：" + citation.summary()));
        }
        pdf.line("（条文摘要为本机关的简要概括，以正式公布的文本为准。）");

        pdf.heading("四、决定");
        StringBuilder decided = new StringBuilder("本机关决定：" + outcome.name() + "。");
        Map<String, String> result = json.readValue(d.result(), new TypeReference<Map<String, String>>() {});
        if (trace != null && !result.isEmpty()) {
            Map<String, String> types = Computation.types(trace);
            for (Computation.Operation op : trace.steps()) {
                if (result.containsKey(op.out()) && op.label() != null) {
                    decided.append(op.label())
                            .append("：")
                            .append(Computation.show(result.get(op.out()), types.get(op.out())))
                            .append("。");
                }
            }
        }
        if (outcome.effect() != null) {
            String startMonth = date == null
                    ? "决定作出之日的下一个月"
                    : date.plusMonths(1).getYear() + "年" + date.plusMonths(1).getMonthValue() + "月";
            decided.append(outcome.effect().replace("{startMonth}", startMonth));
        }
        pdf.paragraph(decided.toString());

        pdf.heading("五、救济途径");
        Remedies.Remedy remedy = remedies.of(type.code(), d.outcome(), c.communityCode(), asOf);
        pdf.paragraph(remedy.text());
        pdf.line("依据："
                + String.join("、", remedy.basis().stream().map(Citation::text).toList()));
        if (!annex.isEmpty()) {
            pdf.line("附件：认定和计算明细");
        }
        // 落款: the body's name, the seal over it, the date in Arabic numerals (GB/T 9704-2012 7.3.5.1)
        pdf.signature(body, date == null ? "（未作出）" : Formats.date(date));
        if (!annex.isEmpty()) {
            pdf.newPage().line("附件").title("认定和计算明细");
            pdf.table(
                    List.of("项目", "金额或结果", "来源、依据或计算方法"),
                    annex.stream()
                            .map(r -> List.of(r.item(), r.value(), r.basis()))
                            .toList(),
                    new float[] {3, 2, 5});
            pdf.line("计算所用标准为" + Formats.date(trace.asOf()) + "施行的标准；金额以元为单位。");
        }
        pdf.footer("案件编号 " + c.caseNumber() + "  决定第 " + d.revision() + " 稿");
        if (number == null) {
            pdf.watermark("草稿");
        }
        return pdf.render();
    }

    private List<DecisionAnnex.Row> annex(MatterType type, Computation.Trace trace) {
        Map<String, MatterType.FactDefinition> definitions = new java.util.HashMap<>();
        type.decision().facts().forEach(f -> definitions.put(f.name(), f));
        return DecisionAnnex.rows(
                trace,
                (name, shown) -> definitions.containsKey(name)
                                && "CHOICE".equals(definitions.get(name).type())
                        ? definitions.get(name).show(shown)
                        : shown,
                input -> parameters
                        .find(input.parameter(), trace.scope(), trace.asOf())
                        .map(p -> p.basis() == null || p.basis().document() == null
                                ? null
                                : legalBasis.cite(p.basis()).text())
                        .orElse(null));
    }

    private static String showFact(MatterType.FactDefinition f, String value) {
        return "CHOICE".equals(f.type()) ? f.show(value) : Computation.show(value, f.type());
    }

    private List<Basis> bases(String stored) {
        return stored == null ? List.of() : json.readValue(stored, new TypeReference<List<Basis>>() {});
    }

    private String citations(List<Basis> bases) {
        return String.join(
                "、", bases.stream().map(b -> legalBasis.cite(b).text()).toList());
    }
}
