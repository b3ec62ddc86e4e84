package cn.smartunion.membership.member.adapter.out.mongo;

import cn.smartunion.runtime.rescope.RescopeTarget;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Members are owned by their union: when part of the tree moves, the runtime re-paths them on {@code OrgMoved}
 * (bumping {@code version}, so a writer holding the old path fails its optimistic lock instead of writing it back).
 */
@Configuration(proxyBeanMethods = false)
class MemberStorage {

    @Bean
    RescopeTarget membersRescopeTarget() {
        return RescopeTarget.ownedRecords(MemberDocument.COLLECTION, "orgPath", "version");
    }
}
