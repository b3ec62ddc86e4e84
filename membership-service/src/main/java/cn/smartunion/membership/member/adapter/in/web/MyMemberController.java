package cn.smartunion.membership.member.adapter.in.web;

import cn.smartunion.membership.member.adapter.in.web.MemberViews.MyMemberView;
import cn.smartunion.membership.member.application.MemberClaims;
import cn.smartunion.membership.member.application.MemberQueries;
import cn.smartunion.membership.recognition.domain.MemberRecognitions;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's own record, for the member app (role {@code member}): matched by the token subject linked to the record,
 * never by an id the client sends. Everything personal is masked.
 */
@RestController
@RequestMapping("/api/membership/v1/me")
class MyMemberController {

    private final MemberQueries queries;
    private final MemberClaims claims;
    private final MemberRecognitions recognitions;

    MyMemberController(MemberQueries queries, MemberClaims claims, MemberRecognitions recognitions) {
        this.queries = queries;
        this.claims = claims;
        this.recognitions = recognitions;
    }

    @GetMapping
    MyMemberView me(@AuthenticationPrincipal OrgPrincipal caller) {
        var mine = queries.mine(caller);
        return MyMemberView.of(mine.member(), mine.orgName(), recognitions.of(mine.member().id()));
    }

    /**
     * Links the caller's account to the record staff entered for them. A wrong pair of ID number and name is answered
     * exactly like an unknown person (404).
     */
    @PostMapping("/claim")
    MyMemberView claim(@Valid @RequestBody ClaimRequest request, @AuthenticationPrincipal OrgPrincipal caller) {
        claims.claim(caller, request.citizenIdNumber(), request.legalName());
        var mine = queries.mine(caller);
        return MyMemberView.of(mine.member(), mine.orgName(), recognitions.of(mine.member().id()));
    }

    record ClaimRequest(@NotBlank @Size(max = 32) String citizenIdNumber,
                        @NotBlank @Size(max = 100) String legalName) {

        @Override
        public String toString() {
            return "ClaimRequest[…]";
        }
    }
}
