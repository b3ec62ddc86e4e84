package cn.smartunion.membership.verification.adapter.out.mongo;

import cn.smartunion.membership.verification.domain.VerificationAuditEntry;
import cn.smartunion.membership.verification.domain.VerificationAudits;
import cn.smartunion.runtime.scope.OrgScope;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Audit entries in {@code verification_audit}, inserted (never updated), so an entry, once acknowledged by the
 * database, is never overwritten; the caller's answer waits for that acknowledgement.
 */
@Repository
class MongoVerificationAudits implements VerificationAudits {

    private final MongoTemplate mongo;

    MongoVerificationAudits(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void record(VerificationAuditEntry entry) {
        VerificationAuditDocument document = new VerificationAuditDocument();
        document.verificationId = entry.verificationId();
        document.clientId = entry.clientId();
        document.subject = entry.subject();
        document.at = entry.at();
        document.outcome = entry.outcome().name();
        document.match = entry.match().name();
        document.personKey = entry.personKey();
        document.disclosedOrgId = entry.disclosedOrgId();
        document.invalidField = entry.invalidField();
        document.requestId = entry.requestId();
        document.ownerPath = entry.ownerPath();
        mongo.insert(document);
    }

    @Override
    public PageOf list(String scopePath, String clientId, int page, int size) {
        Query query = new Query(OrgScope.subtree("ownerPath", scopePath));
        if (clientId != null) {
            query.addCriteria(where("clientId").is(clientId));
        }
        long total = mongo.count(query, VerificationAuditDocument.class);
        query.with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id"))).skip((long) page * size).limit(size);
        return new PageOf(mongo.find(query, VerificationAuditDocument.class).stream()
                .map(MongoVerificationAudits::toEntry).toList(), page, size, total);
    }

    private static VerificationAuditEntry toEntry(VerificationAuditDocument d) {
        return new VerificationAuditEntry(d.verificationId, d.clientId, d.subject, d.at,
                VerificationAuditEntry.Outcome.valueOf(d.outcome), VerificationAuditEntry.Match.valueOf(d.match),
                d.personKey, d.disclosedOrgId, d.invalidField, d.requestId, d.ownerPath);
    }
}
