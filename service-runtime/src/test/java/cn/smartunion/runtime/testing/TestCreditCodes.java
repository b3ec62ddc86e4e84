package cn.smartunion.runtime.testing;

import java.util.concurrent.ThreadLocalRandom;

/** Valid unified social credit codes (GB 32100 check character), random per call. */
public final class TestCreditCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private TestCreditCodes() {
    }

    public static String valid() {
        StringBuilder body = new StringBuilder("91420322");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            body.append(ALPHABET.charAt(random.nextInt(10)));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(body.charAt(i)) * WEIGHTS[i];
        }
        return body.append(ALPHABET.charAt((31 - sum % 31) % 31)).toString();
    }

    /** A valid code with its check character changed. */
    public static String invalid() {
        String code = valid();
        char last = code.charAt(17);
        char other = last == '0' ? '1' : '0';
        return code.substring(0, 17) + other;
    }
}
