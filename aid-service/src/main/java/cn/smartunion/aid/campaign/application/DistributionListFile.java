package cn.smartunion.aid.campaign.application;

import cn.smartunion.aid.web.AidRuleViolation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A distribution list (发放名单) as CSV: the text (valid UTF-8, with or without a byte-order mark, is UTF-8; anything
 * else is GB18030, the superset of GBK that Excel on Chinese Windows writes), then RFC 4180 records (quoted cells may
 * hold commas, doubled quotes and line breaks). The first record is the header, by Chinese column names in any order;
 * blank records are skipped, and every row keeps the number a spreadsheet shows for it.
 */
public final class DistributionListFile {

    public static final String TYPE = "类型";
    public static final String MEMBER_ID = "会员编号";
    public static final String NAME = "姓名";
    public static final String ID_NUMBER = "身份证号";
    public static final String GROUPS = "群体";
    public static final String SITE_NAME = "工地名称";
    public static final String WORKERS = "人数";
    public static final String CASH = "现金(分)";
    public static final String IN_KIND = "实物(分)";
    public static final String DATE = "发放日期";
    static final List<String> REQUIRED = List.of(TYPE, CASH, IN_KIND, DATE);
    static final List<String> KNOWN = List.of(TYPE, MEMBER_ID, NAME, ID_NUMBER, GROUPS, SITE_NAME, WORKERS, CASH,
            IN_KIND, DATE);
    static final Charset GB18030 = Charset.forName("GB18030");

    /** One data row: its spreadsheet row number and its cells by column name (blank cells absent). */
    public record Row(int number, Map<String, String> cells) {

        public String get(String column) {
            return cells.get(column);
        }
    }

    private DistributionListFile() {
    }

    /** The text of an uploaded file. */
    public static String decode(byte[] bytes) {
        int bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, bom, bytes.length - bom)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }

    /**
     * The data rows of the text.
     *
     * @throws AidRuleViolation on {@code file} when the header lacks a required column or there are more than
     *                          {@code maxRows} rows
     */
    public static List<Row> rows(String text, int maxRows) {
        List<List<String>> records = records(text);
        if (records.isEmpty()) {
            throw new AidRuleViolation("file", "the list is empty; the first row must name the columns");
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                throw new AidRuleViolation("file", "the header lacks the column " + column);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            Map<String, String> cells = new HashMap<>();
            for (int c = 0; c < Math.min(record.size(), header.size()); c++) {
                String value = record.get(c).strip();
                if (!value.isEmpty() && KNOWN.contains(header.get(c))) {
                    cells.put(header.get(c), value);
                }
            }
            if (cells.isEmpty()) {
                continue;
            }
            if (rows.size() >= maxRows) {
                throw new AidRuleViolation("file", "a list holds at most " + maxRows + " rows");
            }
            rows.add(new Row(i + 1, cells));
        }
        return rows;
    }

    private static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (!cell.isEmpty() || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }
}
