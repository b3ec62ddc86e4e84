package cn.smartunion.rights.bargaining;

import java.util.concurrent.ThreadLocalRandom;

/** Random valid unified social credit codes (GB 32100) of Shiyan employers, for tests. */
public final class TestCreditCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private TestCreditCodes() {
    }

    public static String valid() {
        StringBuilder code = new StringBuilder("91420300");
        for (int i = 0; i < 9; i++) {
            code.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return code.append(ALPHABET.charAt((31 - sum % 31) % 31)).toString();
    }

    /** A valid code with its check character changed. */
    public static String withWrongCheckCharacter() {
        String code = valid();
        char last = code.charAt(17);
        char other = ALPHABET.charAt((ALPHABET.indexOf(last) + 1) % ALPHABET.length());
        return code.substring(0, 17) + other;
    }
}
