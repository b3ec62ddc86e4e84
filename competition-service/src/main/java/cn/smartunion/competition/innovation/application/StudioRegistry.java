package cn.smartunion.competition.innovation.application;

import cn.smartunion.competition.access.CompetitionAccess;
import cn.smartunion.competition.honour.application.CreditCodes;
import cn.smartunion.competition.innovation.domain.Innovations;
import cn.smartunion.competition.innovation.domain.Studio;
import cn.smartunion.competition.innovation.domain.StudioStatus;
import cn.smartunion.competition.innovation.domain.Studios;
import cn.smartunion.competition.members.domain.MemberDirectory;
import cn.smartunion.competition.members.domain.MemberView;
import cn.smartunion.competition.web.CompetitionStatusConflict;
import cn.smartunion.competition.web.NotEligible;
import cn.smartunion.competition.web.PageView;
import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.competition.StudioLevel;
import cn.smartunion.contracts.competition.StudioRating;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.runtime.orgdirectory.OrgDirectoryEntry;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** The innovation studio registry of each union: registration, level changes, periodic reviews, yearly outputs. */
@Service
public class StudioRegistry {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Studios studios;
    private final MemberDirectory members;
    private final OrgDirectory unions;
    private final Clock clock;

    StudioRegistry(Studios studios, MemberDirectory members, OrgDirectory unions, Clock clock) {
        this.studios = studios;
        this.members = members;
        this.unions = unions;
        this.clock = clock;
    }

    public record Register(String orgId, String name, String unitCreditCode, String leaderMemberId, StudioLevel level,
                           boolean demonstration, String alliance, LocalDate foundedOn, Integer reviewPeriodMonths,
                           Long fundingGrantedFen) {
    }

    public Studio register(Register command, OrgPrincipal caller) {
        CompetitionAccess.requireRegistrar(caller);
        OrgDirectoryEntry org = unions.activeWithin("orgId", command.orgId(), caller);
        MemberView leader = members.find(command.leaderMemberId()).filter(m -> caller.covers(m.orgPath()))
                .orElseThrow(() -> new NotFoundException("member not found"));
        if (!leader.isMember()) {
            throw new NotEligible(NotEligible.Reason.MEMBERSHIP_NOT_ACTIVE, "the leader's membership has ended");
        }
        Studio studio = Studio.register(UUID.randomUUID().toString(), org.orgId(), org.path(), command.name().strip(),
                CreditCodes.parse("unitCreditCode", command.unitCreditCode()), leader.memberId(), command.level(),
                command.demonstration(), command.alliance() == null || command.alliance().isBlank() ? null
                        : command.alliance().strip(), command.foundedOn(),
                command.reviewPeriodMonths() == null ? 24 : command.reviewPeriodMonths(), command.fundingGrantedFen(),
                today(), clock.instant());
        studios.add(studio, studio.registered());
        return studio;
    }

    public Studio changeLevel(String id, StudioLevel level, LocalDate effectiveOn, OrgPrincipal caller) {
        CompetitionAccess.requireRegistrar(caller);
        Studio changed = find(id, caller).changeLevel(level, effectiveOn, caller.subject(), clock.instant());
        return store(changed, EventTypes.STUDIO_LEVEL_CHANGED, changed.levelChanged(), caller);
    }

    public Studio review(String id, StudioRating rating, LocalDate reviewedOn, Long fundingFen, OrgPrincipal caller) {
        CompetitionAccess.requireRegistrar(caller);
        Studio reviewed = find(id, caller).review(rating, reviewedOn, fundingFen, caller.subject(), clock.instant());
        return store(reviewed, EventTypes.STUDIO_REVIEWED, reviewed.reviewed(), caller);
    }

    public Studio reportOutputs(String id, Studio.Outputs outputs, OrgPrincipal caller) {
        CompetitionAccess.requireRegistrar(caller);
        return store(find(id, caller).reportOutputs(outputs), null, null, caller);
    }

    public Studio get(String id, OrgPrincipal caller) {
        CompetitionAccess.requireReader(caller);
        return find(id, caller);
    }

    public PageView<Studio> list(OrgPrincipal caller, StudioLevel level, StudioStatus status, int page, int size) {
        CompetitionAccess.requireReader(caller);
        return new PageView<>(studios.listWithin(caller.orgPath(), level, status, page, size), page, size,
                studios.countWithin(caller.orgPath(), level, status));
    }

    /** Active studios whose review was due before {@code asOf} (today by default). */
    public PageView<Studio> overdue(OrgPrincipal caller, LocalDate asOf, int page, int size) {
        CompetitionAccess.requireReader(caller);
        LocalDate on = asOf == null ? today() : asOf;
        return new PageView<>(studios.overdueWithin(caller.orgPath(), on, page, size), page, size,
                studios.countOverdueWithin(caller.orgPath(), on));
    }

    private Studio store(Studio changed, EventType type, Object event, OrgPrincipal caller) {
        try {
            studios.update(changed, type, event);
        }
        catch (Innovations.ConcurrentChange lost) {
            throw new CompetitionStatusConflict("the studio", find(changed.id(), caller).status().name());
        }
        return changed;
    }

    private Studio find(String id, OrgPrincipal caller) {
        if (!caller.hasOrgPath()) {
            throw new NotFoundException("studio not found");
        }
        return studios.findWithin(id, caller.orgPath()).orElseThrow(() -> new NotFoundException("studio not found"));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }
}
