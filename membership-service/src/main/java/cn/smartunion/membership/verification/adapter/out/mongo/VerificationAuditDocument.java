package cn.smartunion.membership.verification.adapter.out.mongo;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One verification call as stored: the person only as the citizen ID number's blind index ({@code personKey}, so an
 * investigation can find every call about one person), never the ID number or the name. Listed by owner path and
 * time; the person index serves the investigation.
 */
@Document(VerificationAuditDocument.COLLECTION)
@CompoundIndex(name = "owner_path_at", def = "{'ownerPath': 1, 'at': -1, '_id': -1}")
@CompoundIndex(name = "client_at", def = "{'clientId': 1, 'at': -1}")
@CompoundIndex(name = "person_key", def = "{'personKey': 1}", sparse = true)
class VerificationAuditDocument {

    static final String COLLECTION = "verification_audit";

    @Id
    String verificationId;
    String clientId;
    String subject;
    Instant at;
    String outcome;
    String match;
    String personKey;
    String disclosedOrgId;
    String invalidField;
    String requestId;
    String ownerPath;
}
