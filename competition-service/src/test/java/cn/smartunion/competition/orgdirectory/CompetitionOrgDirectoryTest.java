package cn.smartunion.competition.orgdirectory;

import cn.smartunion.runtime.testing.OrgDirectoryConsumerContract;

/** competition-service keeps its own copy of the union tree from membership-service's events. */
class CompetitionOrgDirectoryTest extends OrgDirectoryConsumerContract {

    @Override
    protected String apiPath() {
        return "/api/competition/v1";
    }
}
