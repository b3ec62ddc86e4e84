package cn.smartunion.membership.enrolment.adapter.out.mongo;

import cn.smartunion.runtime.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An import job as stored: facts of its file (never its content), progress, the worker lease, and the events still
 * waiting in its outbox. Holds no ID or phone number.
 */
@Document(EnrolmentJobDocument.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "scope_newest_first", def = "{'orgPath': 1, 'requestedAt': -1}"),
        @CompoundIndex(name = "claimable", def = "{'status': 1, 'leaseUntil': 1}")})
class EnrolmentJobDocument {

    static final String COLLECTION = "enrolment_jobs";

    @Id
    String id;
    String orgId;
    String orgPath;
    String joinChannel;
    String campaignId;
    /** orgId:sha256 while the job may be returned for a re-upload; removed when it fails, so a retry can upload. */
    @Indexed(unique = true, sparse = true)
    String rosterKey;
    FileFacts file;
    String requestedBy;
    Instant requestedAt;
    String status;
    int processed;
    int activated;
    int alreadyMembers;
    int rejected;
    int checkpointRow;
    Instant startedAt;
    Instant finishedAt;
    String failureCode;
    /** The instance working the job, and until when it holds it unless it reports again. */
    String worker;
    Instant leaseUntil;
    int attempts;
    List<OutboxEvent> outbox = new ArrayList<>();

    static class FileFacts {
        String name;
        String format;
        String encoding;
        long sizeBytes;
        String sha256;
        int dataRows;
        List<ColumnFacts> columns = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
    }

    static class ColumnFacts {
        String field;
        String header;
        int index;
    }
}
