package cn.smartunion.membership.enrolment;

import cn.smartunion.membership.enrolment.application.EnrolmentContext;
import cn.smartunion.membership.enrolment.application.RosterEnrolment;
import cn.smartunion.membership.enrolment.application.RosterRow;
import cn.smartunion.membership.enrolment.application.RowOutcome;
import cn.smartunion.runtime.personaldata.Masking;
import cn.smartunion.runtime.personaldata.PersonalDataProtector;
import cn.smartunion.runtime.personaldata.ProtectedValue;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * A stand-in for the member register behind {@link RosterEnrolment} until {@code MemberRegistration} is wired: one
 * document per member in {@value #COLLECTION}, personal data protected as the real register must (ciphertext,
 * blind index, masked form), and a unique index on the blind index of the ID number, so duplicates across jobs and
 * concurrent jobs behave as they will for real. Honours the seam's contract: already a member is never moved, and
 * a row enrolled before by the same batch is answered ACTIVATED again with the same memberId.
 */
public class MongoRosterEnrolment implements RosterEnrolment {

    public static final String COLLECTION = "roster_test_members";

    private final MongoTemplate mongo;
    private final PersonalDataProtector protector;

    public MongoRosterEnrolment(MongoTemplate mongo, PersonalDataProtector protector) {
        this.mongo = mongo;
        this.protector = protector;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("idBlindIndex", Sort.Direction.ASC).unique()
                .named("one_member_per_person"));
    }

    @Override
    public RowOutcome enrol(RosterRow row, EnrolmentContext context) {
        ProtectedValue id = protector.protect(row.idNumber());
        ProtectedValue phone = row.mobilePhone() == null ? null
                : protector.protect(row.mobilePhone(), Masking::mobilePhone);
        String memberId = UUID.randomUUID().toString();
        Document member = new Document("_id", memberId)
                .append("idCiphertext", id.ciphertext())
                .append("idBlindIndex", id.blindIndex())
                .append("idMasked", id.masked())
                .append("nameCiphertext", protector.encrypt(row.legalName()))
                .append("phoneCiphertext", phone == null ? null : phone.ciphertext())
                .append("phoneMasked", phone == null ? null : phone.masked())
                .append("orgId", row.orgId())
                .append("orgPath", row.orgPath())
                .append("joinChannel", context.joinChannel().name())
                .append("campaignId", context.campaignId())
                .append("groupTags", row.groupTags())
                .append("employmentForm", row.employmentForm())
                .append("enrolmentBatchId", context.batchId())
                .append("enrolmentRow", row.rowNumber())
                .append("activatedAt", Date.from(Instant.now()));
        try {
            mongo.insert(member, COLLECTION);
            return RowOutcome.activated(memberId);
        } catch (DuplicateKeyException alreadyThere) {
            Document existing = mongo.findOne(Query.query(where("idBlindIndex").is(id.blindIndex())), Document.class,
                    COLLECTION);
            if (existing != null && context.batchId().equals(existing.getString("enrolmentBatchId"))
                    && Integer.valueOf(row.rowNumber()).equals(existing.getInteger("enrolmentRow"))) {
                return RowOutcome.activated(existing.getString("_id"));
            }
            return RowOutcome.alreadyMember();
        }
    }

    /** Members as stored, for assertions: org and batch of the person with this ID number. */
    public Document memberWithIdNumber(String idNumber) {
        return mongo.findOne(Query.query(where("idBlindIndex").is(protector.blindIndex(idNumber))), Document.class,
                COLLECTION);
    }

    public long count() {
        return mongo.count(new Query(), COLLECTION);
    }
}
