package cn.smartunion.rights.calendar.config;

import cn.smartunion.rights.calendar.domain.WorkingCalendar;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarConfiguration.CalendarProperties.class)
class CalendarConfiguration {

    /**
     * {@code smartunion.rights.calendar.*}: the working-day calendar of the 12351 service levels. Holidays and make-up
     * working days come from the State Council's notice for each year and are added when it is published.
     */
    @ConfigurationProperties("smartunion.rights.calendar")
    record CalendarProperties(@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("17:30") LocalTime dayEndsAt,
                              @DefaultValue Set<LocalDate> holidays, @DefaultValue Set<LocalDate> makeUpWorkdays) {
    }

    @Bean
    WorkingCalendar workingCalendar(CalendarProperties properties) {
        return new WorkingCalendar(properties.zone(), properties.dayEndsAt(), properties.holidays(),
                properties.makeUpWorkdays());
    }
}
