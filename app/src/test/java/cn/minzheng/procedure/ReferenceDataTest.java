package cn.minzheng.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.calendar.DayType;
import cn.minzheng.shared.BusinessRuleViolation;
import cn.minzheng.test.As;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The catalogue, the parameter registry and the matter types the release ships are loaded and consistent. */
@SpringBootTest
class ReferenceDataTest {

    @Autowired
    LegalBasis legalBasis;

    @Autowired
    Parameters parameters;

    @Autowired
    MatterTypes matterTypes;

    @Test
    void theCatalogueHoldsTheTextsTheDomainCites() {
        var found = As.street().call(() -> legalBasis.search("公示"));
        assertThat(found).extracting(LegalBasis.Document::code).contains("DIBAO_SHQR", "TEKUN_RDBF");
        var dibao = found.stream()
                .filter(d -> d.code().equals("DIBAO_SHQR"))
                .findFirst()
                .orElseThrow();
        assertThat(dibao.articles())
                .extracting(LegalBasis.Article::article)
                .contains("19")
                .doesNotContain("24");
        assertThat(legalBasis.cite(Basis.of("DIBAO_SHQR", "19")).text()).isEqualTo("《最低生活保障审核确认办法》第十九条");
        assertThat(legalBasis.cite(Basis.of("MINFADIAN", "1077")).label()).isEqualTo("第一千零七十七条");
        assertThat(As.street().call(() -> legalBasis.search("行政复议")))
                .extracting(LegalBasis.Document::code)
                .contains("XZFY_FA");
    }

    @Test
    void parametersHaveValuesAsOfADate() {
        ParameterValue publicity =
                parameters.valueAsOf("DIBAO_PUBLICITY_DAYS", "610113001001", LocalDate.of(2026, 3, 1));
        assertThat(publicity.days()).isEqualTo(7);
        assertThat(publicity.dayType()).isEqualTo(DayType.CALENDAR);
        assertThat(publicity.basis()).isEqualTo(Basis.of("DIBAO_SHQR", "19"));
        ParameterValue standard = parameters.valueAsOf("DIBAO_STD_URBAN", "610113001", LocalDate.of(2026, 3, 1));
        assertThat(standard.fen()).isEqualTo(80000);
        assertThat(standard.needsConfirmation()).isTrue();
        assertThat(parameters
                        .valueAsOf("DIBAO_EDGE_MULTIPLIER", "610113", LocalDate.of(2026, 3, 1))
                        .value())
                .isEqualByComparingTo(new BigDecimal("1.5"));
        assertThatThrownBy(() -> parameters.valueAsOf("DIBAO_TOTAL_WD", "610113", LocalDate.of(2020, 1, 1)))
                .isInstanceOf(BusinessRuleViolation.class);
    }

    @Test
    void theShippedMatterTypesAreDeclared() {
        var types = As.street().call(() -> matterTypes.list());
        assertThat(types)
                .extracting(MatterType::code)
                .contains("UNRAISED_CHILD", "ADMIN_PENALTY", "INFO_DISCLOSURE_REQUEST", "ASSIST_DIBAO", "ASSIST_TEKUN")
                .doesNotContain("DIBAO_APPLICATION", "TEKUN_RECOGNITION");
        MatterType dibao = types.stream()
                .filter(t -> t.code().equals("EXAMPLE_APPLICATION"))
                .findFirst()
                .orElseThrow();
        assertThat(dibao.clocks()).extracting(MatterType.ClockRule::code).contains("TOTAL", "START", "COUNTY");
        assertThat(dibao.notice().profile()).isEqualTo("DIBAO");
        assertThat(types.stream()
                        .filter(t -> t.code().equals("UNRAISED_CHILD"))
                        .findFirst()
                        .orElseThrow()
                        .notice()
                        .forbidden())
                .isTrue();
    }
}
