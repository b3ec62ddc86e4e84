package cn.smartunion.systemtest.suite;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Made-up people with valid citizen ID numbers (GB 11643: region, birth date, sequence, ISO 7064 MOD 11-2 check
 * digit) and mobile numbers, distinct within a test JVM. None of them exists. Every ID and phone number handed out is
 * {@linkplain #issued() recorded}, so the personal-data sweep can look for each of them in the stores and logs.
 */
public final class People {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    private static final AtomicInteger sequence = new AtomicInteger(100);
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇"};
    private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();

    private People() {
    }

    public record Person(String legalName, String citizenIdNumber, String mobilePhone) {
    }

    /** A new person born in the given county (its six-digit division code). */
    public static Person newPerson(String countyCode) {
        int n = sequence.incrementAndGet();
        LocalDate born = LocalDate.of(1975, 1, 1).plusDays(n * 37L % 12000);
        String body = countyCode + born.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", n % 1000);
        String name = SURNAMES[n % SURNAMES.length] + GIVEN[(n / SURNAMES.length) % GIVEN.length]
                + GIVEN[(n / 100) % GIVEN.length];
        String phone = "139" + String.format("%08d", (n * 7919L) % 100_000_000L);
        Person person = new Person(name, body + checkDigit(body), phone);
        ISSUED.add(person.citizenIdNumber());
        ISSUED.add(person.mobilePhone());
        return person;
    }

    /** Every citizen ID number and mobile number {@link #newPerson} handed out in this JVM. */
    public static Set<String> issued() {
        return Set.copyOf(ISSUED);
    }

    public static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }
}
