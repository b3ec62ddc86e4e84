package cn.smartunion.membership.enrolment.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The people already met in one roster, to reject a person's second row: 64 bits of SHA-256 of the ID number
 * mapped to the first row, in two primitive arrays (open addressing). 100,000 rows take about 2 MB, and the
 * numbers themselves are not kept. The chance that two different people of one 100,000-row file collide is about
 * 3 in 10^10.
 */
final class SeenPeople {

    private static final int EMPTY_ROW = 0;

    private final MessageDigest sha256;
    private long[] keys;
    private int[] rows;
    private int size;

    SeenPeople() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        keys = new long[1 << 12];
        rows = new int[1 << 12];
    }

    /**
     * Remembers the person on {@code row}, a positive row number.
     *
     * @return the earlier row with the same person, or 0 when this is the first
     */
    int firstRowOf(String normalisedIdNumber, int row) {
        long key = key(normalisedIdNumber);
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (rows[slot] != EMPTY_ROW) {
            if (keys[slot] == key) {
                return rows[slot];
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        rows[slot] = row;
        if (++size * 2 > keys.length) {
            grow();
        }
        return 0;
    }

    private long key(String idNumber) {
        byte[] digest = sha256.digest(idNumber.getBytes(StandardCharsets.US_ASCII));
        long key = 0;
        for (int i = 0; i < 8; i++) {
            key = (key << 8) | (digest[i] & 0xFF);
        }
        return key;
    }

    private static int mix(long key) {
        return (int) (key ^ (key >>> 32));
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new int[oldRows.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldRows[i] != EMPTY_ROW) {
                int slot = mix(oldKeys[i]) & mask;
                while (rows[slot] != EMPTY_ROW) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                rows[slot] = oldRows[i];
            }
        }
    }
}
