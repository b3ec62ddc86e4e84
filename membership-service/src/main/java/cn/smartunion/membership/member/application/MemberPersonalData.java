package cn.smartunion.membership.member.application;

import cn.smartunion.membership.member.domain.Gender;
import cn.smartunion.membership.member.domain.LegalName;
import cn.smartunion.membership.member.domain.MemberRuleViolation;
import cn.smartunion.membership.member.domain.MobilePhone;
import cn.smartunion.membership.member.domain.Person;
import cn.smartunion.membership.member.domain.Sealed;
import cn.smartunion.runtime.personaldata.CitizenIdNumber;
import cn.smartunion.runtime.personaldata.InvalidCitizenIdNumberException;
import cn.smartunion.runtime.personaldata.InvalidUnifiedSocialCreditCodeException;
import cn.smartunion.runtime.personaldata.Masking;
import cn.smartunion.runtime.personaldata.PersonalDataProtector;
import cn.smartunion.runtime.personaldata.ProtectedValue;
import cn.smartunion.runtime.personaldata.UnifiedSocialCreditCode;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Validates a person's identifiers and seals them for the member record (ciphertext, blind index, masked form), and
 * unseals for the few views that show a value in full. The only place of the feature that holds the keys.
 */
@Component
public class MemberPersonalData {

    private final PersonalDataProtector protector;
    private final Clock clock;

    public MemberPersonalData(PersonalDataProtector protector, Clock clock) {
        this.protector = protector;
        this.clock = clock;
    }

    /**
     * Validates and seals legal name, citizen ID number (GB 11643 check digit; gender and birth date come from it) and
     * the optional mobile phone.
     *
     * @throws MemberRuleViolation naming {@code legalName}, {@code citizenIdNumber} or {@code mobilePhone}
     */
    public Person seal(String legalName, String citizenIdNumber, String mobilePhone) {
        String name = LegalName.normalise(LegalName.FIELD, legalName);
        CitizenIdNumber idNumber = parseCitizenId(citizenIdNumber);
        String phone = MobilePhone.normaliseOptional(MobilePhone.FIELD, mobilePhone);
        return new Person(sealed(protector.protect(name, Masking::personalName)), sealed(protector.protect(idNumber)),
                phone == null ? null : sealed(protector.protect(phone, Masking::mobilePhone)),
                Gender.valueOf(idNumber.gender().name()), idNumber.birthDate());
    }

    /** The dedupe key of the person with this citizen ID number. */
    public String personKey(String citizenIdNumber) {
        return protector.blindIndex(parseCitizenId(citizenIdNumber).value());
    }

    /** The blind index a name is sealed with, to compare a given name with a stored one without decrypting. */
    public String nameKey(String legalName) {
        return protector.blindIndex(LegalName.normalise(LegalName.FIELD, legalName));
    }

    /** The plaintext of a sealed value: only for views that are allowed to show it in full. */
    public String reveal(Sealed value) {
        return protector.decrypt(value.ciphertext());
    }

    /** A unified social credit code checked against GB 32100, or null for a blank one. */
    public static String creditCode(String field, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return UnifiedSocialCreditCode.parse(code).value();
        } catch (InvalidUnifiedSocialCreditCodeException e) {
            throw new MemberRuleViolation(field, "is not a valid unified social credit code (" + e.reasonCode() + ")",
                    e);
        }
    }

    private CitizenIdNumber parseCitizenId(String text) {
        try {
            return CitizenIdNumber.parse(text, clock);
        } catch (InvalidCitizenIdNumberException e) {
            throw new MemberRuleViolation("citizenIdNumber",
                    "is not a valid citizen ID number (" + e.reasonCode() + ")", e);
        }
    }

    private static Sealed sealed(ProtectedValue value) {
        return new Sealed(value.ciphertext(), value.blindIndex(), value.masked());
    }
}
