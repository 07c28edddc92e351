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
import org.wayfinder.kernel.directory.RegisterActivityCommand;

@RestController
@RequestMapping("/api/activities")
class ActivityCommandController {

    private final CommandGateway commandGateway;

    ActivityCommandController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @PostMapping
    ResponseEntity<ActivityReference> register(@Valid @RequestBody RegisterActivityRequest request) {
        RegisterActivityCommand command = request.toCommand();
        long version = commandGateway.sendAndWait(command);
        return ResponseEntity.created(URI.create("/api/activities/" + command.activityId()))
                .eTag(entityTag(version))
                .body(new ActivityReference(command.activityId()));
    }

    @PutMapping("/{activityId}")
    ResponseEntity<ActivityReference> changeDetails(@PathVariable String activityId,
                                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                    @Valid @RequestBody ChangeActivityDetailsRequest request) {
        String id = pathId("activityId", activityId);
        long version = commandGateway.sendAndWait(request.toCommand(id, expectedVersion(ifMatch)));
        return ResponseEntity.ok().eTag(entityTag(version)).body(new ActivityReference(id));
    }

    @PostMapping("/{activityId}/retirement")
    ResponseEntity<ActivityReference> retire(@PathVariable String activityId,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody RetirementRequest request) {
        String id = pathId("activityId", activityId);
        long version = commandGateway.sendAndWait(request.toActivityCommand(id, expectedVersion(ifMatch)));
        return ResponseEntity.ok().eTag(entityTag(version)).body(new ActivityReference(id));
    }

    record ActivityReference(String activityId) {
    }
}
