package cn.smartunion.contracts.competition;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An innovation studio's periodic review (topic {@code competition.innovation.v1}, key = studioId); {@code REVOKED}
 * closes the studio ({@code nextReviewDue} null).
 *
 * @param fundingGrantedFen funding granted with this review, null if none
 */
public record StudioReviewed(
        String studioId,
        StudioLevel level,
        StudioRating rating,
        LocalDate reviewedOn,
        LocalDate nextReviewDue,
        boolean closed,
        Long fundingGrantedFen,
        String orgId,
        String orgPath,
        Instant reviewedAt) {
}
