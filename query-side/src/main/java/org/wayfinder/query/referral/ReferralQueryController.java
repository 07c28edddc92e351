package org.wayfinder.query.referral;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/referrals")
class ReferralQueryController {

    private static final String UUID_PATTERN =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final ReferralSummaryRepository referrals;

    ReferralQueryController(ReferralSummaryRepository referrals) {
        this.referrals = referrals;
    }

    @GetMapping("/{referralId}")
    ResponseEntity<ReferralSummary> referral(@PathVariable String referralId) {
        if (!referralId.matches(UUID_PATTERN)) {
            throw problem(HttpStatus.BAD_REQUEST, "Invalid referral id", "'referralId' must be a UUID.");
        }
        return referrals.findById(referralId.toLowerCase())
                .map(summary -> ResponseEntity.ok().eTag("\"" + summary.version() + "\"").body(summary))
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "Referral not found",
                        "No referral with id " + referralId.toLowerCase() + " is known."));
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
