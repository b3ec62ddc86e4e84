package cn.smartunion.membership.member.adapter.in.web;

import cn.smartunion.membership.member.domain.GroupTagCatalogue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The worker-group tags this installation accepts, with their labels, for forms in the apps. */
@RestController
class GroupTagController {

    private final GroupTagCatalogue catalogue;

    GroupTagController(GroupTagCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/membership/v1/group-tags")
    List<GroupTagCatalogue.GroupTag> groupTags() {
        return catalogue.tags();
    }
}
