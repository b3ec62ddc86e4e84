package cn.smartunion.statistics.config;

import cn.smartunion.statistics.facts.application.FactRecorder;
import cn.smartunion.statistics.facts.application.FactStore;
import cn.smartunion.statistics.facts.domain.EventFacts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StatisticsConfiguration {

    @Bean
    FactRecorder factRecorder(StatisticsProperties properties, FactStore store) {
        return new FactRecorder(new EventFacts(properties.zone()), store);
    }
}
