package cn.smartunion.membership.enrolment;

import cn.smartunion.membership.enrolment.application.RosterEnrolment;
import cn.smartunion.membership.member.application.MemberPersonalData;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Puts test handles (hold, fail, count calls) around the service's real member register for roster rows. */
@TestConfiguration(proxyBeanMethods = false)
public class EnrolmentTestConfiguration {

    @Bean
    @Primary
    ControllableRosterEnrolment rosterEnrolment(@Qualifier("memberRegistrationEnrolment") RosterEnrolment register,
                                                MongoTemplate mongo, MemberPersonalData personalData) {
        return new ControllableRosterEnrolment(register, new MemberStore(mongo, personalData));
    }
}
