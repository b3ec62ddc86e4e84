package cn.smartunion.competition.competition.domain;

import cn.smartunion.competition.web.CompetitionRuleViolation;
import cn.smartunion.competition.web.CompetitionStatusConflict;
import cn.smartunion.contracts.competition.CoOrganiserKind;
import cn.smartunion.contracts.competition.CompetitionClass;
import cn.smartunion.contracts.competition.CompetitionLevel;
import cn.smartunion.contracts.competition.CompetitionPublished;
import cn.smartunion.contracts.competition.CompetitionType;
import cn.smartunion.contracts.competition.EntrantType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompetitionTest {

    static final Instant OPENS = Instant.parse("2026-05-01T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2026-05-31T00:00:00Z");

    static CompetitionDetails skills(List<String> trades, List<CompetitionDetails.Stage> stages) {
        return new CompetitionDetails("焊工技能竞赛", "车城工匠杯", CompetitionType.SKILLS, CompetitionLevel.CITY,
                CompetitionClass.SECOND, List.of(new CompetitionDetails.CoOrganiser(CoOrganiserKind.HR_DEPARTMENT,
                "十堰市人社局"), new CompetitionDetails.CoOrganiser(CoOrganiserKind.HR_DEPARTMENT, "郧西县人社局")),
                trades, List.of(EntrantType.INDIVIDUAL, EntrantType.TEAM), null,
                new CompetitionDetails.Eligibility(true, List.of(), 18, 60),
                new CompetitionDetails.Window(OPENS, CLOSES), stages, null, null);
    }

    @Test
    void aDraftGetsOneFinalStageAndTheDefaultTeamSizeAndPublishingAnnouncesWhatAnalystsCount() {
        Competition draft = Competition.draft("c-1", "o-1", "420000/420300", skills(List.of("WELDER"), List.of()),
                "sub-1", OPENS.minusSeconds(3600));
        assertThat(draft.details().stages()).containsExactly(new CompetitionDetails.Stage("FINAL", "决赛", 1));
        assertThat(draft.details().teamSize()).isEqualTo(CompetitionDetails.DEFAULT_TEAM_SIZE);

        CompetitionPublished published = draft.publish(OPENS.minusSeconds(60));

        assertThat(draft.status()).isEqualTo(CompetitionStatus.PUBLISHED);
        assertThat(published.coOrganiserKinds()).containsExactly(CoOrganiserKind.HR_DEPARTMENT);
        assertThat(published.trades()).containsExactly("WELDER");
        assertThat(published.stages()).containsExactly("FINAL");
        assertThat(published.membersOnly()).isTrue();
        assertThat(published.teamSizeMin()).isEqualTo(2);
        assertThat(draft.registrationOpenAt(OPENS.minusSeconds(1))).isFalse();
        assertThat(draft.registrationOpenAt(OPENS)).isTrue();
        assertThat(draft.registrationOpenAt(CLOSES)).isFalse();
    }

    @Test
    void onlyADraftIsEditedOrPublishedAndOnlyAPublishedOneCloses() {
        Competition c = Competition.draft("c-1", "o-1", "420000", skills(List.of("WELDER"), List.of()), "s", OPENS);
        assertThatThrownBy(c::close).isInstanceOf(CompetitionStatusConflict.class);
        c.publish(OPENS);
        assertThatThrownBy(() -> c.edit(skills(List.of("WELDER"), List.of())))
                .isInstanceOf(CompetitionStatusConflict.class);
        assertThatThrownBy(() -> c.publish(OPENS)).isInstanceOf(CompetitionStatusConflict.class);
        c.close();
        assertThatThrownBy(() -> c.cancel(OPENS)).isInstanceOf(CompetitionStatusConflict.class)
                .hasMessageContaining("CLOSED");
        assertThatThrownBy(() -> c.requireRegistrationOpen(OPENS)).isInstanceOf(CompetitionStatusConflict.class);
    }

    @Test
    void registrationOutsideTheWindowNamesWhy() {
        Competition c = Competition.draft("c-1", "o-1", "420000", skills(List.of("WELDER"), List.of()), "s", OPENS);
        c.publish(OPENS);
        assertThatThrownBy(() -> c.requireRegistrationOpen(CLOSES))
                .isInstanceOfSatisfying(CompetitionStatusConflict.class,
                        conflict -> assertThat(conflict.status()).isEqualTo("REGISTRATION_CLOSED"));
        assertThatThrownBy(() -> c.requireRegistrationOpen(OPENS.minusSeconds(1)))
                .isInstanceOfSatisfying(CompetitionStatusConflict.class,
                        conflict -> assertThat(conflict.status()).isEqualTo("REGISTRATION_NOT_YET_OPEN"));
    }

    @Test
    void aSkillsCompetitionNeedsTradesAndStagesMustBeDistinct() {
        assertThatThrownBy(() -> skills(List.of(), List.of()).validated())
                .isInstanceOfSatisfying(CompetitionRuleViolation.class, v -> assertThat(v.field()).isEqualTo("trades"));
        assertThatThrownBy(() -> skills(List.of("WELDER"), List.of(new CompetitionDetails.Stage("FINAL", "决赛", 0),
                new CompetitionDetails.Stage("FINAL", "总决赛", 0))).validated())
                .isInstanceOfSatisfying(CompetitionRuleViolation.class,
                        v -> assertThat(v.field()).isEqualTo("stages[1].code"));
    }

    @Test
    void aLowerLevelIsBelow() {
        Competition provincial = Competition.draft("c-2", "o-1", "420000", new CompetitionDetails("省赛", null,
                CompetitionType.SKILLS, CompetitionLevel.PROVINCIAL, CompetitionClass.FIRST, List.of(),
                List.of("WELDER"), List.of(EntrantType.INDIVIDUAL), null, null,
                new CompetitionDetails.Window(OPENS, CLOSES), List.of(), null, null), "s", OPENS);
        assertThat(provincial.isAbove(CompetitionLevel.CITY)).isTrue();
        assertThat(provincial.isAbove(CompetitionLevel.PROVINCIAL)).isFalse();
        assertThat(provincial.isAbove(CompetitionLevel.NATIONAL)).isFalse();
    }
}
