package cn.smartunion.rights.bargaining.domain;

import cn.smartunion.contracts.rights.CollectiveContractExpired;
import cn.smartunion.contracts.rights.ContractType;
import cn.smartunion.rights.web.RightsRuleViolation;
import cn.smartunion.rights.web.RightsStatusConflict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CollectiveContractTest {

    private static final LocalDate OFFERED = LocalDate.of(2026, 3, 2);

    @Test
    void onlyIndustryAndRegionalContractsCoverSeveralUnits() {
        List<CoveredUnit> two = List.of(new CoveredUnit("A", "甲"), new CoveredUnit("B", "乙"));
        assertThatThrownBy(() -> offer(ContractType.COMPREHENSIVE, two))
                .isInstanceOf(RightsRuleViolation.class).extracting("field").isEqualTo("units");
        assertThat(offer(ContractType.INDUSTRY, two).offerIssued().unitsCovered()).isEqualTo(2);
        assertThatThrownBy(() -> offer(ContractType.REGIONAL, List.of()))
                .isInstanceOf(RightsRuleViolation.class);
    }

    @Test
    void aTieInTheCongressIsNoApproval() {
        CollectiveContract contract = negotiating();
        assertThatThrownBy(() -> contract.approveByCongress(OFFERED.plusDays(5), 50, 100))
                .isInstanceOf(RightsRuleViolation.class).extracting("field").isEqualTo("votesFor");
        contract.approveByCongress(OFFERED.plusDays(5), 51, 100);
        assertThat(contract.status()).isEqualTo(ContractStatus.CONGRESS_APPROVED);
    }

    @Test
    void theTermIsAtMostThreeYears() {
        CollectiveContract contract = negotiating();
        contract.approveByCongress(OFFERED.plusDays(5), 3, 4);
        LocalDate from = LocalDate.of(2026, 4, 1);
        assertThatThrownBy(() -> contract.sign(OFFERED.plusDays(6), from, from.plusYears(3)))
                .isInstanceOf(RightsRuleViolation.class).extracting("field").isEqualTo("effectiveTo");
        assertThatThrownBy(() -> contract.sign(OFFERED.plusDays(6), from, from.minusDays(1)))
                .isInstanceOf(RightsRuleViolation.class);
        assertThat(contract.sign(OFFERED.plusDays(6), from, from.plusYears(3).minusDays(1)).effectiveTo())
                .isEqualTo(LocalDate.of(2029, 3, 31));
    }

    @Test
    void aFiledContractComesIntoForceOnItsFirstDayAndExpiresOnceAfterItsLast() {
        CollectiveContract contract = negotiating();
        contract.approveByCongress(OFFERED.plusDays(5), 3, 4);
        contract.sign(OFFERED.plusDays(6), LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31));
        assertThat(contract.passTime(LocalDate.of(2026, 4, 1))).isNull();
        assertThat(contract.status()).isEqualTo(ContractStatus.SIGNED);
        contract.file(OFFERED.plusDays(7), "REF-1");

        assertThat(contract.passTime(LocalDate.of(2026, 3, 31))).isNull();
        assertThat(contract.status()).isEqualTo(ContractStatus.FILED);
        assertThat(contract.passTime(LocalDate.of(2026, 4, 1))).isNull();
        assertThat(contract.status()).isEqualTo(ContractStatus.IN_FORCE);
        assertThat(contract.passTime(LocalDate.of(2027, 3, 31))).isNull();

        CollectiveContractExpired expired = contract.passTime(LocalDate.of(2027, 4, 2));
        assertThat(expired.expiredOn()).isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(contract.status()).isEqualTo(ContractStatus.EXPIRED);
        assertThat(contract.passTime(LocalDate.of(2027, 4, 3))).isNull();

        assertThatThrownBy(() -> contract.renew(contract.id(), LocalDate.of(2027, 4, 3)))
                .isInstanceOf(RightsRuleViolation.class);
        assertThat(contract.renew("next", LocalDate.of(2027, 4, 3)).renewalContractId()).isEqualTo("next");
        assertThatThrownBy(() -> contract.renew("other", LocalDate.of(2027, 4, 3)))
                .isInstanceOf(RightsStatusConflict.class);
    }

    @Test
    void stepsOutOfOrderConflict() {
        CollectiveContract contract = offer(ContractType.WAGE, List.of(new CoveredUnit("A", "甲")));
        assertThatThrownBy(() -> contract.approveByCongress(OFFERED, 3, 4)).isInstanceOf(RightsStatusConflict.class);
        assertThatThrownBy(() -> contract.file(OFFERED, "X")).isInstanceOf(RightsStatusConflict.class);
        assertThatThrownBy(() -> contract.renew("next", OFFERED)).isInstanceOf(RightsStatusConflict.class);
    }

    private static CollectiveContract negotiating() {
        CollectiveContract contract = offer(ContractType.COMPREHENSIVE, List.of(new CoveredUnit("A", "甲")));
        contract.startNegotiation();
        return contract;
    }

    private static CollectiveContract offer(ContractType type, List<CoveredUnit> units) {
        return CollectiveContract.offer("c-1", "org-420322", "420000/420300/420322", type, units, 100, null, OFFERED,
                "agent", Instant.parse("2026-03-02T02:00:00Z"));
    }
}
