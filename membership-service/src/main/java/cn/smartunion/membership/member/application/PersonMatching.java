package cn.smartunion.membership.member.application;

import cn.smartunion.membership.member.domain.Member;
import cn.smartunion.membership.member.domain.MemberRuleViolation;
import cn.smartunion.membership.member.domain.Members;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Finds the member record of a person named by citizen ID number and legal name, comparing both by blind index, so
 * neither is decrypted. Both values are validated before anything is read: an invalid one fails the same way whether
 * or not the person is a member.
 */
@Component
public class PersonMatching {

    private final Members members;
    private final MemberPersonalData personalData;

    public PersonMatching(Members members, MemberPersonalData personalData) {
        this.members = members;
        this.personalData = personalData;
    }

    /**
     * @throws MemberRuleViolation naming {@code citizenIdNumber} or {@code legalName}
     */
    public Match match(String citizenIdNumber, String legalName) {
        Keys keys = keys(citizenIdNumber, legalName);
        return keys.match(members.findByPersonKey(keys.personKey()));
    }

    /**
     * Like {@link #match}, but a record outside the union at {@code scopePath} and below it counts as no record.
     *
     * @throws MemberRuleViolation naming {@code citizenIdNumber} or {@code legalName}
     */
    public Match matchWithin(String citizenIdNumber, String legalName, String scopePath) {
        Keys keys = keys(citizenIdNumber, legalName);
        return keys.match(members.findByPersonKeyWithin(keys.personKey(), scopePath));
    }

    private Keys keys(String citizenIdNumber, String legalName) {
        return new Keys(personalData.personKey(citizenIdNumber), personalData.nameKey(legalName));
    }

    private record Keys(String personKey, String nameKey) {

        Match match(Optional<Member> record) {
            Optional<Member> matching = record.filter(m -> m.person().legalName().blindIndex().equals(nameKey));
            return new Match(personKey, record.isPresent(), matching);
        }
    }

    /**
     * @param personKey     the blind index of the citizen ID number (the province-wide dedupe key)
     * @param recordFound   true when a record with this ID number exists (in scope), whatever the name
     * @param member        the record, only when the name matches too
     */
    public record Match(String personKey, boolean recordFound, Optional<Member> member) {

        /** A record with this ID number exists but under another name: answer it like an unknown person. */
        public boolean nameMismatch() {
            return recordFound && member.isEmpty();
        }

        @Override
        public String toString() {
            return "Match[recordFound=" + recordFound + ", matched=" + member.isPresent() + "]";
        }
    }
}
