package cn.smartunion.competition.honour.application;

import cn.smartunion.competition.access.CompetitionAccess;
import cn.smartunion.competition.honour.domain.Honour;
import cn.smartunion.competition.honour.domain.Honours;
import cn.smartunion.competition.honour.domain.Nominations;
import cn.smartunion.competition.members.domain.MemberDirectory;
import cn.smartunion.competition.members.domain.MemberView;
import cn.smartunion.competition.web.CompetitionStatusConflict;
import cn.smartunion.competition.web.PageView;
import cn.smartunion.contracts.competition.RevocationReason;
import cn.smartunion.runtime.personaldata.PersonRegistry;
import cn.smartunion.runtime.personaldata.RegisteredPerson;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;

/** Conferred honours: read by staff in scope and by the member holding them; revoked by the conferring union. */
@Service
public class HonourRecords {

    private final Honours honours;
    private final MemberDirectory members;
    private final PersonRegistry people;
    private final Clock clock;

    HonourRecords(Honours honours, MemberDirectory members, PersonRegistry people, Clock clock) {
        this.honours = honours;
        this.members = members;
        this.people = people;
        this.clock = clock;
    }

    public record Found(Honour honour, RegisteredPerson person) {
    }

    public Found get(String id, OrgPrincipal caller) {
        CompetitionAccess.requireReader(caller);
        return found(find(id, caller));
    }

    public PageView<Found> list(OrgPrincipal caller, Honours.Filter filter, int page, int size) {
        CompetitionAccess.requireReader(caller);
        return new PageView<>(honours.listWithin(caller.orgPath(), filter, page, size).stream().map(this::found)
                .toList(), page, size, honours.countWithin(caller.orgPath(), filter));
    }

    /** The signed-in member's own honours, wherever they are kept. */
    public PageView<Found> mine(OrgPrincipal caller, int page, int size) {
        CompetitionAccess.requireMember(caller);
        MemberView member = members.findByAccount(caller.subject())
                .orElseThrow(() -> new NotFoundException("no member record is linked to this account"));
        return new PageView<>(honours.ofMember(member.memberId(), page, size).stream().map(this::found).toList(),
                page, size, honours.countOfMember(member.memberId()));
    }

    public Found revoke(String id, RevocationReason reason, LocalDate revokedOn, OrgPrincipal caller) {
        CompetitionAccess.requireRegistrar(caller);
        Honour honour = find(id, caller);
        SelectionRounds.requireConferringUnion(caller, honour.conferringOrgPath());
        Honour revoked = honour.revoke(reason, revokedOn, caller.subject(), clock.instant());
        try {
            honours.revoke(revoked, revoked.revoked());
        }
        catch (Nominations.ConcurrentChange lost) {
            throw new CompetitionStatusConflict("the honour", find(id, caller).status().name());
        }
        return found(revoked);
    }

    private Honour find(String id, OrgPrincipal caller) {
        if (!caller.hasOrgPath()) {
            throw new NotFoundException("honour not found");
        }
        return honours.findWithin(id, caller.orgPath()).orElseThrow(() -> new NotFoundException("honour not found"));
    }

    private Found found(Honour honour) {
        String personId = honour.recipient().personId();
        return new Found(honour, personId == null ? null : people.get(personId).orElse(null));
    }
}
