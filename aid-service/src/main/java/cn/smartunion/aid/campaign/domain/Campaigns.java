package cn.smartunion.aid.campaign.domain;

import cn.smartunion.contracts.aid.CampaignLaunched;

import java.util.List;
import java.util.Optional;

/** The campaigns; every write a single-document, conditional one. */
public interface Campaigns {

    void add(Campaign campaign);

    Optional<Campaign> find(String id);

    Optional<Campaign> findWithin(String id, String scopePath);

    List<Campaign> listWithin(String scopePath, String programmeCode, String cycle, CampaignStatus status, int page,
                              int size);

    long countWithin(String scopePath, String programmeCode, String cycle, CampaignStatus status);

    /** Stores {@code launched} with its event if the campaign is still in {@code from}. @return false otherwise */
    boolean transition(Campaign changed, CampaignStatus from, CampaignLaunched event);

    CampaignTotals totals(String campaignId);
}
