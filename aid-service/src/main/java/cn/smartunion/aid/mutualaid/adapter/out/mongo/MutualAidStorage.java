package cn.smartunion.aid.mutualaid.adapter.out.mongo;

import cn.smartunion.runtime.rescope.RescopeTarget;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mutual-aid plans, enrolments and claims follow their union when part of the tree moves. */
@Configuration(proxyBeanMethods = false)
class MutualAidStorage {

    @Bean
    RescopeTarget mutualAidPlansRescopeTarget() {
        return RescopeTarget.ownedRecords(MongoPlans.COLLECTION, "orgPath", "version");
    }

    @Bean
    RescopeTarget mutualAidEnrolmentsRescopeTarget() {
        return RescopeTarget.ownedRecords(MongoEnrolments.COLLECTION, "orgPath", "version");
    }

    @Bean
    RescopeTarget mutualAidClaimsRescopeTarget() {
        return RescopeTarget.ownedRecords(MongoClaims.COLLECTION, "orgPath", "version");
    }
}
