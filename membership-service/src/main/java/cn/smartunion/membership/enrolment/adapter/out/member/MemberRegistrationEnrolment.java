package cn.smartunion.membership.enrolment.adapter.out.member;

import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.membership.enrolment.application.EnrolmentContext;
import cn.smartunion.membership.enrolment.application.RosterEnrolment;
import cn.smartunion.membership.enrolment.application.RosterRow;
import cn.smartunion.membership.enrolment.application.RowOutcome;
import cn.smartunion.membership.member.application.EmploymentDetails;
import cn.smartunion.membership.member.application.MemberPersonalData;
import cn.smartunion.membership.member.application.MemberRegistration;
import cn.smartunion.membership.member.application.RegisterMember;
import cn.smartunion.membership.member.application.Registration;
import cn.smartunion.membership.member.domain.Member;
import cn.smartunion.membership.member.domain.MemberRuleViolation;
import cn.smartunion.membership.member.domain.Members;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Roster rows enrol through the member register, like every other way of joining: one person is one member, a row
 * naming an existing member is reported (never moved), and each new member's {@code MemberActivated} is written with
 * it. A row this batch already enrolled before a crash counts as activated again, so the job's figures stay exact.
 */
@Component
class MemberRegistrationEnrolment implements RosterEnrolment {

    /** Platform names as offices write them, to the codes member records and events carry. */
    private static final Map<String, String> PLATFORM_CODES = Map.ofEntries(
            Map.entry("美团", "MEITUAN"), Map.entry("美团外卖", "MEITUAN"), Map.entry("饿了么", "ELEME"),
            Map.entry("滴滴", "DIDI"), Map.entry("滴滴出行", "DIDI"), Map.entry("顺丰", "SF_EXPRESS"),
            Map.entry("京东", "JD"), Map.entry("货拉拉", "HUOLALA"), Map.entry("满帮", "FULL_TRUCK_ALLIANCE"),
            Map.entry("闪送", "SHANSONG"), Map.entry("曹操出行", "CAOCAO"), Map.entry("高德", "AMAP"));

    private final MemberRegistration registration;
    private final MemberPersonalData personalData;
    private final Members members;

    MemberRegistrationEnrolment(MemberRegistration registration, MemberPersonalData personalData, Members members) {
        this.registration = registration;
        this.personalData = personalData;
        this.members = members;
    }

    @Override
    public RowOutcome enrol(RosterRow row, EnrolmentContext context) {
        RegisterMember command = new RegisterMember(row.orgId(), row.legalName(), row.idNumber().value(),
                row.mobilePhone(), employment(row), row.groupTags(), context.joinChannel(), context.campaignId(),
                ActorKind.IMPORT, context.requestedBy(), null, null, context.batchId(), null);
        try {
            Registration result = registration.register(command);
            if (result instanceof Registration.Activated activated) {
                return new RowOutcome.Activated(activated.memberId());
            }
            return enrolledByThisBatch(row, context)
                    .<RowOutcome>map(RowOutcome.Activated::new)
                    .orElseGet(RowOutcome.AlreadyMember::new);
        } catch (MemberRuleViolation refused) {
            return new RowOutcome.Rejected("REGISTER_REFUSED_" + reason(refused.field()), rosterField(refused.field()));
        }
    }

    private Optional<String> enrolledByThisBatch(RosterRow row, EnrolmentContext context) {
        return members.findByPersonKey(personalData.personKey(row.idNumber().value()))
                .filter(member -> member.joining() != null
                        && Objects.equals(member.joining().enrolmentBatchId(), context.batchId()))
                .map(Member::id);
    }

    private static EmploymentDetails employment(RosterRow row) {
        boolean declared = row.employerName() != null || row.employerCreditCode() != null
                || row.employmentForm() != null || !row.platforms().isEmpty();
        if (!declared) {
            return null;
        }
        List<String> platforms = row.platforms().stream()
                .map(name -> PLATFORM_CODES.getOrDefault(name.strip(), codeOrOther(name)))
                .distinct().toList();
        return new EmploymentDetails(row.employerName(),
                row.employerCreditCode() == null ? null : row.employerCreditCode().value(),
                row.employmentForm() == null ? "OTHER" : row.employmentForm(), platforms);
    }

    private static String codeOrOther(String name) {
        String code = name.strip().toUpperCase(Locale.ROOT);
        return code.matches("[A-Z][A-Z0-9_]{1,63}") ? code : "OTHER";
    }

    private static String reason(String field) {
        String last = field == null ? "ROW" : field.substring(field.lastIndexOf('.') + 1);
        return last.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** The register's field names, as the roster calls them. */
    private static String rosterField(String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "citizenIdNumber" -> "idNumber";
            case "legalName" -> "name";
            case "employment.employerCreditCode" -> "employerCreditCode";
            case "employment.employmentForm" -> "employmentForm";
            case "employment.platforms" -> "platforms";
            default -> field;
        };
    }
}
