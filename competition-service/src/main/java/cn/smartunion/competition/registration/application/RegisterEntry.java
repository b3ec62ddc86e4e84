package cn.smartunion.competition.registration.application;

import cn.smartunion.contracts.competition.EntrantType;

import java.util.List;

/**
 * A registrar's registration of an entrant on their behalf.
 *
 * @param orgId the union the entry belongs to; null for the registrar's own union
 */
public record RegisterEntry(EntrantType entrantType, String orgId, String trade, String teamName,
                            String unitCreditCode, String unitName, String projectTitle, String projectFieldCode,
                            List<Person> participants) {

    /** A real-name participant as the registrar gives them: ID number and name go to the person registry only. */
    public record Person(String citizenIdNumber, String legalName, String memberId, String employerCreditCode,
                         boolean captain) {

        @Override
        public String toString() {
            return "Person[" + memberId + "]";
        }
    }

    @Override
    public String toString() {
        return "RegisterEntry[" + entrantType + ", " + participants.size() + " participants]";
    }
}
