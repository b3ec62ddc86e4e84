package cn.smartunion.runtime.personaldata;

import java.nio.charset.StandardCharsets;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import cn.smartunion.runtime.testing.MongoWireServer;
import cn.smartunion.runtime.testing.TestPersonalDataKeys;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** What actually lands in the database when a service stores a member through the protector. */
class ProtectedMemberStorageTest {

    private static final String ID_NUMBER = "42032219900106123X";

    private static final String MOBILE = "13812345678";

    private static MongoWireServer mongo;

    private static MongoClient client;

    private final MongoTemplate template = new MongoTemplate(client, "personal-data-test");

    private final PersonalDataProtector protector = TestPersonalDataKeys.protector();

    @Document("members")
    record MemberDocument(@Id String id, String orgPath, ProtectedValue idNumber, ProtectedValue mobile) {
    }

    @BeforeAll
    static void startMongo() {
        mongo = MongoWireServer.start();
        client = MongoClients.create(mongo.connectionString("personal-data-test"));
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        mongo.close();
    }

    @BeforeEach
    void emptyCollection() {
        template.dropCollection(MemberDocument.class);
    }

    @Test
    void storedDocumentContainsNeitherTheIdNumberNorThePhoneInPlaintext() {
        template.save(new MemberDocument("m-1", "420000/420300/420322",
                protector.protect(CitizenIdNumber.parse(ID_NUMBER)), protector.protect(MOBILE, Masking::mobilePhone)));

        RawBsonDocument raw = client.getDatabase("personal-data-test")
            .getCollection("members", RawBsonDocument.class)
            .find(Filters.eq("_id", "m-1"))
            .first();

        assertThat(raw).isNotNull();
        byte[] bytes = new byte[raw.getByteBuffer().remaining()];
        raw.getByteBuffer().get(bytes);
        String everyByte = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(everyByte).doesNotContain(ID_NUMBER).doesNotContain(ID_NUMBER.toLowerCase())
            .doesNotContain(MOBILE)
            // nor the middle digits the masks hide
            .doesNotContain("1990010612").doesNotContain("81234567");
        assertThat(raw.toJson()).contains("4203**********123X").contains("138****5678");
    }

    @Test
    void blindIndexFindsTheMemberAndTheCiphertextDecrypts() {
        template.save(new MemberDocument("m-2", "420000/420300/420323",
                protector.protect(CitizenIdNumber.parse("11010519491231002X")), protector.protect("13900001111",
                        Masking::mobilePhone)));

        MemberDocument found = template.findOne(
                query(where("idNumber.blindIndex").is(protector.blindIndex("11010519491231002x"))),
                MemberDocument.class);

        assertThat(found).isNotNull();
        assertThat(found.id()).isEqualTo("m-2");
        assertThat(protector.decrypt(found.idNumber().ciphertext())).isEqualTo("11010519491231002X");
        assertThat(protector.decrypt(found.mobile().ciphertext())).isEqualTo("13900001111");
    }
}
