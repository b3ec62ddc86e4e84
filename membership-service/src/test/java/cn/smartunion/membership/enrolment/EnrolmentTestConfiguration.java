package cn.smartunion.membership.enrolment;

import cn.smartunion.runtime.personaldata.PersonalDataProtector;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Wires the Mongo-backed stand-in for the member register into the seam. */
@TestConfiguration(proxyBeanMethods = false)
public class EnrolmentTestConfiguration {

    @Bean
    ControllableRosterEnrolment rosterEnrolment(MongoTemplate mongo, PersonalDataProtector protector) {
        return new ControllableRosterEnrolment(new MongoRosterEnrolment(mongo, protector));
    }
}
