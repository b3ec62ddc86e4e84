package cn.smartunion.aid.notice.application;

import cn.smartunion.runtime.personaldata.PersonRegistry;
import cn.smartunion.runtime.personaldata.RegisteredPerson;
import cn.smartunion.aid.web.PageView;
import cn.smartunion.runtime.scope.OrgPrincipal;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The public notice (公示) of approved beneficiaries, which a union posts so its members can check the aid went to
 * the right people. Approvals post a line, revocations take it down. Anyone of a union reads the notices of their own
 * union and the unions above it (a member sees what their county approved); staff also read those below them.
 */
@Service
public class PublicNotices {

    static final String COLLECTION = "public_notices";

    private final MongoTemplate mongo;
    private final PersonRegistry people;

    PublicNotices(MongoTemplate mongo, PersonRegistry people) {
        this.mongo = mongo;
        this.people = people;
    }

    /**
     * Posts (or re-posts) the notice line of an approved record.
     *
     * @param sourceId the approved record; one line per record
     */
    public void post(String sourceId, String programmeCode, String cycle, String orgId, String orgPath,
                     String personId, long amountFen, LocalDate approvedOn) {
        RegisteredPerson person = people.get(personId).orElseThrow(() ->
                new IllegalStateException("notice for a person never registered: " + personId));
        Update line = new Update().set("programmeCode", programmeCode).set("cycle", cycle).set("orgId", orgId)
                .set("orgPath", orgPath).set("maskedName", person.maskedName())
                .set("maskedIdNumber", person.maskedIdNumber()).set("amountFen", amountFen)
                .set("approvedOn", approvedOn.toString()).setOnInsert("version", 0L);
        mongo.upsert(Query.query(where("_id").is(sourceId)), line, COLLECTION);
    }

    public void withdraw(String sourceId) {
        mongo.remove(Query.query(where("_id").is(sourceId)), COLLECTION);
    }

    public PageView<PublicNotice> list(OrgPrincipal caller, String programmeCode, String cycle, int page, int size) {
        if (!caller.hasOrgPath()) {
            throw new AccessDeniedException("public notices are for members and staff of a union");
        }
        Query query = new Query(new Criteria().orOperator(
                OrgScope.selfAndAncestors("orgPath", caller.orgPath()),
                OrgScope.descendants("orgPath", caller.orgPath())));
        if (programmeCode != null) {
            query.addCriteria(where("programmeCode").is(programmeCode));
        }
        if (cycle != null) {
            query.addCriteria(where("cycle").is(cycle));
        }
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "approvedOn").and(Sort.by("_id"))).skip((long) page * size)
                .limit(size);
        List<PublicNotice> items = mongo.find(query, Document.class, COLLECTION).stream().map(d -> new PublicNotice(
                d.getString("_id"), d.getString("programmeCode"), d.getString("cycle"), d.getString("orgId"),
                d.getString("orgPath"), d.getString("maskedName"), d.getString("maskedIdNumber"),
                d.get("amountFen", Number.class).longValue(), LocalDate.parse(d.getString("approvedOn")))).toList();
        return new PageView<>(items, page, size, total);
    }
}
