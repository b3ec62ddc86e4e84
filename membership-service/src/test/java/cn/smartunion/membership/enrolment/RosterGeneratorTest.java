package cn.smartunion.membership.enrolment;

import cn.smartunion.runtime.personaldata.CitizenIdNumber;
import cn.smartunion.runtime.personaldata.InvalidCitizenIdNumberException;
import cn.smartunion.runtime.personaldata.UnifiedSocialCreditCode;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RosterGeneratorTest {

    @Test
    void generatedPeopleHaveValidUniqueIdNumbersPhonesAndCreditCodes() {
        List<RosterGenerator.Person> people = new RosterGenerator(7).people(5_000);

        assertThat(people).allSatisfy(p -> {
            CitizenIdNumber id = CitizenIdNumber.parse(p.idNumber());
            assertThat(RosterGenerator.DIVISIONS).contains(id.regionCode());
            assertThat(id.birthDate().getYear()).isBetween(1966, 2006);
            assertThat(p.mobilePhone()).matches("1[3-9][0-9]{9}");
            assertThat(UnifiedSocialCreditCode.isValid(p.employerCreditCode())).isTrue();
            assertThat(p.name()).isNotBlank();
        });
        assertThat(new HashSet<>(people.stream().map(RosterGenerator.Person::idNumber).toList())).hasSize(5_000);
    }

    @Test
    void theSameSeedGivesTheSameRoster() {
        assertThat(new RosterGenerator(42).people(100)).isEqualTo(new RosterGenerator(42).people(100));
        assertThat(new RosterGenerator(42).people(100)).isNotEqualTo(new RosterGenerator(43).people(100));
    }

    @Test
    void plantedDefectsAreWhereTheRosterSaysTheyAre() {
        GeneratedRoster roster = new RosterGenerator(1).roster(100, 10, "999999");

        assertThat(roster.defects()).hasSize(10);
        assertThat(roster.defects().get(11)).isEqualTo(RosterGenerator.Defect.BAD_CHECK_DIGIT);
        assertThatThrownBy(() -> CitizenIdNumber.parse(roster.people().get(9).idNumber()))
                .isInstanceOf(InvalidCitizenIdNumberException.class)
                .hasMessageContaining("WRONG_CHECK_DIGIT");
        assertThat(roster.defects().get(21)).isEqualTo(RosterGenerator.Defect.DUPLICATE_OF_PREVIOUS_ROW);
        assertThat(roster.people().get(19).idNumber()).isEqualTo(roster.people().get(18).idNumber());
        assertThat(roster.people().get(29).name()).isEmpty();
        assertThat(roster.people().get(49).orgCode()).isEqualTo("999999");
    }
}
