package cn.smartunion.aid.referral.application;

import cn.smartunion.aid.access.AidAccess;
import cn.smartunion.aid.casefile.application.HardshipCaseFiles;
import cn.smartunion.aid.casefile.application.IdentifyHousehold;
import cn.smartunion.aid.casefile.application.NamedPerson;
import cn.smartunion.aid.casefile.domain.HardshipCase;
import cn.smartunion.aid.web.AidStatusConflict;
import cn.smartunion.aid.web.PageView;
import cn.smartunion.contracts.aid.IdentificationChannel;
import cn.smartunion.contracts.rights.HardshipReferralSource;
import cn.smartunion.contracts.rights.HardshipReferred;
import cn.smartunion.runtime.consumer.IdempotentProjection;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.rescope.RescopeTarget;
import cn.smartunion.runtime.scope.OrgPrincipal;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Hardship referred by rights-service (a dispute that revealed hardship, a 12351 call asking for aid): each
 * {@code HardshipReferred} event becomes one referral in the referring union's aid inbox, status {@code IDENTIFIED}.
 * The event carries pseudonymous ids only, so the household's identity comes from the officer who contacts the
 * worker: opening the case turns the referral into a hardship case (identified by referral or by the 12351 line) and
 * links the two.
 */
@Service
public class HardshipReferrals {

    static final String COLLECTION = "hardship_referrals";

    public enum Status { IDENTIFIED, CASE_OPENED }

    public record Referral(String id, HardshipReferralSource source, String sourceId, String memberId, String orgId,
                           String orgPath, Status status, String caseId, Instant referredAt) {
    }

    private final MongoTemplate mongo;
    private final IdempotentProjection projection;
    private final HardshipCaseFiles caseFiles;
    private final Clock clock;

    HardshipReferrals(MongoTemplate mongo, IdempotentProjection projection, HardshipCaseFiles caseFiles, Clock clock) {
        this.mongo = mongo;
        this.projection = projection;
        this.caseFiles = caseFiles;
        this.clock = clock;
    }

    /** @return false when this referral had been received before */
    public boolean received(String eventId, HardshipReferred referred) {
        Update effect = new Update()
                .setOnInsert("source", referred.source().name())
                .setOnInsert("sourceId", referred.sourceId())
                .setOnInsert("memberId", referred.memberId())
                .setOnInsert("orgId", referred.orgId())
                .setOnInsert("orgPath", referred.orgPath())
                .setOnInsert("status", Status.IDENTIFIED.name())
                .setOnInsert("referredAt", Date.from(referred.referredAt() == null ? clock.instant()
                        : referred.referredAt()))
                .setOnInsert("version", 0L);
        return projection.apply(COLLECTION, referred.referralId(), eventId, effect);
    }

    public PageView<Referral> list(OrgPrincipal caller, Status status, int page, int size) {
        AidAccess.requireStaff(caller);
        Query query = new Query(OrgScope.subtree("orgPath", caller));
        if (status != null) {
            query.addCriteria(where("status").is(status.name()));
        }
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "referredAt")).skip((long) page * size).limit(size);
        return new PageView<>(mongo.find(query, Document.class, COLLECTION).stream()
                .map(HardshipReferrals::toReferral).toList(), page, size, total);
    }

    public Referral get(String id, OrgPrincipal caller) {
        AidAccess.requireStaff(caller);
        Document found = mongo.findOne(Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath",
                caller)), Document.class, COLLECTION);
        if (found == null) {
            throw new NotFoundException("hardship referral not found");
        }
        return toReferral(found);
    }

    /**
     * Opens the hardship case of a referral, with the household head's identity the officer obtained. A referral
     * opens one case: a second attempt is a 409 naming the status.
     */
    public HardshipCase openCase(String id, String programmeCode, String cycle, NamedPerson head,
                                 OrgPrincipal caller) {
        Referral referral = get(id, caller);
        if (referral.status() != Status.IDENTIFIED) {
            throw new AidStatusConflict("the referral", referral.status().name());
        }
        IdentificationChannel channel = referral.source() == HardshipReferralSource.WORK_ORDER
                ? IdentificationChannel.HOTLINE_12351 : IdentificationChannel.REFERRAL;
        HardshipCase opened = caseFiles.identify(new IdentifyHousehold(referral.orgId(), programmeCode, cycle, channel,
                head, referral.memberId()), caller);
        Query stillOpen = Query.query(where("_id").is(id).and("status").is(Status.IDENTIFIED.name()));
        if (mongo.updateFirst(stillOpen, new Update().set("status", Status.CASE_OPENED.name())
                .set("caseId", opened.id()).inc("version", 1), COLLECTION).getModifiedCount() == 0) {
            throw new AidStatusConflict("the referral", get(id, caller).status().name());
        }
        return opened;
    }

    private static Referral toReferral(Document d) {
        return new Referral(d.getString("_id"), HardshipReferralSource.valueOf(d.getString("source")),
                d.getString("sourceId"), d.getString("memberId"), d.getString("orgId"), d.getString("orgPath"),
                Status.valueOf(d.getString("status")), d.getString("caseId"), d.getDate("referredAt").toInstant());
    }

    @Configuration(proxyBeanMethods = false)
    static class Storage {

        @Bean
        RescopeTarget hardshipReferralsRescopeTarget() {
            return RescopeTarget.ownedRecords(COLLECTION, "orgPath", "version");
        }
    }
}
