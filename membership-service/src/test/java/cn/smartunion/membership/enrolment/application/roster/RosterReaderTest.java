package cn.smartunion.membership.enrolment.application.roster;

import cn.smartunion.membership.enrolment.GeneratedRoster;
import cn.smartunion.membership.enrolment.RosterGenerator;
import cn.smartunion.membership.enrolment.domain.RosterFile;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RosterReaderTest {

    private static final RosterReader.Limits LIMITS = new RosterReader.Limits(1000, 50, 200);
    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void aGbkCsvFromChineseExcelIsRecognisedAndReadInChinese() throws IOException {
        GeneratedRoster roster = new GeneratedRoster(new RosterGenerator(3).people(300));
        byte[] gbk = roster.csv(GBK, false, GeneratedRoster.CHINESE_HEADERS);

        var inspection = inspect(gbk);

        assertThat(inspection.format()).isEqualTo(RosterFile.Format.CSV);
        assertThat(inspection.charset().name()).isEqualTo("GB18030");
        assertThat(inspection.dataRows()).isEqualTo(300);
        List<RawRow> rows = read(gbk, inspection);
        assertThat(rows.get(0).number()).isEqualTo(2);
        assertThat(inspection.header().value(rows.get(0), RosterField.NAME))
                .isEqualTo(roster.people().get(0).name());
        assertThat(inspection.header().value(rows.get(299), RosterField.GROUP_TAGS))
                .isEqualTo(roster.people().get(299).groupTags());
    }

    @Test
    void utf8WithAndWithoutByteOrderMarkAndUtf16AreRecognised() throws IOException {
        GeneratedRoster roster = new GeneratedRoster(new RosterGenerator(4).people(20));
        for (var variant : List.of(
                new Object[]{roster.csv(StandardCharsets.UTF_8, true, GeneratedRoster.CHINESE_HEADERS), "UTF-8"},
                new Object[]{roster.csv(StandardCharsets.UTF_8, false, GeneratedRoster.ENGLISH_HEADERS), "UTF-8"},
                new Object[]{roster.csv(StandardCharsets.UTF_16LE, true, GeneratedRoster.CHINESE_HEADERS),
                        "UTF-16LE"})) {
            byte[] bytes = (byte[]) variant[0];
            var inspection = inspect(bytes);
            assertThat(inspection.charset().name()).isEqualTo(variant[1]);
            assertThat(inspection.header().has(RosterField.ID_NUMBER)).isTrue();
            List<RawRow> rows = read(bytes, inspection);
            assertThat(inspection.header().value(rows.get(19), RosterField.ID_NUMBER))
                    .isEqualTo(roster.people().get(19).idNumber());
        }
    }

    @Test
    void aGbkFileWhoseFirstKilobytesAreAsciiIsStillGbk() throws IOException {
        StringBuilder text = new StringBuilder("name,idNumber,employerName\r\n");
        for (int i = 0; i < 900; i++) {
            text.append("Li Lei,110101199003078515,ACME\r\n");
        }
        text.append("张三,110101199003078515,十堰顺丰速运有限公司\r\n");
        byte[] bytes = text.toString().getBytes(GBK);

        var inspection = inspect(bytes);

        assertThat(inspection.charset().name()).isEqualTo("GB18030");
        List<RawRow> rows = read(bytes, inspection);
        assertThat(inspection.header().value(rows.get(900), RosterField.EMPLOYER_NAME)).isEqualTo("十堰顺丰速运有限公司");
    }

    @Test
    void quotedCellsKeepDelimitersQuotesAndLineBreaksAndRowNumbersFollowTheSpreadsheet() throws IOException {
        String csv = "姓名,身份证号,工作单位\n"
                + "张三,110101199003078515,\"十堰\"\"顺丰\"\",有限公司\"\n"
                + "\n"
                + "李四,110101199003074512,\"第一行\r\n第二行\"\n"
                + "王五,110101199003071294,最后一行没有换行";
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);

        var inspection = inspect(bytes);

        assertThat(inspection.dataRows()).isEqualTo(3);
        List<RawRow> rows = read(bytes, inspection);
        assertThat(rows).extracting(RawRow::number).containsExactly(2, 4, 5);
        assertThat(inspection.header().value(rows.get(0), RosterField.EMPLOYER_NAME)).isEqualTo("十堰\"顺丰\",有限公司");
        assertThat(inspection.header().value(rows.get(1), RosterField.EMPLOYER_NAME)).isEqualTo("第一行\r\n第二行");
        assertThat(inspection.header().value(rows.get(2), RosterField.EMPLOYER_NAME)).isEqualTo("最后一行没有换行");
    }

    @Test
    void tabSeparatedTextAndTemplateHeadersAreUnderstood() throws IOException {
        String tsv = "*姓名\t身份证号（18位）\t手机号码\t备注\n张三\t110101199003078515\t13812345678\t无\n";

        var inspection = inspect(tsv.getBytes(StandardCharsets.UTF_8));

        assertThat(inspection.header().columns()).extracting(c -> c.field().fieldName())
                .containsExactly("name", "idNumber", "mobilePhone");
        assertThat(inspection.header().ignored()).containsExactly("备注");
    }

    @Test
    void anXlsxWithChineseHeadersIsStreamedWithItsOwnRowNumbers() throws IOException {
        GeneratedRoster roster = new GeneratedRoster(new RosterGenerator(5).people(500));
        byte[] xlsx = roster.xlsx(GeneratedRoster.CHINESE_HEADERS);

        var inspection = inspect(xlsx);

        assertThat(inspection.format()).isEqualTo(RosterFile.Format.XLSX);
        assertThat(inspection.charset()).isNull();
        assertThat(inspection.dataRows()).isEqualTo(500);
        List<RawRow> rows = read(xlsx, inspection);
        assertThat(rows.get(0).number()).isEqualTo(2);
        assertThat(rows.get(499).number()).isEqualTo(501);
        assertThat(inspection.header().value(rows.get(499), RosterField.ID_NUMBER))
                .isEqualTo(roster.people().get(499).idNumber());
        assertThat(inspection.header().value(rows.get(0), RosterField.NAME)).isEqualTo(roster.people().get(0).name());
    }

    @Test
    void numbersTypedIntoNumberCellsReadAsTheDigitsAPersonSees() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var workbook = new org.dhatim.fastexcel.Workbook(out, "test", "1.0")) {
            var sheet = workbook.newWorksheet("Sheet1");
            sheet.value(0, 0, "姓名");
            sheet.value(0, 1, "身份证号");
            sheet.value(0, 2, "手机号");
            sheet.value(1, 0, "张三");
            sheet.value(1, 1, "110101199003078515");
            sheet.value(1, 2, 13812345678L);
        }
        byte[] xlsx = out.toByteArray();

        var inspection = inspect(xlsx);

        RawRow row = read(xlsx, inspection).get(0);
        assertThat(inspection.header().value(row, RosterField.MOBILE_PHONE)).isEqualTo("13812345678");
    }

    @Test
    void filesThatCannotBeImportedAsAWholeSayWhy() {
        assertProblem("", RosterFileProblem.Kind.EMPTY_FILE);
        assertProblem("\r\n\r\n ,\r\n", RosterFileProblem.Kind.EMPTY_FILE);
        assertProblem("张三,110101199003078515\n李四,110101199003074512\n", RosterFileProblem.Kind.NO_HEADER);
        assertProblem("姓名,手机号\n张三,13812345678\n", RosterFileProblem.Kind.MISSING_COLUMNS);
        assertProblem("姓名,身份证号,公民身份号码\n", RosterFileProblem.Kind.DUPLICATE_COLUMN);
        assertProblem("姓名,身份证号\n\n", RosterFileProblem.Kind.NO_DATA_ROWS);
        assertProblem("姓名,身份证号\n\"张三,110101199003078515\n" + "x".repeat(300), RosterFileProblem.Kind.CELL_TOO_LONG);
        assertProblem("姓名,身份证号\n" + "a,".repeat(60) + "\n", RosterFileProblem.Kind.TOO_MANY_COLUMNS);
        assertProblem("姓名,身份证号\n" + "张三,110101199003078515\n".repeat(1001), RosterFileProblem.Kind.TOO_MANY_ROWS);
        assertProblemBytes(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0},
                RosterFileProblem.Kind.UNSUPPORTED_FORMAT);
        assertProblemBytes(new byte[]{0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5}, RosterFileProblem.Kind.UNREADABLE);
    }

    private static void assertProblem(String csv, RosterFileProblem.Kind kind) {
        assertProblemBytes(csv.getBytes(StandardCharsets.UTF_8), kind);
    }

    private static void assertProblemBytes(byte[] bytes, RosterFileProblem.Kind kind) {
        assertThatThrownBy(() -> inspect(bytes)).isInstanceOf(RosterFileProblem.class)
                .satisfies(e -> assertThat(((RosterFileProblem) e).kind()).isEqualTo(kind));
    }

    private static RosterReader.Inspection inspect(byte[] bytes) throws IOException {
        return RosterReader.inspect(() -> new ByteArrayInputStream(bytes), LIMITS);
    }

    private static List<RawRow> read(byte[] bytes, RosterReader.Inspection inspection) throws IOException {
        List<RawRow> rows = new ArrayList<>();
        try (var data = RosterReader.open(new ByteArrayInputStream(bytes), inspection.format(), inspection.charset(),
                LIMITS)) {
            RawRow row;
            while ((row = data.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }
}
