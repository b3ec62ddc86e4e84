package cn.smartunion.membership.config;

import cn.smartunion.membership.member.domain.GroupTagCatalogue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The worker-group tags this installation accepts, from {@code smartunion.membership.group-tags} (a list of
 * {@code code} + Chinese {@code label}; application.yml has the defaults). A province replaces the whole list in its
 * own configuration; a bad list stops the start with a message naming the tag.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GroupTagsConfiguration.MembershipProperties.class)
class GroupTagsConfiguration {

    @Bean
    GroupTagCatalogue groupTagCatalogue(MembershipProperties properties) {
        if (properties.groupTags() == null || properties.groupTags().isEmpty()) {
            throw new IllegalStateException("smartunion.membership.group-tags is empty: configure the worker-group "
                    + "tags (code and label) members may carry");
        }
        try {
            return new GroupTagCatalogue(properties.groupTags().stream()
                    .map(tag -> new GroupTagCatalogue.GroupTag(tag.code(), tag.label())).toList());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("smartunion.membership.group-tags: " + e.getMessage(), e);
        }
    }

    @ConfigurationProperties("smartunion.membership")
    record MembershipProperties(List<Tag> groupTags) {

        record Tag(String code, String label) {
        }
    }
}
