package cn.smartunion.rights.dispute.domain;

/**
 * The employer or platform: the public unified social credit code, a pseudonymous id derived from it, and the name
 * encrypted (it is never put in events or stored in the clear).
 */
public record Party(String partyId, String creditCode, String encryptedName) {
}
