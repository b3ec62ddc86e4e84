package cn.smartunion.membership.recognition.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A member's honours, titles and certified skill levels as competition-service conferred them (劳模, 五一劳动奖章,
 * 技术能手, 技能等级 …), shown on the member's profile. A revoked honour stays listed with the date it was revoked.
 */
public record Recognitions(List<Honour> honours, List<Title> titles, List<SkillLevel> skillLevels) {

    public static final Recognitions NONE = new Recognitions(List.of(), List.of(), List.of());

    public Recognitions {
        honours = honours.stream().sorted(Comparator.comparing(Honour::conferredOn).reversed()).toList();
        titles = titles.stream().sorted(Comparator.comparing(Title::conferredOn).reversed()).toList();
        skillLevels = skillLevels.stream().sorted(Comparator.comparing(SkillLevel::certifiedOn).reversed()).toList();
    }

    /** @param revokedOn null while the honour stands */
    public record Honour(String honourId, String type, String level, String cycle, LocalDate conferredOn,
                         LocalDate revokedOn) {
    }

    public record Title(String titleId, String title, String level, String trade, String competitionId,
                        LocalDate conferredOn) {
    }

    public record SkillLevel(String certificationId, String trade, String level, String certifier,
                             LocalDate certifiedOn) {
    }
}
