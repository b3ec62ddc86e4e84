package cn.smartunion.aid.campaign.application;

import cn.smartunion.aid.web.AidRuleViolation;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistributionListFileTest {

    private static final String LIST = """
            类型,会员编号,姓名,身份证号,群体,工地名称,人数,现金(分),实物(分),发放日期
            职工,,"张,三",420322197001010011,SANITATION;MIGRANT,,,20000,0,2026-07-10

            工地,,,,,十堰东站工地,35,0,150000,2026-07-11
            """;

    @Test
    void gbk_and_utf8_lists_read_the_same() {
        String fromGbk = DistributionListFile.decode(LIST.getBytes(Charset.forName("GBK")));
        String fromUtf8 = DistributionListFile.decode(LIST.getBytes(StandardCharsets.UTF_8));

        assertThat(fromGbk).isEqualTo(LIST).isEqualTo(fromUtf8);
    }

    @Test
    void rows_keep_their_spreadsheet_numbers_and_quoted_cells() {
        List<DistributionListFile.Row> rows = DistributionListFile.rows(LIST, 100);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).number()).isEqualTo(2);
        assertThat(rows.get(0).get("姓名")).isEqualTo("张,三");
        assertThat(rows.get(1).number()).isEqualTo(4);
        assertThat(rows.get(1).get("人数")).isEqualTo("35");
    }

    @Test
    void a_missing_column_or_too_many_rows_is_refused() {
        assertThatThrownBy(() -> DistributionListFile.rows("类型,现金(分)\n职工,1\n", 10))
                .isInstanceOf(AidRuleViolation.class);
        assertThatThrownBy(() -> DistributionListFile.rows(LIST, 1)).isInstanceOf(AidRuleViolation.class);
    }
}
