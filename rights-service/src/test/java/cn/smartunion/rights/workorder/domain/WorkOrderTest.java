package cn.smartunion.rights.workorder.domain;

import cn.smartunion.contracts.rights.Complexity;
import cn.smartunion.contracts.rights.EscalationReason;
import cn.smartunion.contracts.rights.HardshipReferred;
import cn.smartunion.contracts.rights.IntakeChannel;
import cn.smartunion.contracts.rights.OrderCategory;
import cn.smartunion.contracts.rights.OrderOutcome;
import cn.smartunion.contracts.rights.SlaBreached;
import cn.smartunion.contracts.rights.WorkOrderCreated;
import cn.smartunion.contracts.rights.WorkOrderEscalated;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkOrderTest {

    private static final Instant NOW = Instant.parse("2026-09-25T07:00:00Z");
    private static final Instant DUE = NOW.plus(Duration.ofDays(1));

    private static WorkOrder.Received received(OrderCategory category, Caller caller) {
        return WorkOrder.receive("o-1", IntakeChannel.PHONE, category, Complexity.ORDINARY, caller, "enc", "org-1",
                "1", NOW, DUE, "agent", NOW);
    }

    @Test
    void anAnonymousConsultationIsCreatedWithoutReferral() {
        WorkOrder.Received r = received(OrderCategory.CONSULTATION, Caller.ANONYMOUS);

        assertThat(r.events()).singleElement().isInstanceOfSatisfying(WorkOrderCreated.class,
                e -> assertThat(e.anonymous()).isTrue());
        assertThat(r.order().status()).isEqualTo(WorkOrderStatus.RECEIVED);
        assertThat(r.order().handlingOrgPath()).isEqualTo("1");
    }

    @Test
    void anAidRequestIsReferredOnceWithADeterministicId() {
        WorkOrder order = received(OrderCategory.AID_REQUEST, new Caller("c", "138****0000", null, null)).order();
        assertThat(order.referralId()).isEqualTo(WorkOrder.referralIdFor("o-1"));

        assertThat(order.classify(OrderCategory.COMPLAINT, Complexity.ORDINARY, DUE, NOW)).isEmpty();
        assertThat(order.classify(OrderCategory.AID_REQUEST, Complexity.DIFFICULT, DUE, NOW)).isEmpty();

        WorkOrder later = received(OrderCategory.CONSULTATION, Caller.ANONYMOUS).order();
        List<Object> events = later.classify(OrderCategory.AID_REQUEST, Complexity.ORDINARY, DUE, NOW);
        assertThat(events).singleElement().isInstanceOf(HardshipReferred.class);
    }

    @Test
    void dispatchGrantsCloseEndsEveryGrant() {
        WorkOrder order = received(OrderCategory.COMPLAINT, Caller.ANONYMOUS).order();

        order.dispatch("org-3", "1/2/3", "agent", NOW);
        assertThat(order.activeGrantPaths()).containsExactly("1/2/3");
        order.accept("1/2/3", NOW);
        order.resolve(OrderOutcome.ANSWERED, 100, "county", NOW);
        order.rate(5, NOW);
        order.close(NOW.plusSeconds(60));

        assertThat(order.activeGrantPaths()).isEmpty();
        assertThat(order.grants()).singleElement().satisfies(g -> {
            assertThat(g.grantedAt()).isEqualTo(NOW);
            assertThat(g.endedAt()).isEqualTo(NOW.plusSeconds(60));
        });
        assertThat(order.status()).isEqualTo(WorkOrderStatus.CLOSED);
    }

    @Test
    void illegalTransitionsAreRefused() {
        WorkOrder order = received(OrderCategory.COMPLAINT, Caller.ANONYMOUS).order();

        assertThatThrownBy(() -> order.accept("1", NOW)).isInstanceOf(WorkOrder.IllegalTransition.class);
        assertThatThrownBy(() -> order.close(NOW)).isInstanceOf(WorkOrder.IllegalTransition.class);
        assertThatThrownBy(() -> order.dispatch("x", "9/9", "a", NOW)).isInstanceOf(IllegalArgumentException.class);
        order.resolve(OrderOutcome.ANSWERED, 0, "centre", NOW);
        assertThatThrownBy(() -> order.classify(OrderCategory.DISPUTE, Complexity.COMPLEX, DUE, NOW))
                .isInstanceOf(WorkOrder.IllegalTransition.class);
    }

    @Test
    void aBreachIsRecordedOnceAndEscalatesToTheParent() {
        WorkOrder order = received(OrderCategory.COMPLAINT, Caller.ANONYMOUS).order();
        order.dispatch("org-3", "1/2/3", "agent", NOW);

        assertThatThrownBy(() -> order.escalate(EscalationReason.SLA_BREACHED, "org-2", "1/2", "s", NOW))
                .isInstanceOf(WorkOrder.IllegalTransition.class);
        Instant late = DUE.plusSeconds(1);
        List<Object> events = order.escalate(EscalationReason.SLA_BREACHED, "org-2", "1/2", "s", late);

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(SlaBreached.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(WorkOrderEscalated.class,
                e -> assertThat(e.escalatedToOrgId()).isEqualTo("org-2"));
        assertThat(order.activeGrantPaths()).containsExactly("1/2/3", "1/2");
        assertThatThrownBy(() -> order.escalate(EscalationReason.SLA_BREACHED, "org-2", "1/2", "s", late))
                .isInstanceOf(WorkOrder.IllegalTransition.class);
    }
}
