package cn.smartunion.competition.judging.domain;

import cn.smartunion.contracts.competition.PrizeClass;
import cn.smartunion.contracts.competition.SkillLevel;
import cn.smartunion.contracts.competition.TitleType;

/**
 * Ranks {@code fromRank..toRank} (inclusive) earn {@code prizeClass}, and optionally a title and a skill level when
 * the results are final.
 */
public record AwardBand(int fromRank, int toRank, PrizeClass prizeClass, TitleType title, SkillLevel skillLevel) {

    public boolean covers(int rank) {
        return rank >= fromRank && rank <= toRank;
    }
}
