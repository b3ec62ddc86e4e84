package cn.smartunion.membership.joining.adapter.out.mongo;

import cn.smartunion.runtime.rescope.RescopeTarget;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Applications are owned by their target union: they follow it when part of the tree moves. */
@Configuration(proxyBeanMethods = false)
class ApplicationStorage {

    @Bean
    RescopeTarget applicationsRescopeTarget() {
        return RescopeTarget.ownedRecords(ApplicationDocument.COLLECTION, "orgPath", "version");
    }
}
