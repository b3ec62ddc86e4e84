package cn.smartunion.membership.enrolment.config;

import cn.smartunion.membership.enrolment.application.EnrolmentProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Roster import settings (its topic is declared with the service's others in config/EventTopics). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EnrolmentProperties.class)
class EnrolmentConfiguration {
}
