package org.wayfinder.command.history;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds a command's target the way {@link AnnotationCommandTargetResolver} does, from
 * {@code @TargetAggregateIdentifier} and {@code @TargetAggregateVersion}, but looks the annotated
 * record components up once per command type instead of scanning the class on every command, which
 * the import sends by the hundred thousand. Commands that are not records go to Axon's resolver.
 */
final class RecordTargetResolver implements CommandTargetResolver {

    private final CommandTargetResolver fallback = AnnotationCommandTargetResolver.builder().build();
    private final ClassValue<Target> targets = new ClassValue<>() {
        @Override
        protected Target computeValue(Class<?> type) {
            return Target.of(type);
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        Object payload = command.getPayload();
        Target target = targets.get(payload.getClass());
        if (target == null) {
            return fallback.resolveTarget(command);
        }
        try {
            Object id = target.identifier().invoke(payload);
            if (id == null) {
                throw new IllegalArgumentException("Invalid command. It does not identify the target aggregate. "
                        + "Make sure at least one of the fields or methods in the [" + payload.getClass().getSimpleName()
                        + "] class contains the @TargetAggregateIdentifier annotation and that it returns a non-null value.");
            }
            Object version = target.version() == null ? null : target.version().invoke(payload);
            return new VersionedAggregateIdentifier(id, version == null ? null : ((Number) version).longValue());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The target of a " + payload.getClass().getSimpleName()
                    + " could not be read.", e);
        }
    }

    private record Target(Method identifier, Method version) {

        /** The accessors of the annotated components; null when the type is no record or names no target. */
        static Target of(Class<?> type) {
            if (!type.isRecord()) {
                return null;
            }
            Method identifier = null;
            Method version = null;
            for (RecordComponent component : type.getRecordComponents()) {
                if (annotated(type, component, TargetAggregateIdentifier.class)) {
                    identifier = component.getAccessor();
                } else if (annotated(type, component, TargetAggregateVersion.class)) {
                    version = component.getAccessor();
                }
            }
            if (identifier == null) {
                return null;
            }
            identifier.setAccessible(true);
            if (version != null) {
                version.setAccessible(true);
            }
            return new Target(identifier, version);
        }

        private static boolean annotated(Class<?> type, RecordComponent component,
                                         Class<? extends java.lang.annotation.Annotation> annotation) {
            if (component.isAnnotationPresent(annotation) || component.getAccessor().isAnnotationPresent(annotation)) {
                return true;
            }
            try {
                Field field = type.getDeclaredField(component.getName());
                return field.isAnnotationPresent(annotation);
            } catch (NoSuchFieldException e) {
                return false;
            }
        }
    }
}
