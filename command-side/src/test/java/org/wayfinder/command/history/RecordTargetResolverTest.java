package org.wayfinder.command.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.junit.jupiter.api.Test;
import org.wayfinder.kernel.referral.AcceptReferralCommand;
import org.wayfinder.kernel.referral.RecordFirstContactCommand;
import org.wayfinder.kernel.referral.ContactChannel;

class RecordTargetResolverTest {

    private final RecordTargetResolver resolver = new RecordTargetResolver();

    @Test
    void finds_the_same_target_and_version_as_axons_resolver() {
        var command = GenericCommandMessage.asCommandMessage(
                new AcceptReferralCommand("referral-1", 4L, "link-worker-1", LocalDate.of(2024, 3, 1)));

        assertThat(resolver.resolveTarget(command))
                .isEqualTo(AnnotationCommandTargetResolver.builder().build().resolveTarget(command));
        assertThat(resolver.resolveTarget(command).getVersion()).isEqualTo(4L);
    }

    @Test
    void a_command_without_a_version_targets_any_version() {
        var command = GenericCommandMessage.asCommandMessage(
                new RecordFirstContactCommand("referral-1", null, LocalDate.of(2024, 3, 1), ContactChannel.values()[0]));

        assertThat(resolver.resolveTarget(command).getIdentifier()).isEqualTo("referral-1");
        assertThat(resolver.resolveTarget(command).getVersion()).isNull();
    }

    @Test
    void a_command_without_its_target_is_refused() {
        var command = GenericCommandMessage.asCommandMessage(
                new AcceptReferralCommand(null, null, "link-worker-1", LocalDate.of(2024, 3, 1)));

        assertThatThrownBy(() -> resolver.resolveTarget(command)).isInstanceOf(IllegalArgumentException.class);
    }
}
