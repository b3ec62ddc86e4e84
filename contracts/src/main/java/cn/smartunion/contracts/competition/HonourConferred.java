package cn.smartunion.contracts.competition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An honour was conferred (topic {@code competition.honour.v1}, key = honourId). Pseudonymous.
 *
 * @param cycle             the selection round, e.g. {@code 2021-2025} for the five-yearly model workers
 * @param orgId             the nominating union
 * @param conferringOrgPath the union whose level the honour has (the province for provincial model workers)
 * @param frontline         the recipient is a frontline worker (评选向一线职工倾斜)
 */
public record HonourConferred(
        String honourId,
        HonourType type,
        HonourLevel level,
        String cycle,
        RecipientType recipientType,
        String memberId,
        String personId,
        String teamId,
        String unitCreditCode,
        boolean frontline,
        List<String> groupTags,
        String orgId,
        String orgPath,
        String conferringOrgPath,
        LocalDate conferredOn,
        Instant conferredAt) {
}
