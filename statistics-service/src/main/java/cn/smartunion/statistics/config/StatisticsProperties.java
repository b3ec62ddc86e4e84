package cn.smartunion.statistics.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;
import java.util.List;

/**
 * {@code smartunion.statistics.*}.
 *
 * @param zone                   the reports' calendar: an instant counts on its date in this zone
 * @param schoolAidProgramme     the aid programme code of 金秋助学
 * @param newFormWorkerTags      worker-group tags counted as 新就业形态
 * @param migrantWorkerTags      worker-group tags counted as 农民工
 * @param collectiveJoinChannels join channels counted as 集中入会
 */
@ConfigurationProperties("smartunion.statistics")
public record StatisticsProperties(ZoneId zone, String schoolAidProgramme, List<String> newFormWorkerTags,
                                   List<String> migrantWorkerTags, List<String> collectiveJoinChannels) {

    public StatisticsProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        schoolAidProgramme = schoolAidProgramme == null ? "SCHOOL" : schoolAidProgramme;
        newFormWorkerTags = newFormWorkerTags == null ? List.of("NEW_FORM_WORKER") : List.copyOf(newFormWorkerTags);
        migrantWorkerTags = migrantWorkerTags == null ? List.of("MIGRANT_WORKER") : List.copyOf(migrantWorkerTags);
        collectiveJoinChannels = collectiveJoinChannels == null
                ? List.of("COLLECTIVE_REGISTRATION", "CONCENTRATED_CAMPAIGN") : List.copyOf(collectiveJoinChannels);
    }
}
