package cn.smartunion.aid.aidapplication.application;

import cn.smartunion.aid.access.AidAccess;
import cn.smartunion.aid.aidapplication.domain.AidApplication;
import cn.smartunion.aid.aidapplication.domain.AidApplications;
import cn.smartunion.aid.aidapplication.domain.ApplicationStatus;
import cn.smartunion.aid.aidapplication.domain.Student;
import cn.smartunion.aid.eligibility.domain.Applicant;
import cn.smartunion.aid.eligibility.domain.MemberRecord;
import cn.smartunion.aid.eligibility.domain.MemberRecords;
import cn.smartunion.aid.eligibility.domain.MemberStanding;
import cn.smartunion.aid.people.application.GrantsPerCycle;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.runtime.personaldata.PersonRegistry;
import cn.smartunion.runtime.personaldata.RegisteredPerson;
import cn.smartunion.aid.programme.application.ProgrammeCatalogue;
import cn.smartunion.aid.programme.domain.Programme;
import cn.smartunion.aid.web.AidRuleViolation;
import cn.smartunion.contracts.aid.BeneficiaryType;
import cn.smartunion.runtime.orgdirectory.OrgDirectoryEntry;
import cn.smartunion.runtime.personaldata.PersonalDataProtector;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * Aid officers submit applications for workers (帮办/代办), members or not. The programme's eligibility is checked on
 * submission; a programme given once per cycle takes the beneficiary's place in the cycle (the student's for study
 * grants, else the applicant's), so a second application for the same student in the same cycle is refused.
 */
@Service
public class ApplicationSubmission {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AidApplications applications;
    private final ProgrammeCatalogue catalogue;
    private final OrgDirectory unions;
    private final PersonRegistry people;
    private final MemberRecords members;
    private final GrantsPerCycle grants;
    private final PersonalDataProtector protector;
    private final Clock clock;

    ApplicationSubmission(AidApplications applications, ProgrammeCatalogue catalogue, OrgDirectory unions, PersonRegistry people,
                          MemberRecords members, GrantsPerCycle grants, PersonalDataProtector protector,
                          Clock clock) {
        this.applications = applications;
        this.catalogue = catalogue;
        this.unions = unions;
        this.people = people;
        this.members = members;
        this.grants = grants;
        this.protector = protector;
        this.clock = clock;
    }

    public AidApplication submit(SubmitApplication command, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        OrgDirectoryEntry org = unions.activeWithin("orgId", command.orgId(), caller);
        Programme programme = catalogue.usable("programmeCode", command.programmeCode(), null, org.path(),
                command.cycle());
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        Applicant applicant = applicant(command, caller, today);
        ProgrammeCatalogue.requireEligible(programme, applicant);

        RegisteredPerson person = people.register("applicant", command.applicantIdNumber(), command.applicantName());
        Student student = null;
        if (command.student() != null) {
            var details = command.student();
            RegisteredPerson child = people.register("student", details.citizenIdNumber(), details.legalName());
            if (child.personId().equals(person.personId())) {
                throw new AidRuleViolation("student.citizenIdNumber", "the student is the applicant");
            }
            if (details.school() == null || details.school().isBlank()) {
                throw new AidRuleViolation("student.school", "the school is required");
            }
            student = new Student(child.personId(), child.maskedName(), child.maskedIdNumber(), child.minorOn(today),
                    details.studyLevel(), protector.encrypt(details.school().strip()));
        }
        String id = UUID.randomUUID().toString();
        if (programme.oncePerCycle()) {
            String beneficiary = student != null ? student.personId() : person.personId();
            grants.claim(programme.code(), command.cycle(), beneficiary, id, this::stillHoldsGrant);
        }
        AidApplication application = new AidApplication(id, programme.code(), command.campaignId(), org.orgId(),
                org.path(), command.cycle(), command.memberId() == null ? BeneficiaryType.NON_MEMBER_WORKER
                : BeneficiaryType.MEMBER, command.memberId(), person.personId(), person.maskedName(),
                person.maskedIdNumber(), student, command.requestedFen(), caller.subject(), clock.instant(),
                ApplicationStatus.SUBMITTED, null, null);
        applications.add(application, application.submitted());
        return applications.find(id).orElseThrow();
    }

    /** The submitting officer withdraws an application nobody has decided yet; its place in the cycle is freed. */
    public AidApplication withdraw(String id, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        AidApplication application = applications.findWithin(id, caller.orgPath())
                .orElseThrow(() -> new NotFoundException("aid application not found"));
        application.withdraw();
        applications.update(application, null);
        ApplicationReview.releaseGrant(grants, application);
        return applications.find(id).orElseThrow();
    }

    private Applicant applicant(SubmitApplication command, OrgPrincipal caller, LocalDate today) {
        if (command.memberId() == null) {
            return new Applicant(MemberStanding.NOT_A_MEMBER, command.groupTags(), command.socialInsurance(), false);
        }
        Optional<MemberRecord> member = members.find(command.memberId());
        if (member.isPresent() && !caller.covers(member.get().orgPath())) {
            throw new NotFoundException("member not found");
        }
        return member.map(m -> m.asApplicantOn(today, command.socialInsurance()))
                .orElse(new Applicant(MemberStanding.NOT_A_MEMBER, command.groupTags(), command.socialInsurance(),
                        false));
    }

    private boolean stillHoldsGrant(String applicationId) {
        return applications.find(applicationId).map(a -> a.status().holdsGrant()).orElse(false);
    }
}
