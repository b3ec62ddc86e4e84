package cn.smartunion.competition.honour.application;

import cn.smartunion.competition.access.CompetitionAccess;
import cn.smartunion.competition.honour.domain.Certification;
import cn.smartunion.competition.honour.domain.Certifications;
import cn.smartunion.competition.members.domain.MemberDirectory;
import cn.smartunion.competition.members.domain.MemberView;
import cn.smartunion.competition.web.PageView;
import cn.smartunion.contracts.competition.Certifier;
import cn.smartunion.contracts.competition.SkillLevel;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.runtime.orgdirectory.OrgDirectoryEntry;
import cn.smartunion.runtime.personaldata.PersonRegistry;
import cn.smartunion.runtime.personaldata.RegisteredPerson;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.Clock;

/**
 * OrgDirectory record skill-level certifications made outside competitions. The worker is named by citizen ID and name
 * (the event's {@code personId} is the registry's), linked to their member record when a memberId is given.
 */
@Service
public class CertificationRecording {

    private final Certifications certifications;
    private final PersonRegistry people;
    private final MemberDirectory members;
    private final OrgDirectory unions;
    private final Clock clock;

    CertificationRecording(Certifications certifications, PersonRegistry people, MemberDirectory members,
                           OrgDirectory unions, Clock clock) {
        this.certifications = certifications;
        this.people = people;
        this.members = members;
        this.unions = unions;
        this.clock = clock;
    }

    public record RecordCertification(String orgId, String memberId, String citizenIdNumber, String legalName,
                                      String trade, SkillLevel level, Certifier certifier, String certifyingBody,
                                      LocalDate certifiedOn) {

        @Override
        public String toString() {
            return "RecordCertification[" + trade + ", " + level + "]";
        }
    }

    public record Recorded(Certification certification, RegisteredPerson person, boolean created) {
    }

    public Recorded record(RecordCertification command, OrgPrincipal caller) {
        CompetitionAccess.requireRegistrar(caller);
        OrgDirectoryEntry org = unions.activeWithin("orgId", command.orgId(), caller);
        if (command.memberId() != null) {
            MemberView member = members.find(command.memberId()).filter(m -> caller.covers(m.orgPath()))
                    .orElseThrow(() -> new NotFoundException("member not found"));
            command = new RecordCertification(command.orgId(), member.memberId(), command.citizenIdNumber(),
                    command.legalName(), command.trade(), command.level(), command.certifier(),
                    command.certifyingBody(), command.certifiedOn());
        }
        RegisteredPerson person = people.register("person", command.citizenIdNumber(), command.legalName());
        Certification certification = Certification.record(person.personId(), command.memberId(), command.trade(),
                command.level(), command.certifier(), command.certifyingBody().strip(), command.certifiedOn(),
                LocalDate.now(clock.withZone(HonourNominating.CHINA)), org.orgId(), org.path(), caller.subject(),
                clock.instant());
        boolean created = certifications.addIfAbsent(certification, certification.certified());
        Certification stored = created ? certification
                : certifications.findWithin(certification.id(), caller.orgPath()).orElse(certification);
        return new Recorded(stored, person, created);
    }

    public PageView<Recorded> list(OrgPrincipal caller, String memberId, String trade, int page, int size) {
        CompetitionAccess.requireReader(caller);
        return new PageView<>(certifications.listWithin(caller.orgPath(), memberId, trade, page, size).stream()
                .map(c -> new Recorded(c, people.get(c.personId()).orElse(null), false)).toList(), page, size,
                certifications.countWithin(caller.orgPath(), memberId, trade));
    }
}
