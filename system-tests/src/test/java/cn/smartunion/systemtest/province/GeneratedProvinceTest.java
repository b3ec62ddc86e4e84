package cn.smartunion.systemtest.province;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import cn.smartunion.systemtest.province.GeneratedProvince.County;
import cn.smartunion.systemtest.province.GeneratedProvince.Worker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeneratedProvinceTest {

    @Test
    void theSameSeedGivesTheSameProvinceAndAnotherSeedAnother() {
        GeneratedProvince one = GeneratedProvince.generate(7, 10_000, 20, 5);
        GeneratedProvince again = GeneratedProvince.generate(7, 10_000, 20, 5);
        GeneratedProvince other = GeneratedProvince.generate(8, 10_000, 20, 5);

        assertThat(workers(again)).isEqualTo(workers(one));
        assertThat(ProvinceFigures.ofProvince(again)).isEqualTo(ProvinceFigures.ofProvince(one));
        assertThat(workers(other)).isNotEqualTo(workers(one));
    }

    @Test
    void everyMemberIsCountedOnceWithAValidUniqueIdNumber() {
        GeneratedProvince province = GeneratedProvince.generate(20_261_122L, 10_000, 20, 5);

        assertThat(province.cities()).hasSize(20);
        assertThat(province.counties()).hasSize(100);
        List<Worker> members = province.counties().stream().flatMap(county -> Stream.concat(
                county.unions().stream().flatMap(union -> union.workers().stream()),
                Stream.of(county.singleMember()))).toList();
        assertThat(members).hasSize(10_000);
        Set<String> ids = new HashSet<>();
        for (Worker worker : workers(province)) {
            String id = worker.citizenIdNumber();
            assertThat(id).matches("4201[0-9]{13}[0-9X]");
            assertThat(id.charAt(17)).isEqualTo(GeneratedProvince.checkCharacter(id.substring(0, 17)));
            assertThat(ids.add(id)).as("unique").isTrue();
        }
        assertThat(ProvinceFigures.ofProvince(province).get("membership.members").value()).isEqualByComparingTo("10000");
    }

    @Test
    void personTimesExceedPersonsWhereWorkersAreReachedTwice() {
        GeneratedProvince province = GeneratedProvince.generate(1, 5_000, 20, 5);
        County county = province.counties().get(0);
        var figures = ProvinceFigures.ofCounty(county);

        assertThat(figures.get("aid.condolence.person-times").value()).isEqualByComparingTo("12");
        assertThat(figures.get("aid.condolence.persons").value()).isLessThan(figures.get(
                "aid.condolence.person-times").value());
        assertThat(figures.get("rights.disputes.workers").value().longValue()).isLessThanOrEqualTo(
                county.disputes().stream().mapToLong(d -> d.workers().size()).sum());
        assertThat(figures.get("competition.competitions").value()).isEqualByComparingTo("0");
    }

    @Test
    void aProvinceTooSmallForItsUnionsIsRefused() {
        assertThatThrownBy(() -> GeneratedProvince.generate(1, 1_000, 20, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 4100 members");
    }

    private static List<Worker> workers(GeneratedProvince province) {
        return province.counties().stream().flatMap(county -> Stream.of(
                county.unions().stream().flatMap(union -> union.workers().stream()),
                Stream.of(county.singleMember()), county.outdoorWorkers().stream()).flatMap(s -> s)).toList();
    }
}
