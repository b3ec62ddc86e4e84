package cn.smartunion.aid.campaign.domain;

/**
 * What a campaign has distributed so far: 慰问人次 ({@code personTimes}, a work site counting its workers), money
 * in fen, the distinct work sites visited and the delivery records.
 */
public record CampaignTotals(long personTimes, long cashFen, long inKindFen, long sitesVisited, long deliveries) {

    public static final CampaignTotals NONE = new CampaignTotals(0, 0, 0, 0, 0);
}
