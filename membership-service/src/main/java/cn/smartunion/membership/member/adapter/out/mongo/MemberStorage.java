package cn.smartunion.membership.member.adapter.out.mongo;

import cn.smartunion.runtime.rescope.RescopeTarget;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Members are owned by their union: when part of the tree moves, the runtime re-paths them on {@code OrgMoved}
 * (bumping {@code version}, so a writer holding the old path fails its optimistic lock instead of writing it back).
 * A pending transfer follows too: its origin with the member, its destination on its own, so the destination's
 * time-boxed view (a query on {@code pendingTransfer.toOrgPath}) keeps matching its staff's new path.
 */
@Configuration(proxyBeanMethods = false)
class MemberStorage {

    @Bean
    RescopeTarget membersRescopeTarget() {
        return RescopeTarget.ownedRecords(MemberDocument.COLLECTION, "orgPath", "version");
    }

    @Bean
    RescopeTarget pendingTransferOriginRescopeTarget() {
        return RescopeTarget.ownedRecords(MemberDocument.COLLECTION, "pendingTransfer.fromOrgPath", "version");
    }

    @Bean
    RescopeTarget pendingTransferDestinationRescopeTarget() {
        return RescopeTarget.ownedRecords(MemberDocument.COLLECTION, "pendingTransfer.toOrgPath", "version");
    }
}
