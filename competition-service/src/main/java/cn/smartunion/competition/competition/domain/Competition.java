package cn.smartunion.competition.competition.domain;

import cn.smartunion.competition.web.CompetitionStatusConflict;
import cn.smartunion.contracts.competition.CompetitionCancelled;
import cn.smartunion.contracts.competition.CompetitionPublished;
import cn.smartunion.contracts.competition.CompetitionLevel;

import java.time.Instant;

/**
 * A competition run by a union (the organiser): edited as a draft, published (registration then opens with its
 * window), closed when it is over, or cancelled. State changes return the event they raise, if any.
 */
public final class Competition {

    private final String id;
    private final String orgId;
    private final String orgPath;
    private CompetitionDetails details;
    private CompetitionStatus status;
    private final String createdBy;
    private final Instant createdAt;
    private Instant publishedAt;
    private final Long version;

    public Competition(String id, String orgId, String orgPath, CompetitionDetails details, CompetitionStatus status,
                       String createdBy, Instant createdAt, Instant publishedAt, Long version) {
        this.id = id;
        this.orgId = orgId;
        this.orgPath = orgPath;
        this.details = details;
        this.status = status;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.publishedAt = publishedAt;
        this.version = version;
    }

    public static Competition draft(String id, String orgId, String orgPath, CompetitionDetails details,
                                    String createdBy, Instant now) {
        return new Competition(id, orgId, orgPath, details.validated(), CompetitionStatus.DRAFT, createdBy, now, null,
                null);
    }

    public void edit(CompetitionDetails changed) {
        require(CompetitionStatus.DRAFT);
        details = changed.validated();
    }

    public CompetitionPublished publish(Instant now) {
        require(CompetitionStatus.DRAFT);
        status = CompetitionStatus.PUBLISHED;
        publishedAt = now;
        CompetitionDetails d = details;
        CompetitionDetails.TeamSize size = d.teamSize();
        return new CompetitionPublished(id, d.name(), d.brand(), d.type(), d.level(), d.competitionClass(), orgId,
                orgPath, d.coOrganisers().stream().map(CompetitionDetails.CoOrganiser::kind).distinct().toList(),
                d.trades(), d.entrantTypes(), d.eligibility().membersOnly(), d.eligibility().groupTags(),
                d.eligibility().minAge(), d.eligibility().maxAge(), size == null ? null : size.min(),
                size == null ? null : size.max(), d.quotaPerUnion(), d.window().opensAt(), d.window().closesAt(),
                d.stages().stream().map(CompetitionDetails.Stage::code).toList(), d.campaignId(), now);
    }

    /** The competition is over: no registration, withdrawal or change of entries any more. */
    public void close() {
        require(CompetitionStatus.PUBLISHED);
        status = CompetitionStatus.CLOSED;
    }

    public CompetitionCancelled cancel(Instant now) {
        if (status != CompetitionStatus.DRAFT && status != CompetitionStatus.PUBLISHED) {
            throw new CompetitionStatusConflict("the competition", status.name());
        }
        boolean wasPublished = status == CompetitionStatus.PUBLISHED;
        status = CompetitionStatus.CANCELLED;
        return new CompetitionCancelled(id, orgId, orgPath, wasPublished, now);
    }

    public boolean registrationOpenAt(Instant now) {
        return status == CompetitionStatus.PUBLISHED && details.window().contains(now);
    }

    /** @throws CompetitionStatusConflict (409) naming why registration is not open: the status or the window */
    public void requireRegistrationOpen(Instant now) {
        if (status != CompetitionStatus.PUBLISHED) {
            throw new CompetitionStatusConflict("registration for the competition", status.name());
        }
        if (now.isBefore(details.window().opensAt())) {
            throw new CompetitionStatusConflict("registration for the competition", "REGISTRATION_NOT_YET_OPEN");
        }
        if (!now.isBefore(details.window().closesAt())) {
            throw new CompetitionStatusConflict("registration for the competition", "REGISTRATION_CLOSED");
        }
    }

    /** Entries may still be withdrawn, disqualified or advanced into it. */
    public void requireRunning() {
        require(CompetitionStatus.PUBLISHED);
    }

    /** Published competitions are public information: any signed-in user may read them, also once over. */
    public boolean isPublic() {
        return publishedAt != null;
    }

    /** True when {@code other} is of a lower level than this one (PROJECT lowest, NATIONAL highest). */
    public boolean isAbove(CompetitionLevel other) {
        return details.level().ordinal() < other.ordinal();
    }

    private void require(CompetitionStatus expected) {
        if (status != expected) {
            throw new CompetitionStatusConflict("the competition", status.name());
        }
    }

    public String id() { return id; }
    public String orgId() { return orgId; }
    public String orgPath() { return orgPath; }
    public CompetitionDetails details() { return details; }
    public CompetitionStatus status() { return status; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant publishedAt() { return publishedAt; }
    public Long version() { return version; }
}
