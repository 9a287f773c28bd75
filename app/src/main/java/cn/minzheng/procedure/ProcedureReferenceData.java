package cn.minzheng.procedure;

import cn.minzheng.calendar.DayType;
import cn.minzheng.platform.District;
import cn.minzheng.platform.ServingPlatform;
import cn.minzheng.platform.SystemActor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On every start, adds what the release ships and the database lacks: legal documents and articles
 * ({@code procedure/legal-basis.yaml}), parameters ({@code procedure/parameters.yaml}) and matter types (every
 * {@link MatterTypeSource}). Nothing already there is changed: values the bureau has edited or approved stay.
 */
@Component
@Order(20)
@ServingPlatform
class ProcedureReferenceData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProcedureReferenceData.class);

    private final LegalBasis legalBasis;
    private final Parameters parameters;
    private final MatterTypes matterTypes;
    private final List<MatterTypeSource> sources;
    private final List<ReferenceDataSource> referenceData;
    private final District district;
    private final TransactionTemplate transactions;
    private final Remedies remedies;
    private final tools.jackson.databind.json.JsonMapper json;

    ProcedureReferenceData(
            LegalBasis legalBasis,
            Parameters parameters,
            MatterTypes matterTypes,
            List<MatterTypeSource> sources,
            List<ReferenceDataSource> referenceData,
            District district,
            TransactionTemplate transactions,
            Remedies remedies,
            tools.jackson.databind.json.JsonMapper json) {
        this.legalBasis = legalBasis;
        this.parameters = parameters;
        this.matterTypes = matterTypes;
        this.sources = sources;
        this.referenceData = referenceData;
        this.district = district;
        this.transactions = transactions;
        this.remedies = remedies;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemActor.run(
                district.scope(),
                () -> transactions.executeWithoutResult(status -> {
                    int[] legal = loadLegalBasis();
                    int params = loadParameters();
                    int types = loadMatterTypes();
                    matterTypes.recordMissingReviewPolicies();
                    loadRemedies();
                    if (legal[0] + legal[1] + params + types > 0) {
                        log.info(
                                "已载入程序内核参考数据：法律文件 {} 件、条文 {} 条、参数 {} 个、事项类型版本 {} 个", legal[0], legal[1], params, types);
                    }
                }),
                "DEPARTMENT_OFFICER");
    }

    private int[] loadLegalBasis() {
        int[] added = {0, 0};
        for (String file : files("procedure/legal-basis.yaml", ReferenceDataSource::legalBasis)) {
            int[] more = loadLegalBasis(file);
            added[0] += more[0];
            added[1] += more[1];
        }
        return added;
    }

    private int loadParameters() {
        int added = 0;
        for (String file : files("procedure/parameters.yaml", ReferenceDataSource::parameters)) {
            added += loadParameters(file);
        }
        return added;
    }

    /** The kernel's own file first, then the modules' files. */
    private List<String> files(String own, java.util.function.Function<ReferenceDataSource, List<String>> of) {
        List<String> files = new java.util.ArrayList<>();
        files.add(own);
        referenceData.forEach(source -> files.addAll(of.apply(source)));
        return files;
    }

    private int[] loadLegalBasis(String file) {
        Yaml.Problems problems = new Yaml.Problems();
        Yaml.Node root = new Yaml.Node("", Yaml.parse(read(file), problems), problems);
        int documents = 0;
        int articles = 0;
        for (Yaml.Node d : root.list("documents")) {
            String code = d.required("code");
            if (code == null) {
                continue;
            }
            if (!legalBasis.exists(code)) {
                legalBasis.insertDocument(
                        new LegalBasis.NewDocument(
                                code,
                                d.required("title"),
                                d.string("short"),
                                d.required("kind"),
                                d.required("issuer"),
                                d.string("number"),
                                d.date("effectiveFrom"),
                                d.date("effectiveTo"),
                                d.required("confidence"),
                                d.string("note")),
                        "system");
                documents++;
            }
            for (Yaml.Node a : d.list("articles")) {
                String no = a.required("article");
                if (no != null && !legalBasis.articleExists(code, no)) {
                    legalBasis.insertArticle(
                            code, new LegalBasis.NewArticle(no, a.string("label"), a.required("summary")), "system");
                    articles++;
                }
            }
        }
        fail(problems, file);
        return new int[] {documents, articles};
    }

    private int loadParameters(String file) {
        Yaml.Problems problems = new Yaml.Problems();
        Yaml.Node root = new Yaml.Node("", Yaml.parse(read(file), problems), problems);
        int added = 0;
        for (Yaml.Node p : root.list("parameters")) {
            String code = p.required("code");
            if (code == null || parameters.defined(code)) {
                continue;
            }
            String confidence = p.required("confidence");
            boolean confirm = p.flag("needsConfirmation", false);
            Parameters.Definition definition = new Parameters.Definition(
                    code,
                    p.required("name"),
                    p.required("unit"),
                    null,
                    p.required("category"),
                    p.string("description"),
                    confidence,
                    confirm
                            ? "待确认：" + (p.string("basisNote") == null ? "须由局法制科/业务科按正式文件确认" : p.string("basisNote"))
                            : null);
            String dayType = p.string("dayType");
            Basis basis = p.has("basis")
                    ? new Basis(
                            p.get("basis").required("document"), p.get("basis").string("article"))
                    : null;
            String value = p.required("value");
            if ("FEN".equals(definition.unit()) && value != null) {
                // the file gives amounts in fen; proposals are written in yuan, as people type them
                value = new java.math.BigDecimal(value).movePointLeft(2).toPlainString();
            }
            parameters.seed(
                    definition,
                    new Parameters.Proposal(
                            district.code(),
                            value,
                            dayType == null ? null : DayType.valueOf(dayType),
                            p.date("effectiveFrom"),
                            basis,
                            p.string("basisNote"),
                            confirm,
                            "随平台发布的初始值（见 domain-spec §14）"));
            added++;
        }
        fail(problems, file);
        return added;
    }

    /** 救济途径 rules (the legal-basis files' {@code remedies} section), after the parameters they may name. */
    private void loadRemedies() {
        for (String file : files("procedure/legal-basis.yaml", ReferenceDataSource::legalBasis)) {
            Yaml.Problems problems = new Yaml.Problems();
            Yaml.Node root = new Yaml.Node("", Yaml.parse(read(file), problems), problems);
            for (Yaml.Node r : root.list("remedies")) {
                List<Basis> bases = new java.util.ArrayList<>();
                for (Yaml.Node b : r.list("basis")) {
                    bases.add(new Basis(b.required("document"), b.string("article")));
                }
                remedies.addIfMissing(
                        new Remedies.Rule(
                                r.required("matterType"),
                                r.required("outcome"),
                                r.required("rule"),
                                r.string("parameter"),
                                json.writeValueAsString(bases),
                                r.string("note")),
                        "system");
            }
            fail(problems, file);
        }
    }

    private int loadMatterTypes() {
        int added = 0;
        for (MatterTypeSource source : sources) {
            for (String resource : source.resources()) {
                try {
                    if (matterTypes.declareIfNew(read(resource), "file:" + resource)) {
                        added++;
                    }
                } catch (MatterTypes.Rejected e) {
                    throw new IllegalStateException(resource + "：" + String.join("；", e.problems()), e);
                }
            }
        }
        return added;
    }

    private static void fail(Yaml.Problems problems, String file) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException(file + " 有错误：" + String.join("；", problems.list()));
        }
    }

    static String read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
