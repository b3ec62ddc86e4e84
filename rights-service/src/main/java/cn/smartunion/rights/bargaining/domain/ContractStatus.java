package cn.smartunion.rights.bargaining.domain;

/**
 * Where a collective contract stands: 要约 issued, negotiating, approved by the workers' congress (职代会), signed,
 * filed with the human-resources and social-security department (人社), in force, then expired or renewed.
 */
public enum ContractStatus {
    OFFER_ISSUED,
    NEGOTIATING,
    CONGRESS_APPROVED,
    SIGNED,
    FILED,
    IN_FORCE,
    EXPIRED,
    RENEWED
}
