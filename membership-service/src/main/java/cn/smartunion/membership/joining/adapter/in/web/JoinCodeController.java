package cn.smartunion.membership.joining.adapter.in.web;

import cn.smartunion.membership.joining.adapter.in.web.JoiningRequests.IssueJoinCodeRequest;
import cn.smartunion.membership.joining.application.JoinCodeIssuance;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * QR join codes (扫码入会): staff issue a signed, expiring code for a union in their subtree and print its join URL as
 * a QR code; the member app looks a scanned code up (404 for a code that is not genuine, 410 for an expired one) and
 * then applies with it.
 */
@RestController
@Validated
class JoinCodeController {

    private final JoinCodeIssuance joinCodes;

    JoinCodeController(JoinCodeIssuance joinCodes) {
        this.joinCodes = joinCodes;
    }

    @PostMapping("/api/membership/v1/orgs/{orgId}/join-codes")
    @ResponseStatus(HttpStatus.CREATED)
    JoinCodeView issue(@PathVariable @Size(max = 64) String orgId, @Valid @RequestBody IssueJoinCodeRequest request,
                       @AuthenticationPrincipal OrgPrincipal caller) {
        return JoinCodeView.of(joinCodes.issue(orgId, request.validUntil(), request.campaignId(), caller));
    }

    @GetMapping("/api/membership/v1/join-codes/{token}")
    JoinCodeView lookup(@PathVariable @Size(max = 512) String token, @AuthenticationPrincipal OrgPrincipal caller) {
        return JoinCodeView.of(joinCodes.lookup(token, caller));
    }

    /**
     * @param token   the code the application is submitted with ({@code joinCode})
     * @param joinUrl what the QR code encodes
     */
    record JoinCodeView(String token, String joinUrl, String orgId, String orgName, String campaignId,
                        Instant validUntil) {

        static JoinCodeView of(JoinCodeIssuance.Issued issued) {
            return new JoinCodeView(issued.token(), issued.joinUrl(), issued.code().orgId(), issued.orgName(),
                    issued.code().campaignId(), issued.code().validUntil());
        }
    }
}
