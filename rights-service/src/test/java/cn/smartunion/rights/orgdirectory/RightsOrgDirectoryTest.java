package cn.smartunion.rights.orgdirectory;

import cn.smartunion.runtime.testing.OrgDirectoryConsumerContract;

/** rights-service keeps its own copy of the union tree from membership-service's events. */
class RightsOrgDirectoryTest extends OrgDirectoryConsumerContract {

    @Override
    protected String apiPath() {
        return "/api/rights/v1";
    }
}
