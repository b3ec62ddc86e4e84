package cn.smartunion.membership.enrolment.application;

import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.membership.org.application.OrgQueries;
import cn.smartunion.membership.org.domain.MemberPlacements;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may submit, and what happens before the member register is wired. */
class EnrolmentJobSubmissionTest {

    private static final String YUNXI = "420000/420300/420322";

    private final OrgUnit yunxi = InMemoryOrgTree.unit("yunxi", "420322", "郧西县总工会", OrgType.COUNTY_FEDERATION,
            "shiyan", YUNXI, "420322");
    private final EnrolmentJobSubmission withoutRegister = new EnrolmentJobSubmission(null, null,
            new OrgQueries(new InMemoryOrgTree(List.of(yunxi)), NO_MEMBERS), new StaticListableBeanFactory().getBeanProvider(RosterEnrolment.class),
            new EnrolmentProperties(DataSize.ofMegabytes(32), 100_000, 100, 1000, 500, 4, 2, Duration.ofSeconds(2),
                    Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(10), 3, Map.of()),
            event -> { }, Clock.systemUTC());

    @Test
    void anOrgOutsideTheCallersSubtreeIsNotFoundBeforeAnythingElse() {
        assertThatThrownBy(() -> withoutRegister.submit(command(), caller("420000/420300/420323", "union-admin")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyUnionStaffAndAdminsMaySubmit() {
        assertThatThrownBy(() -> withoutRegister.submit(command(), caller(YUNXI, "member")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void withoutAMemberRegisterWiredTheImportIsUnavailableRatherThanQueuedForever() {
        assertThatThrownBy(() -> withoutRegister.submit(command(), caller(YUNXI, "union-staff")))
                .isInstanceOf(EnrolmentJobSubmission.EnrolmentUnavailable.class);
    }

    private static SubmitEnrolmentJob command() {
        return new SubmitEnrolmentJob("yunxi", JoinChannel.COLLECTIVE_REGISTRATION, null, new RosterUpload() {
            @Override
            public String fileName() {
                return "roster.csv";
            }

            @Override
            public long size() {
                return 10;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream("姓名,身份证号\n".getBytes());
            }
        });
    }

    private static OrgPrincipal caller(String path, String... roles) {
        return new OrgPrincipal("staff-1", "staff", path, Set.of(roles));
    }

    private static final MemberPlacements NO_MEMBERS = new MemberPlacements() {
        @Override
        public boolean place(String eventId, String memberId, String orgId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean remove(String eventId, String memberId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long countAt(String orgId) {
            return 0;
        }

        @Override
        public Map<String, Long> countsAt(Collection<String> orgIds) {
            return Map.of();
        }
    };
}
