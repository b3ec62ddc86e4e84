package cn.smartunion.aid.campaign.domain;

/** PLANNED → LAUNCHED (deliveries may be recorded) → CLOSED. A planned campaign may be closed without launching. */
public enum CampaignStatus {
    PLANNED,
    LAUNCHED,
    CLOSED
}
