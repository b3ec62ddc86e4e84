package cn.smartunion.membership.enrolment.application;

import cn.smartunion.membership.enrolment.application.roster.RawRow;
import cn.smartunion.membership.enrolment.application.roster.RosterField;
import cn.smartunion.membership.enrolment.application.roster.RosterHeader;
import cn.smartunion.membership.enrolment.domain.Catalogue;
import cn.smartunion.membership.enrolment.domain.Rejection;
import cn.smartunion.membership.enrolment.domain.RowProblem;
import cn.smartunion.runtime.personaldata.CitizenIdNumber;
import cn.smartunion.runtime.personaldata.InvalidIdentifierException;
import cn.smartunion.runtime.personaldata.Masking;
import cn.smartunion.runtime.personaldata.UnifiedSocialCreditCode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the rows of one roster before the member register is asked: everything that needs no member data. A row
 * is refused for its first problem, in this order: ID number missing or invalid, the same person on an earlier row,
 * name missing, a value too long, then phone, credit code, employment form, group tags and org. Every valid ID
 * number is remembered, so of several rows of one person only the first is enrolled, whatever became of it.
 */
final class RowValidation {

    private static final Pattern TAG_SEPARATORS = Pattern.compile("[,，、;；|/\\s\\u3000]+");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[,，、;；|]+");
    private static final Pattern PHONE_NOISE = Pattern.compile("[\\s\\u3000()（）-]+");
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final int MAX_TAGS = 32;
    private static final int MAX_ECHOED_LENGTH = 50;

    private final RosterHeader header;
    private final Catalogue groupTags;
    private final Catalogue employmentForms;
    private final OrgTargets orgs;
    private final Clock clock;
    private final SeenPeople seen = new SeenPeople();

    RowValidation(RosterHeader header, Catalogue groupTags, Catalogue employmentForms, OrgTargets orgs, Clock clock) {
        this.header = header;
        this.groupTags = groupTags;
        this.employmentForms = employmentForms;
        this.orgs = orgs;
        this.clock = clock;
    }

    /**
     * Re-reads a row handled before a job was interrupted, only to remember its person: a resumed job must still
     * see a later row of the same person as a duplicate.
     */
    void remember(RawRow raw) {
        String id = header.value(raw, RosterField.ID_NUMBER);
        try {
            seen.firstRowOf(CitizenIdNumber.parse(id, clock).value(), raw.number());
        } catch (InvalidIdentifierException invalid) {
            // refused on its first reading too
        }
    }

    Result validate(RawRow raw) {
        int row = raw.number();
        String idText = header.value(raw, RosterField.ID_NUMBER);
        if (idText.isEmpty()) {
            return refuse(Rejection.of(row, RowProblem.MISSING_REQUIRED_FIELD, RosterField.ID_NUMBER.fieldName()));
        }
        CitizenIdNumber idNumber;
        try {
            idNumber = CitizenIdNumber.parse(idText, clock);
        } catch (InvalidIdentifierException invalid) {
            return refuse(new Rejection(row, RowProblem.INVALID_CITIZEN_ID.name(), RosterField.ID_NUMBER.fieldName(),
                    invalid.reasonCode(), Masking.citizenIdNumber(idText), null));
        }
        int firstRow = seen.firstRowOf(idNumber.value(), row);
        if (firstRow != 0) {
            return refuse(new Rejection(row, RowProblem.DUPLICATE_IN_FILE.name(), RosterField.ID_NUMBER.fieldName(),
                    null, idNumber.masked(), firstRow));
        }
        String name = header.value(raw, RosterField.NAME);
        if (name.isEmpty()) {
            return refuse(Rejection.of(row, RowProblem.MISSING_REQUIRED_FIELD, RosterField.NAME.fieldName()));
        }
        for (RosterField field : RosterField.values()) {
            String value = header.value(raw, field);
            if (value.codePointCount(0, value.length()) > field.maxLength()) {
                return refuse(Rejection.of(row, RowProblem.VALUE_TOO_LONG, field.fieldName()));
            }
        }

        String phone = null;
        String phoneText = header.value(raw, RosterField.MOBILE_PHONE);
        if (!phoneText.isEmpty()) {
            phone = mobile(phoneText);
            if (phone == null) {
                return refuse(new Rejection(row, RowProblem.INVALID_MOBILE_PHONE.name(),
                        RosterField.MOBILE_PHONE.fieldName(), null, Masking.mobilePhone(phoneText), null));
            }
        }
        UnifiedSocialCreditCode creditCode = null;
        String creditText = header.value(raw, RosterField.EMPLOYER_CREDIT_CODE);
        if (!creditText.isEmpty()) {
            try {
                creditCode = UnifiedSocialCreditCode.parse(creditText);
            } catch (InvalidIdentifierException invalid) {
                return refuse(new Rejection(row, RowProblem.INVALID_CREDIT_CODE.name(),
                        RosterField.EMPLOYER_CREDIT_CODE.fieldName(), invalid.reasonCode(), echo(creditText), null));
            }
        }
        String employmentForm = null;
        String formText = header.value(raw, RosterField.EMPLOYMENT_FORM);
        if (!formText.isEmpty()) {
            Optional<String> form = employmentForms.resolve(formText);
            if (form.isEmpty()) {
                return refuse(new Rejection(row, RowProblem.UNKNOWN_EMPLOYMENT_FORM.name(),
                        RosterField.EMPLOYMENT_FORM.fieldName(), null, echo(formText), null));
            }
            employmentForm = form.get();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tagText : split(header.value(raw, RosterField.GROUP_TAGS), TAG_SEPARATORS)) {
            Optional<String> tag = groupTags.resolve(tagText);
            if (tag.isEmpty()) {
                return refuse(new Rejection(row, RowProblem.UNKNOWN_GROUP_TAG.name(),
                        RosterField.GROUP_TAGS.fieldName(), null, echo(tagText), null));
            }
            tags.add(tag.get());
        }
        if (tags.size() > MAX_TAGS) {
            return refuse(Rejection.of(row, RowProblem.VALUE_TOO_LONG, RosterField.GROUP_TAGS.fieldName()));
        }
        String orgIdText = header.value(raw, RosterField.ORG_ID);
        String orgCodeText = header.value(raw, RosterField.ORG_CODE);
        Optional<OrgTargets.Target> target = orgs.resolve(orgIdText, orgCodeText);
        if (target.isEmpty()) {
            String field = orgIdText.isEmpty() ? RosterField.ORG_CODE.fieldName() : RosterField.ORG_ID.fieldName();
            return refuse(new Rejection(row, RowProblem.ORG_OUT_OF_SCOPE.name(), field, null,
                    echo(orgIdText.isEmpty() ? orgCodeText : orgIdText), null));
        }
        String employer = header.value(raw, RosterField.EMPLOYER_NAME);
        return new Valid(new RosterRow(row, name, idNumber, phone, employer.isEmpty() ? null : employer, creditCode,
                employmentForm, split(header.value(raw, RosterField.PLATFORMS), LIST_SEPARATORS), List.copyOf(tags),
                target.get().orgId(), target.get().orgPath()));
    }

    /** An 11-digit mainland mobile number, with spaces, dashes and a +86 / 0086 prefix tolerated; else null. */
    static String mobile(String text) {
        String digits = PHONE_NOISE.matcher(text).replaceAll("");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        return MOBILE.matcher(digits).matches() ? digits : null;
    }

    private static List<String> split(String cell, Pattern separators) {
        if (cell.isEmpty()) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (String part : separators.split(cell)) {
            String item = part.strip();
            if (!item.isEmpty() && !parts.contains(item)) {
                parts.add(item);
            }
        }
        return parts;
    }

    /** Non-personal text shown back to the clerk (a tag, a code), cut short. */
    private static String echo(String text) {
        return text.length() > MAX_ECHOED_LENGTH ? text.substring(0, MAX_ECHOED_LENGTH) : text;
    }

    private static Result refuse(Rejection rejection) {
        return new Invalid(rejection);
    }

    sealed interface Result {
    }

    record Valid(RosterRow row) implements Result {
    }

    record Invalid(Rejection rejection) implements Result {
    }
}
