package org.wayfinder.command.person;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.wayfinder.kernel.person.NhsNumber;

/** An NHS number with a valid Modulus 11 check digit, or nothing. The message never repeats the value. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NhsNumberFormat.Validator.class)
@interface NhsNumberFormat {

    String message() default "must be a valid NHS number: 10 digits, the last a correct check digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NhsNumberFormat, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || NhsNumber.isValid(value);
        }
    }
}
