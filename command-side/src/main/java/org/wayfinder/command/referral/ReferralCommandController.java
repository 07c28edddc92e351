package org.wayfinder.command.referral;

import jakarta.validation.Valid;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wayfinder.command.support.Versions;
import org.wayfinder.kernel.referral.ReceiveReferralCommand;

@RestController
@RequestMapping("/api/referrals")
class ReferralCommandController {

    private final CommandGateway commandGateway;

    ReferralCommandController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @PostMapping
    ResponseEntity<ReferralCreated> receive(@Valid @RequestBody ReceiveReferralRequest request) {
        ReceiveReferralCommand command = request.toCommand();
        commandGateway.sendAndWait(command);
        return ResponseEntity.created(URI.create("/api/referrals/" + command.referralId()))
                .eTag(Versions.entityTag(0)).body(new ReferralCreated(command.referralId()));
    }

    record ReferralCreated(String referralId) {
    }
}
