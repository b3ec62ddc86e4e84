package cn.smartunion.runtime.testing;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid citizen ID numbers (GB 11643 check character) nobody else in the test run has. */
public final class TestCitizenIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private TestCitizenIds() {
    }

    /** An adult born in Yunxi county. */
    public static String adult() {
        return bornOn(LocalDate.of(1970, 1, 1).plusDays(SEQUENCE.get() * 37L % 9_000));
    }

    /** A child of school age (a 金秋助学 student). */
    public static String minor() {
        return bornOn(LocalDate.of(2010, 1, 1).plusDays(SEQUENCE.get() * 13L % 1_500));
    }

    public static String bornOn(LocalDate birth) {
        int n = SEQUENCE.incrementAndGet();
        String body = "420322" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        return body + check(body);
    }

    private static char check(String body) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }
}
