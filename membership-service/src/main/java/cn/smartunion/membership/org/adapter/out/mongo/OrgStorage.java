package cn.smartunion.membership.org.adapter.out.mongo;

import cn.smartunion.runtime.rescope.RescopeTarget;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The org collection is a rescope target: the runtime's sweeper finishes moves a crash interrupted. */
@Configuration(proxyBeanMethods = false)
class OrgStorage {

    /** The tree itself: the moved unit has its new path already; re-pathed units get a new revision. */
    static final RescopeTarget ORGS_BELOW = RescopeTarget.treeBelow(OrgUnitDocument.COLLECTION, "path", "version");

    @Bean
    RescopeTarget orgsRescopeTarget() {
        return ORGS_BELOW;
    }
}
