package cn.smartunion.membership.enrolment;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A generated roster and the bad rows planted in it (by row number as a spreadsheet shows it: the header is row 1),
 * written as CSV in any encoding or as XLSX, with Chinese or English headers.
 */
public record GeneratedRoster(List<RosterGenerator.Person> people, Map<Integer, RosterGenerator.Defect> defects) {

    public static final List<String> CHINESE_HEADERS = List.of("姓名", "公民身份号码", "手机号", "工作单位",
            "统一社会信用代码", "用工形式", "平台", "群体标签", "组织代码");
    public static final List<String> ENGLISH_HEADERS = List.of("name", "idNumber", "mobilePhone", "employerName",
            "employerCreditCode", "employmentForm", "platforms", "groupTags", "orgCode");

    private static final List<Function<RosterGenerator.Person, String>> CELLS = List.of(
            RosterGenerator.Person::name, RosterGenerator.Person::idNumber, RosterGenerator.Person::mobilePhone,
            RosterGenerator.Person::employerName, RosterGenerator.Person::employerCreditCode,
            RosterGenerator.Person::employmentForm, RosterGenerator.Person::platforms,
            RosterGenerator.Person::groupTags, RosterGenerator.Person::orgCode);

    public GeneratedRoster(List<RosterGenerator.Person> people) {
        this(people, Map.of());
    }

    /** The spreadsheet row of the person at {@code index}. */
    public static int rowNumber(int index) {
        return index + 2;
    }

    public int rows() {
        return people.size();
    }

    /** Rows that should be enrolled (all but the planted defects). */
    public int goodRows() {
        return people.size() - defects.size();
    }

    public byte[] csv(Charset charset, boolean byteOrderMark, List<String> headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(people.size() * 160);
        writeCsv(out, charset, byteOrderMark, headers);
        return out.toByteArray();
    }

    public byte[] csv() {
        return csv(StandardCharsets.UTF_8, false, CHINESE_HEADERS);
    }

    public void writeCsv(OutputStream target, Charset charset, boolean byteOrderMark, List<String> headers) {
        try {
            Writer out = new OutputStreamWriter(target, charset);
            if (byteOrderMark) {
                out.write('\uFEFF');
            }
            out.write(String.join(",", headers));
            out.write("\r\n");
            for (RosterGenerator.Person person : people) {
                for (int c = 0; c < CELLS.size(); c++) {
                    if (c > 0) {
                        out.write(',');
                    }
                    out.write(quoted(CELLS.get(c).apply(person)));
                }
                out.write("\r\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first worksheet holds the roster; ID and phone numbers are text cells, as a careful clerk types them. */
    public byte[] xlsx(List<String> headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(people.size() * 60);
        try (Workbook workbook = new Workbook(out, "smart-union-tests", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("名册");
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(0, c, headers.get(c));
            }
            for (int r = 0; r < people.size(); r++) {
                for (int c = 0; c < CELLS.size(); c++) {
                    String value = CELLS.get(c).apply(people.get(r));
                    if (value != null && !value.isEmpty()) {
                        sheet.value(r + 1, c, value);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String quoted(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
