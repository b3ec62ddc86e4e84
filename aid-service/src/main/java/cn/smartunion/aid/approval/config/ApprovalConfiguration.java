package cn.smartunion.aid.approval.config;

import cn.smartunion.aid.approval.domain.ApprovalPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApprovalConfiguration {

    /** {@code smartunion.aid.approval.county-limit-fen} / {@code city-limit-fen}: amounts in fen (1/100 yuan). */
    @Bean
    ApprovalPolicy approvalPolicy(@Value("${smartunion.aid.approval.county-limit-fen}") long countyLimitFen,
                                  @Value("${smartunion.aid.approval.city-limit-fen}") long cityLimitFen) {
        return new ApprovalPolicy(countyLimitFen, cityLimitFen);
    }
}
