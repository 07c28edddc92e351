package org.wayfinder.command.directory;

import static org.wayfinder.command.support.Versions.entityTag;
import static org.wayfinder.command.support.Versions.expectedVersion;
import static org.wayfinder.command.directory.DirectoryRequests.pathId;

import jakarta.validation.Valid;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wayfinder.kernel.directory.RegisterProviderCommand;

@RestController
@RequestMapping("/api/providers")
class ProviderCommandController {

    private final CommandGateway commandGateway;

    ProviderCommandController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @PostMapping
    ResponseEntity<ProviderReference> register(@Valid @RequestBody RegisterProviderRequest request) {
        RegisterProviderCommand command = request.toCommand();
        commandGateway.sendAndWait(command);
        return ResponseEntity.created(URI.create("/api/providers/" + command.providerId()))
                .eTag(entityTag(0))
                .body(new ProviderReference(command.providerId()));
    }

    @PutMapping("/{providerId}")
    ResponseEntity<ProviderReference> changeDetails(@PathVariable String providerId,
                                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                    @Valid @RequestBody ChangeProviderDetailsRequest request) {
        String id = pathId("providerId", providerId);
        long version = commandGateway.sendAndWait(request.toCommand(id, expectedVersion(ifMatch)));
        return ResponseEntity.ok().eTag(entityTag(version)).body(new ProviderReference(id));
    }

    @PostMapping("/{providerId}/retirement")
    ResponseEntity<ProviderReference> retire(@PathVariable String providerId,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody RetirementRequest request) {
        String id = pathId("providerId", providerId);
        long version = commandGateway.sendAndWait(request.toProviderCommand(id, expectedVersion(ifMatch)));
        return ResponseEntity.ok().eTag(entityTag(version)).body(new ProviderReference(id));
    }

    record ProviderReference(String providerId) {
    }
}
