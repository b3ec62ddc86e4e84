package cn.smartunion.aid.campaign.adapter.out.mongo;

import cn.smartunion.aid.campaign.domain.DistributionJob;
import cn.smartunion.aid.campaign.domain.DistributionJobs;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code distribution_jobs}: the list is kept encrypted in the job ({@code list}) until the job ends. A worker leases
 * a job with one {@code findAndModify} (queued, or running with an expired lease), and each checkpoint is one update
 * conditional on still holding the lease at the expected row, moving {@code nextRow} and the counters together.
 */
@Repository
class MongoDistributionJobs implements DistributionJobs {

    static final String COLLECTION = "distribution_jobs";
    /** Row rejections kept per job; the counters still count every one. */
    static final int MAX_REJECTIONS = 10_000;

    private final MongoTemplate mongo;

    MongoDistributionJobs(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public DistributionJob submit(DistributionJob job, String encryptedList) {
        Document d = new Document("_id", job.id())
                .append("campaignId", job.campaignId())
                .append("orgId", job.orgId())
                .append("orgPath", job.orgPath())
                .append("status", DistributionJob.Status.QUEUED.name())
                .append("rowsTotal", job.rowsTotal())
                .append("nextRow", 0)
                .append("rowsProcessed", 0)
                .append("accepted", 0)
                .append("rejected", 0)
                .append("rejections", List.of())
                .append("list", encryptedList)
                .append("createdBy", job.createdBy())
                .append("createdAt", Date.from(job.createdAt()))
                .append("version", 0L);
        try {
            mongo.insert(d, COLLECTION);
        } catch (DuplicateKeyException uploadedBefore) {
            // the same file for the same campaign: the job that exists answers
        }
        return toJob(mongo.findById(job.id(), Document.class, COLLECTION));
    }

    @Override
    public Optional<DistributionJob> findWithin(String id, String scopePath) {
        Query query = Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", scopePath));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoDistributionJobs::toJob);
    }

    @Override
    public Optional<Leased> lease(String owner, Instant now, Instant until) {
        Query leasable = new Query(new Criteria().orOperator(
                where("status").is(DistributionJob.Status.QUEUED.name()),
                where("status").is(DistributionJob.Status.RUNNING.name()).and("leaseUntil").lt(Date.from(now))))
                .with(Sort.by("createdAt"));
        Update take = new Update().set("status", DistributionJob.Status.RUNNING.name()).set("leaseOwner", owner)
                .set("leaseUntil", Date.from(until)).inc("version", 1);
        Document d = mongo.findAndModify(leasable, take, FindAndModifyOptions.options().returnNew(true),
                Document.class, COLLECTION);
        if (d == null) {
            return Optional.empty();
        }
        return Optional.of(new Leased(toJob(d), d.getString("list"), d.get("nextRow", Number.class).intValue()));
    }

    @Override
    public boolean checkpoint(String jobId, String owner, int fromRow, int nextRow, int accepted, int rejected,
                              List<DistributionJob.RowRejection> rejections, Instant leaseUntil) {
        Query query = Query.query(where("_id").is(jobId).and("leaseOwner").is(owner).and("nextRow").is(fromRow)
                .and("status").is(DistributionJob.Status.RUNNING.name()));
        Update update = new Update().set("nextRow", nextRow).inc("rowsProcessed", nextRow - fromRow)
                .inc("accepted", accepted).inc("rejected", rejected).set("leaseUntil", Date.from(leaseUntil))
                .inc("version", 1);
        if (!rejections.isEmpty()) {
            List<Document> rows = rejections.stream().map(r -> new Document("row", r.row()).append("code", r.code())
                    .append("field", r.field())).toList();
            update.push("rejections").slice(MAX_REJECTIONS).each(rows.toArray());
        }
        return mongo.updateFirst(query, update, COLLECTION).getModifiedCount() > 0;
    }

    @Override
    public void finish(String jobId, String owner, DistributionJob.Status status, Instant now) {
        Query query = Query.query(where("_id").is(jobId).and("leaseOwner").is(owner));
        mongo.updateFirst(query, new Update().set("status", status.name()).set("finishedAt", Date.from(now))
                .unset("list").unset("leaseOwner").unset("leaseUntil").inc("version", 1), COLLECTION);
    }

    private static DistributionJob toJob(Document d) {
        List<DistributionJob.RowRejection> rejections = new ArrayList<>();
        List<?> stored = d.get("rejections", List.class);
        if (stored != null) {
            for (Object o : stored) {
                Document r = (Document) o;
                rejections.add(new DistributionJob.RowRejection(r.get("row", Number.class).intValue(),
                        r.getString("code"), r.getString("field")));
            }
        }
        Date finished = d.getDate("finishedAt");
        return new DistributionJob(d.getString("_id"), d.getString("campaignId"), d.getString("orgId"),
                d.getString("orgPath"), DistributionJob.Status.valueOf(d.getString("status")),
                d.get("rowsTotal", Number.class).intValue(), d.get("rowsProcessed", Number.class).intValue(),
                d.get("accepted", Number.class).intValue(), d.get("rejected", Number.class).intValue(), rejections,
                d.getString("createdBy"), d.getDate("createdAt").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
