package cn.smartunion.aid.campaign.domain;

import cn.smartunion.contracts.aid.CondolenceDelivered;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The deliveries of campaigns ({@code condolence_deliveries}). */
public interface Deliveries {

    /** Stores the delivery with its event, unpaid; a delivery stored before under the same id is kept as it is. */
    void add(Delivery delivery, CondolenceDelivered event);

    Optional<Delivery> find(String id);

    Optional<Delivery> findWithin(String id, String scopePath);

    List<Delivery> listOfCampaign(String campaignId, int page, int size);

    long countOfCampaign(String campaignId);

    /** Deliveries recorded before {@code before} that still have money unpaid (a crash between record and payment). */
    List<Delivery> unpaidRecordedBefore(Instant before, int limit);
}
