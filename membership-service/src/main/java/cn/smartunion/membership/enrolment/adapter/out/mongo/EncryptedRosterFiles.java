package cn.smartunion.membership.enrolment.adapter.out.mongo;

import cn.smartunion.membership.enrolment.application.RosterFiles;
import cn.smartunion.runtime.personaldata.FieldDecryptionException;
import cn.smartunion.runtime.personaldata.PersonalDataProtector;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Uploaded rosters in {@code enrolment_uploads}, in chunks of {@value #CHUNK_BYTES} bytes, each encrypted with the
 * personal-data key (AES-256-GCM or SM4, key id stored with the ciphertext, so keys rotate as for any field). In
 * the database, not on a local disk, so any instance can resume a job whose worker died; deleted when the job ends.
 * The last chunk is marked, so a roster cut short is noticed rather than imported in part.
 */
@Repository
class EncryptedRosterFiles implements RosterFiles {

    static final String COLLECTION = "enrolment_uploads";
    static final int CHUNK_BYTES = 512 * 1024;

    private final MongoTemplate mongo;
    private final PersonalDataProtector protector;

    EncryptedRosterFiles(MongoTemplate mongo, PersonalDataProtector protector) {
        this.mongo = mongo;
        this.protector = protector;
    }

    @Override
    public void store(String jobId, InputStream content) throws IOException {
        delete(jobId);
        Date storedAt = new Date();
        byte[] chunk = content.readNBytes(CHUNK_BYTES);
        int seq = 0;
        while (true) {
            byte[] next = chunk.length < CHUNK_BYTES ? new byte[0] : content.readNBytes(CHUNK_BYTES);
            boolean last = next.length == 0;
            mongo.insert(new Document("_id", id(jobId, seq)).append("jobId", jobId).append("seq", seq)
                    .append("last", last).append("storedAt", storedAt)
                    .append("data", protector.encrypt(Base64.getEncoder().encodeToString(chunk))), COLLECTION);
            if (last) {
                return;
            }
            chunk = next;
            seq++;
        }
    }

    @Override
    public InputStream open(String jobId) {
        Document first = chunk(jobId, 0);
        if (first == null) {
            throw new MissingRoster("no roster is stored for the job");
        }
        return new ChunkStream(jobId, first);
    }

    @Override
    public void delete(String jobId) {
        mongo.remove(Query.query(where("jobId").is(jobId)), COLLECTION);
    }

    @Override
    public Set<String> storedBefore(Instant instant) {
        return new HashSet<>(mongo.findDistinct(Query.query(where("storedAt").lt(Date.from(instant))), "jobId",
                COLLECTION, String.class));
    }

    private Document chunk(String jobId, int seq) {
        return mongo.findById(id(jobId, seq), Document.class, COLLECTION);
    }

    private byte[] decrypt(Document chunk) {
        try {
            return Base64.getDecoder().decode(protector.decrypt(chunk.getString("data")));
        } catch (FieldDecryptionException | IllegalArgumentException e) {
            throw new MissingRoster("the stored roster cannot be decrypted");
        }
    }

    private static String id(String jobId, int seq) {
        return jobId + "/" + seq;
    }

    /** Decrypts one chunk at a time: memory stays at one chunk whatever the roster's size. */
    private final class ChunkStream extends InputStream {

        private final String jobId;
        private byte[] current;
        private int position;
        private int seq;
        private boolean last;

        ChunkStream(String jobId, Document first) {
            this.jobId = jobId;
            load(first);
        }

        private void load(Document chunk) {
            current = decrypt(chunk);
            position = 0;
            last = Boolean.TRUE.equals(chunk.getBoolean("last"));
        }

        private boolean advance() {
            while (position >= current.length) {
                if (last) {
                    return false;
                }
                Document next = chunk(jobId, ++seq);
                if (next == null) {
                    throw new MissingRoster("the stored roster is incomplete");
                }
                load(next);
            }
            return true;
        }

        @Override
        public int read() {
            return advance() ? current[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!advance()) {
                return -1;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
