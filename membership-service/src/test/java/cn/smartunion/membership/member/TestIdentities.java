package cn.smartunion.membership.member;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid, never-real identifiers for tests: every call gives a different person. */
public final class TestIdentities {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = "10X98765432".toCharArray();
    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestIdentities() {
    }

    /** A citizen ID number registered in Yunxi county, with a correct GB 11643 check character. */
    public static String citizenIdNumber() {
        int n = SEQUENCE.incrementAndGet();
        LocalDate birth = LocalDate.of(1975, 1, 1).plusDays(n * 37L % 12_000);
        String body = "420322" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        return body + idCheck(body);
    }

    /** The same number with a wrong check character. */
    public static String withWrongCheckDigit(String idNumber) {
        char right = idNumber.charAt(17);
        char wrong = right == '0' ? '1' : '0';
        return idNumber.substring(0, 17) + wrong;
    }

    /** A mobile number nobody else in the test run has. */
    public static String mobilePhone() {
        return "139" + String.format("%08d", SEQUENCE.incrementAndGet() * 7919 % 100_000_000);
    }

    /** A unified social credit code of a company registered in Shiyan, with a correct GB 32100 check character. */
    public static String creditCode() {
        String body = "91420300MA4F" + String.format("%05d", SEQUENCE.incrementAndGet() % 100_000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_ALPHABET.indexOf(body.charAt(i)) * USCC_WEIGHTS[i];
        }
        return body + USCC_ALPHABET.charAt((31 - sum % 31) % 31);
    }

    private static char idCheck(String body) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK[sum % 11];
    }
}
