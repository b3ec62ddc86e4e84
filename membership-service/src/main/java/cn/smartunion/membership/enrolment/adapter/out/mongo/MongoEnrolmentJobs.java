package cn.smartunion.membership.enrolment.adapter.out.mongo;

import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.membership.enrolment.domain.EnrolmentJob;
import cn.smartunion.membership.enrolment.domain.EnrolmentJobs;
import cn.smartunion.membership.enrolment.domain.FailureCode;
import cn.smartunion.membership.enrolment.domain.JobCounts;
import cn.smartunion.membership.enrolment.domain.JobStatus;
import cn.smartunion.membership.enrolment.domain.Rejection;
import cn.smartunion.membership.enrolment.domain.RosterFile;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Jobs in {@code enrolment_jobs}, rejected rows in {@code enrolment_rejections}. Every write of a worker is one
 * conditional single-document update (filtered on the worker holding the job and, for progress, on the checkpoint
 * it started from), so two workers can never both move a job, and completion with its outbox event happens once.
 */
@Repository
class MongoEnrolmentJobs implements EnrolmentJobs {

    static final String REJECTIONS = "enrolment_rejections";

    private static final List<String> ACTIVE = List.of(JobStatus.QUEUED.name(), JobStatus.RUNNING.name());

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;

    MongoEnrolmentJobs(MongoTemplate mongo, OutboxEvents outboxEvents) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        mongo.indexOps(REJECTIONS).createIndex(new Index().on("jobId", Sort.Direction.ASC)
                .on("row", Sort.Direction.ASC).named("job_rows"));
    }

    @Override
    public void add(EnrolmentJob job) {
        EnrolmentJobDocument d = new EnrolmentJobDocument();
        d.id = job.id();
        d.orgId = job.orgId();
        d.orgPath = job.orgPath();
        d.joinChannel = job.joinChannel().name();
        d.campaignId = job.campaignId();
        d.rosterKey = job.rosterKey();
        d.file = facts(job.file());
        d.requestedBy = job.requestedBy();
        d.requestedAt = job.requestedAt();
        d.status = job.status().name();
        d.checkpointRow = job.checkpointRow();
        d.leaseUntil = job.requestedAt();
        try {
            mongo.insert(d);
        } catch (DuplicateKeyException e) {
            throw new DuplicateRoster();
        }
    }

    @Override
    public Optional<EnrolmentJob> findByRosterKey(String rosterKey) {
        return one(Query.query(where("rosterKey").is(rosterKey)));
    }

    @Override
    public Optional<JobStatus> statusOf(String id) {
        Query query = Query.query(where("_id").is(id));
        query.fields().include("status");
        return Optional.ofNullable(mongo.findOne(query, Document.class, EnrolmentJobDocument.COLLECTION))
                .map(d -> JobStatus.valueOf(d.getString("status")));
    }

    @Override
    public Optional<EnrolmentJob> findWithin(String id, String scopePath) {
        return one(Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", scopePath)));
    }

    @Override
    public PageOf<EnrolmentJob> listWithin(String scopePath, int page, int size) {
        Query query = new Query(OrgScope.subtree("orgPath", scopePath));
        long total = mongo.count(query, EnrolmentJobDocument.class);
        query.with(Sort.by(Sort.Direction.DESC, "requestedAt")).skip((long) page * size).limit(size);
        withoutOutbox(query);
        var items = mongo.find(query, EnrolmentJobDocument.class).stream().map(MongoEnrolmentJobs::toDomain).toList();
        return new PageOf<>(items, page, size, total);
    }

    @Override
    public Optional<EnrolmentJob> claimNext(String worker, Instant now, Instant leaseUntil, int maxAttempts) {
        Query claimable = Query.query(where("status").in(ACTIVE).and("leaseUntil").lte(now)
                .and("attempts").lt(maxAttempts)).with(Sort.by("requestedAt"));
        withoutOutbox(claimable);
        Update claim = new Update().set("status", JobStatus.RUNNING.name()).set("worker", worker)
                .set("leaseUntil", leaseUntil).inc("attempts", 1).min("startedAt", now);
        return Optional.ofNullable(mongo.findAndModify(claimable, claim,
                FindAndModifyOptions.options().returnNew(true), EnrolmentJobDocument.class))
                .map(MongoEnrolmentJobs::toDomain);
    }

    @Override
    public List<String> exhausted(Instant now, int maxAttempts) {
        Query query = Query.query(where("status").in(ACTIVE).and("leaseUntil").lte(now)
                .and("attempts").gte(maxAttempts));
        query.fields().include("_id");
        return mongo.find(query, Document.class, EnrolmentJobDocument.COLLECTION).stream()
                .map(d -> d.getString("_id")).toList();
    }

    @Override
    public boolean extendLease(String id, String worker, Instant leaseUntil) {
        return mongo.updateFirst(held(id, worker), new Update().set("leaseUntil", leaseUntil),
                EnrolmentJobDocument.class).getMatchedCount() == 1;
    }

    @Override
    public boolean recordProgress(String worker, int fromRow, JobCounts delta, EnrolmentJob progressed,
                                  Instant leaseUntil) {
        Query query = held(progressed.id(), worker).addCriteria(where("checkpointRow").is(fromRow));
        Update update = new Update()
                .inc("processed", delta.processed())
                .inc("activated", delta.activated())
                .inc("alreadyMembers", delta.alreadyMembers())
                .inc("rejected", delta.rejected())
                .set("checkpointRow", progressed.checkpointRow())
                .set("leaseUntil", leaseUntil);
        return mongo.updateFirst(query, update, EnrolmentJobDocument.class).getMatchedCount() == 1;
    }

    @Override
    public boolean complete(String worker, int atRow, EnrolmentJob.Completed completion) {
        EnrolmentJob job = completion.job();
        Query query = held(job.id(), worker).addCriteria(where("checkpointRow").is(atRow));
        OutboxEvent event = outboxEvents.create(EventTypes.COLLECTIVE_ENROLMENT_COMPLETED, job.id(), job.orgPath(),
                completion.event());
        Update update = new Update()
                .set("status", JobStatus.COMPLETED.name())
                .set("finishedAt", job.finishedAt())
                .unset("worker")
                .unset("leaseUntil")
                .push(OutboxEvent.FIELD, outboxDocument(event));
        return mongo.updateFirst(query, update, EnrolmentJobDocument.class).getMatchedCount() == 1;
    }

    @Override
    public boolean fail(String id, String worker, FailureCode failure, Instant now) {
        Query query = Query.query(where("_id").is(id).and("status").in(ACTIVE));
        if (worker != null) {
            query.addCriteria(where("worker").is(worker));
        }
        Update update = new Update()
                .set("status", JobStatus.FAILED.name())
                .set("failureCode", failure.name())
                .set("finishedAt", now)
                .unset("worker")
                .unset("leaseUntil")
                .unset("rosterKey");
        return mongo.updateFirst(query, update, EnrolmentJobDocument.class).getMatchedCount() == 1;
    }

    @Override
    public void release(String id, String worker, Instant retryAt) {
        mongo.updateFirst(held(id, worker), new Update().set("leaseUntil", retryAt).unset("worker"),
                EnrolmentJobDocument.class);
    }

    @Override
    public void addRejections(String jobId, List<Rejection> rejections) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, REJECTIONS);
        for (Rejection r : rejections) {
            Update row = new Update()
                    .set("jobId", jobId)
                    .set("row", r.row())
                    .set("reason", r.reason())
                    .set("field", r.field())
                    .set("detail", r.detail())
                    .set("value", r.value())
                    .set("sameAsRow", r.sameAsRow());
            bulk.upsert(Query.query(where("_id").is(jobId + "/" + r.row())), row);
        }
        bulk.execute();
    }

    @Override
    public PageOf<Rejection> rejections(String jobId, int page, int size) {
        Query query = Query.query(where("jobId").is(jobId));
        long total = mongo.count(query, REJECTIONS);
        query.with(Sort.by("row")).skip((long) page * size).limit(size);
        var items = mongo.find(query, Document.class, REJECTIONS).stream().map(MongoEnrolmentJobs::rejection).toList();
        return new PageOf<>(items, page, size, total);
    }

    @Override
    public void forEachRejection(String jobId, Consumer<Rejection> action) {
        Query query = Query.query(where("jobId").is(jobId)).with(Sort.by("row"));
        try (Stream<Document> rows = mongo.stream(query, Document.class, REJECTIONS)) {
            rows.map(MongoEnrolmentJobs::rejection).forEach(action);
        }
    }

    private static Query held(String id, String worker) {
        return Query.query(where("_id").is(id).and("worker").is(worker).and("status").is(JobStatus.RUNNING.name()));
    }

    private Optional<EnrolmentJob> one(Query query) {
        withoutOutbox(query);
        return Optional.ofNullable(mongo.findOne(query, EnrolmentJobDocument.class)).map(MongoEnrolmentJobs::toDomain);
    }

    private static void withoutOutbox(Query query) {
        query.fields().exclude(OutboxEvent.FIELD);
    }

    private static Document outboxDocument(OutboxEvent e) {
        return new Document("eventId", e.eventId()).append("type", e.type()).append("topic", e.topic())
                .append("source", e.source()).append("subject", e.subject()).append("orgPath", e.orgPath())
                .append("time", e.time() == null ? null : Date.from(e.time())).append("dataSchema", e.dataSchema())
                .append("traceparent", e.traceparent()).append("data", e.data());
    }

    private static EnrolmentJobDocument.FileFacts facts(RosterFile file) {
        EnrolmentJobDocument.FileFacts f = new EnrolmentJobDocument.FileFacts();
        f.name = file.name();
        f.format = file.format().name();
        f.encoding = file.encoding();
        f.sizeBytes = file.sizeBytes();
        f.sha256 = file.sha256();
        f.dataRows = file.dataRows();
        for (RosterFile.Column column : file.columns()) {
            EnrolmentJobDocument.ColumnFacts c = new EnrolmentJobDocument.ColumnFacts();
            c.field = column.field();
            c.header = column.header();
            c.index = column.index();
            f.columns.add(c);
        }
        f.ignored.addAll(file.ignored());
        return f;
    }

    private static EnrolmentJob toDomain(EnrolmentJobDocument d) {
        var f = d.file;
        RosterFile file = new RosterFile(f.name, RosterFile.Format.valueOf(f.format), f.encoding, f.sizeBytes,
                f.sha256, f.dataRows,
                f.columns.stream().map(c -> new RosterFile.Column(c.field, c.header, c.index)).toList(),
                f.ignored);
        return EnrolmentJob.restore(d.id, d.orgId, d.orgPath, JoinChannel.valueOf(d.joinChannel), d.campaignId, file,
                d.requestedBy, d.requestedAt, JobStatus.valueOf(d.status),
                new JobCounts(d.processed, d.activated, d.alreadyMembers, d.rejected), d.checkpointRow, d.startedAt,
                d.finishedAt, d.failureCode == null ? null : FailureCode.valueOf(d.failureCode));
    }

    private static Rejection rejection(Document d) {
        return new Rejection(d.getInteger("row"), d.getString("reason"), d.getString("field"), d.getString("detail"),
                d.getString("value"), d.getInteger("sameAsRow"));
    }
}
