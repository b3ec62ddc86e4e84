package cn.smartunion.contracts.competition;

import java.math.BigDecimal;

/**
 * One line of a stage's ranking: tied entries share the rank and the next rank is skipped (1, 1, 3).
 *
 * @param totalMarks out of 100, two decimals
 * @param prizeClass null when the rank earns no prize
 */
public record RankedEntry(String entryId, int rank, BigDecimal totalMarks, PrizeClass prizeClass) {
}
