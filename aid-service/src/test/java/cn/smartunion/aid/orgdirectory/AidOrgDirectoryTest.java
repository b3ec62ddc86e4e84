package cn.smartunion.aid.orgdirectory;

import cn.smartunion.runtime.testing.OrgDirectoryConsumerContract;

/** aid-service keeps its own copy of the union tree from membership-service's events. */
class AidOrgDirectoryTest extends OrgDirectoryConsumerContract {

    @Override
    protected String apiPath() {
        return "/api/aid/v1";
    }
}
