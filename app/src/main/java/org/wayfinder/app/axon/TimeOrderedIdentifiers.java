package org.wayfinder.app.axon;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import org.axonframework.common.IdentifierFactory;

/**
 * The identifiers Axon gives messages, events' {@code event_identifier} among them: version 7 UUIDs (RFC 9562),
 * which begin with the time in milliseconds and, within one millisecond, count up. Axon's default is version 4,
 * random throughout, so every stored event put its identifier at a random place in the event table's unique index:
 * once that index outgrew PostgreSQL's buffers (a few million events), each append read and dirtied a page of it
 * somewhere else. Identifiers that grow with time are added at the index's right edge instead.
 * <p>
 * Found by Axon through {@code META-INF/services/org.axonframework.common.IdentifierFactory}. Events stored
 * before keep their identifiers; nothing reads an identifier's version or order.
 */
public final class TimeOrderedIdentifiers extends IdentifierFactory {

    private final TimeBasedEpochGenerator generator = Generators.timeBasedEpochGenerator();

    @Override
    public String generateIdentifier() {
        return generator.generate().toString();
    }
}
