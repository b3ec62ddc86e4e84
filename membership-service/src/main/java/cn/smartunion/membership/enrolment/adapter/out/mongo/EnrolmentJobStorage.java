package cn.smartunion.membership.enrolment.adapter.out.mongo;

import cn.smartunion.runtime.rescope.RescopeTarget;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Import jobs are owned by their union: they follow it when part of the tree moves. No version is bumped, because a
 * job's writers are guarded by its claim, not by a version.
 */
@Configuration(proxyBeanMethods = false)
class EnrolmentJobStorage {

    @Bean
    RescopeTarget enrolmentJobsRescopeTarget() {
        return RescopeTarget.ownedRecords(EnrolmentJobDocument.COLLECTION, "orgPath", null);
    }
}
