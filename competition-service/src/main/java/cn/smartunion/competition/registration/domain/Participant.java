package cn.smartunion.competition.registration.domain;

/**
 * One real-name person of an entry, by their registry id. {@code orgId} and {@code employerCreditCode} are copied from
 * the member directory at registration (the member's grassroots union and employer, which judges are excluded from);
 * a non-member has no union and the employer the registrar gave, if any. Only masked name and ID number are kept.
 */
public record Participant(String personId, String memberId, String orgId, String employerCreditCode, boolean captain,
                          String maskedName, String maskedIdNumber) {

    public Participant asCaptain(boolean isCaptain) {
        return new Participant(personId, memberId, orgId, employerCreditCode, isCaptain, maskedName, maskedIdNumber);
    }
}
