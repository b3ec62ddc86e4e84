package cn.smartunion.runtime.personaldata;

import cn.smartunion.runtime.problem.FieldRuleViolation;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code people}: everyone a service's records name, once each (opt in with
 * {@code smartunion.person-registry.enabled}). The citizen ID number and name are stored encrypted (AES-256-GCM or SM4,
 * key id with the ciphertext), found by the ID's keyed blind index (unique), and shown masked. Records refer to people by {@code personId} only, so events and other collections carry no personal data.
 */
public class PersonRegistry {

    static final String COLLECTION = "people";

    private final MongoTemplate mongo;
    private final PersonalDataProtector protector;
    private final Clock clock;
    private volatile boolean indexed;

    public PersonRegistry(MongoTemplate mongo, PersonalDataProtector protector, Clock clock) {
        this.mongo = mongo;
        this.protector = protector;
        this.clock = clock;
    }

    /**
     * The person with this citizen ID number, registered on first sight; the name is updated to the latest given.
     *
     * @param field the request field holding the person (e.g. {@code student}), for the 400 on a bad number or name
     */
    public RegisteredPerson register(String field, String citizenIdNumber, String legalName) {
        CitizenIdNumber id = parse(field + ".citizenIdNumber", citizenIdNumber);
        if (legalName == null || legalName.isBlank() || legalName.strip().length() > 50) {
            throw new FieldRuleViolation(field + ".legalName", "a name of 1 to 50 characters is required");
        }
        ensureIndex();
        ProtectedValue idNumber = protector.protect(id);
        ProtectedValue name = protector.protect(legalName.strip(), Masking::personalName);
        Update update = new Update()
                .set("legalName", name.ciphertext())
                .set("maskedName", name.masked())
                .setOnInsert("_id", UUID.randomUUID().toString())
                .setOnInsert("idNumber", idNumber.ciphertext())
                .setOnInsert("maskedIdNumber", idNumber.masked())
                .setOnInsert("birthDate", id.birthDate().toString())
                .setOnInsert("registeredAt", Date.from(clock.instant()));
        Query byIndex = Query.query(where("idIndex").is(idNumber.blindIndex()));
        try {
            mongo.upsert(byIndex, update, COLLECTION);
        } catch (DuplicateKeyException registeredMeanwhile) {
            mongo.updateFirst(byIndex, new Update().set("legalName", name.ciphertext())
                    .set("maskedName", name.masked()), COLLECTION);
        }
        Document stored = mongo.findOne(byIndex, Document.class, COLLECTION);
        return toPerson(stored);
    }

    /** The person with this ID number if the service has ever registered them. */
    public Optional<RegisteredPerson> find(String field, String citizenIdNumber) {
        CitizenIdNumber id = parse(field, citizenIdNumber);
        Document stored = mongo.findOne(Query.query(where("idIndex").is(protector.blindIndex(id.value()))),
                Document.class, COLLECTION);
        return Optional.ofNullable(stored).map(PersonRegistry::toPerson);
    }

    public Optional<RegisteredPerson> get(String personId) {
        return Optional.ofNullable(mongo.findById(personId, Document.class, COLLECTION))
                .map(PersonRegistry::toPerson);
    }

    /** The unmasked name, for the audited "show unmasked" permission only. */
    public String legalName(String personId) {
        Document stored = mongo.findById(personId, Document.class, COLLECTION);
        return stored == null ? null : protector.decrypt(stored.getString("legalName"));
    }

    private CitizenIdNumber parse(String field, String text) {
        try {
            return CitizenIdNumber.parse(text, clock);
        } catch (InvalidIdentifierException invalid) {
            throw new FieldRuleViolation(field, "is not a valid citizen ID number", invalid);
        } catch (RuntimeException missing) {
            throw new FieldRuleViolation(field, "a citizen ID number is required");
        }
    }

    private void ensureIndex() {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("idIndex", Sort.Direction.ASC).unique()
                    .named("idIndex"));
            indexed = true;
        }
    }

    private static RegisteredPerson toPerson(Document d) {
        return new RegisteredPerson(d.getString("_id"), d.getString("maskedName"), d.getString("maskedIdNumber"),
                LocalDate.parse(d.getString("birthDate")));
    }
}
