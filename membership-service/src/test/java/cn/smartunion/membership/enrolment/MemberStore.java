package cn.smartunion.membership.enrolment;

import cn.smartunion.membership.member.application.MemberPersonalData;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The member register's own records as stored, for assertions: found by the ID number's blind index only. */
public class MemberStore {

    private static final String MEMBERS = "members";

    private final MongoTemplate mongo;
    private final MemberPersonalData personalData;

    public MemberStore(MongoTemplate mongo, MemberPersonalData personalData) {
        this.mongo = mongo;
        this.personalData = personalData;
    }

    /** The member record of the person with this ID number (orgId, enrolmentBatchId, status …), or null. */
    public Document memberWithIdNumber(String idNumber) {
        return mongo.findOne(Query.query(where("citizenIdNumber.blindIndex").is(personalData.personKey(idNumber))),
                Document.class, MEMBERS);
    }

    public long count() {
        return mongo.count(new Query(), MEMBERS);
    }
}
