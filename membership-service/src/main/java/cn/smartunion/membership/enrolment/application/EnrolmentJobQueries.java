package cn.smartunion.membership.enrolment.application;

import cn.smartunion.membership.enrolment.domain.EnrolmentJob;
import cn.smartunion.membership.enrolment.domain.EnrolmentJobs;
import cn.smartunion.membership.enrolment.domain.Rejection;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.util.function.Consumer;

/** Reading jobs and their rejected rows: limited to the caller's subtree in the query itself. */
@Service
public class EnrolmentJobQueries {

    public static final int MAX_PAGE_SIZE = 200;

    private final EnrolmentJobs jobs;

    public EnrolmentJobQueries(EnrolmentJobs jobs) {
        this.jobs = jobs;
    }

    public EnrolmentJob get(String id, OrgPrincipal caller) {
        EnrolmentJob job = jobs.findWithin(id, scopeOf(caller))
                .orElseThrow(() -> new NotFoundException("enrolment job not found"));
        EnrolmentJobSubmission.requireStaff(caller);
        return job;
    }

    public EnrolmentJobs.PageOf<EnrolmentJob> list(OrgPrincipal caller, int page, int size) {
        String scope = scopeOf(caller);
        EnrolmentJobSubmission.requireStaff(caller);
        return jobs.listWithin(scope, page, Math.min(size, MAX_PAGE_SIZE));
    }

    /** Rejected rows of a job the caller has been given by {@link #get}. */
    public EnrolmentJobs.PageOf<Rejection> rejections(EnrolmentJob job, int page, int size) {
        return jobs.rejections(job.id(), page, Math.min(size, MAX_PAGE_SIZE));
    }

    /** Every rejected row of a job the caller has been given by {@link #get}, in row order (for the CSV). */
    public void forEachRejection(EnrolmentJob job, Consumer<Rejection> action) {
        jobs.forEachRejection(job.id(), action);
    }

    private static String scopeOf(OrgPrincipal caller) {
        if (caller.orgPath() == null) {
            throw new AccessDeniedException("the caller belongs to no union organisation");
        }
        return caller.orgPath();
    }
}
