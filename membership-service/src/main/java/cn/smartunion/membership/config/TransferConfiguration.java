package cn.smartunion.membership.config;

import cn.smartunion.membership.member.application.TransferSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code smartunion.membership.transfers.*}; a value out of range stops the start naming the property. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TransferSettings.class)
class TransferConfiguration {
}
