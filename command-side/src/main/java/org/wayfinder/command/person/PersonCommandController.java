package org.wayfinder.command.person;

import org.wayfinder.command.support.Versions;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wayfinder.command.person.IdentityProtection.ProtectedIdentity;
import org.wayfinder.kernel.person.ChangePersonIdentityCommand;
import org.wayfinder.kernel.person.ErasePersonCommand;
import org.wayfinder.kernel.person.MergePersonCommand;
import org.wayfinder.kernel.person.RecordConsentCommand;
import org.wayfinder.kernel.person.RecordPersonDemographicsCommand;
import org.wayfinder.kernel.person.RegisterPersonCommand;
import org.wayfinder.kernel.person.WithdrawConsentCommand;

/**
 * The person's command API. Identity is encrypted here, before a command exists; changes answer 204
 * with the new version as {@code ETag} and honour an optional {@code If-Match}.
 */
@RestController
@RequestMapping("/api/people")
class PersonCommandController {

    private final CommandGateway commandGateway;
    private final IdentityProtection identityProtection;
    private final Clock clock;

    PersonCommandController(CommandGateway commandGateway, IdentityProtection identityProtection, Clock clock) {
        this.commandGateway = commandGateway;
        this.identityProtection = identityProtection;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<PersonRegisteredResponse> register(@Valid @RequestBody RegisterPersonRequest request) {
        String personId = request.personId() == null ? UUID.randomUUID().toString() : request.personId().toLowerCase();
        LocalDate registeredOn = orToday(request.registeredOn());
        ProtectedIdentity identity = identityProtection.protect(personId, request.identity(), registeredOn);
        commandGateway.sendAndWait(new RegisterPersonCommand(personId, registeredOn, identity.identity(),
                identity.ageBand(), request.sex(), request.ethnicCategory(), request.imdDecile(),
                request.imdEdition(), request.boroughGssCode()));
        return ResponseEntity.created(URI.create("/api/people/" + personId))
                .eTag(Versions.entityTag(0))
                .body(new PersonRegisteredResponse(personId));
    }

    @PutMapping("/{personId}/identity")
    ResponseEntity<Void> changeIdentity(@PathVariable String personId, @Valid @RequestBody ChangeIdentityRequest request,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        String id = personId(personId);
        Long expectedVersion = Versions.expectedVersion(ifMatch);
        LocalDate changedOn = orToday(request.changedOn());
        ProtectedIdentity identity = identityProtection.protect(id, request.identity(), changedOn);
        return changed(new ChangePersonIdentityCommand(id, changedOn, identity.identity(), identity.ageBand(),
                expectedVersion));
    }

    @PutMapping("/{personId}/demographics")
    ResponseEntity<Void> recordDemographics(@PathVariable String personId, @Valid @RequestBody DemographicsRequest request,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return changed(new RecordPersonDemographicsCommand(personId(personId), orToday(request.recordedOn()),
                request.sex(), request.ethnicCategory(), request.imdDecile(), request.imdEdition(),
                request.boroughGssCode(), Versions.expectedVersion(ifMatch)));
    }

    @PostMapping("/{personId}/consents")
    ResponseEntity<Void> recordConsent(@PathVariable String personId, @Valid @RequestBody ConsentRequest request,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return changed(new RecordConsentCommand(personId(personId), request.scope(), orToday(request.recordedOn()),
                Versions.expectedVersion(ifMatch)));
    }

    @PostMapping("/{personId}/consent-withdrawals")
    ResponseEntity<Void> withdrawConsent(@PathVariable String personId,
                                         @Valid @RequestBody ConsentWithdrawalRequest request,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return changed(new WithdrawConsentCommand(personId(personId), request.scope(), orToday(request.withdrawnOn()),
                Versions.expectedVersion(ifMatch)));
    }

    @PostMapping("/{personId}/merge")
    ResponseEntity<Void> merge(@PathVariable String personId, @Valid @RequestBody MergeRequest request,
                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return changed(new MergePersonCommand(personId(personId), request.survivorId().toLowerCase(),
                orToday(request.mergedOn()), request.reason(), Versions.expectedVersion(ifMatch)));
    }

    @PostMapping("/{personId}/erasure")
    ResponseEntity<Void> erase(@PathVariable String personId, @Valid @RequestBody ErasureRequest request,
                               @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return changed(new ErasePersonCommand(personId(personId), orToday(request.erasedOn()), request.reason(),
                Versions.expectedVersion(ifMatch)));
    }

    private ResponseEntity<Void> changed(Object command) {
        long version = commandGateway.sendAndWait(command);
        return ResponseEntity.noContent().eTag(Versions.entityTag(version)).build();
    }

    private LocalDate orToday(LocalDate date) {
        return date == null ? LocalDate.now(clock) : date;
    }

    private static String personId(String personId) {
        if (!personId.matches(IdentityFields.UUID_PATTERN)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "'personId' must be a UUID.");
            problem.setTitle("Invalid person id");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        return personId.toLowerCase();
    }

    record PersonRegisteredResponse(String personId) {
    }
}
