package org.wayfinder.kernel.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EthnicCategoryTest {

    @Test
    void the_nhs_letters_map_to_their_broad_groups() {
        String byGroup = Arrays.stream(EthnicCategory.values())
                .map(category -> category.code() + "=" + category.broadGroup())
                .collect(Collectors.joining(" "));
        assertThat(byGroup).isEqualTo("A=WHITE B=WHITE C=WHITE D=MIXED E=MIXED F=MIXED G=MIXED H=ASIAN J=ASIAN "
                + "K=ASIAN L=ASIAN M=BLACK N=BLACK P=BLACK R=OTHER S=OTHER Z=NOT_STATED");
    }

    @Test
    void a_category_is_found_by_its_letter() {
        assertThat(EthnicCategory.byCode("N")).contains(EthnicCategory.BLACK_AFRICAN);
        assertThat(EthnicCategory.byCode("I")).isEmpty();
    }
}
