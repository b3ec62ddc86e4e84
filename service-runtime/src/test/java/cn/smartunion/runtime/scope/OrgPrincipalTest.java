package cn.smartunion.runtime.scope;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrgPrincipalTest {

    private final OrgPrincipal city = principal("420000/420300");

    @Test
    void coversItsOwnUnionAndEverythingBelow() {
        assertThat(city.covers("420000/420300")).isTrue();
        assertThat(city.covers("420000/420300/420322")).isTrue();
        assertThat(city.covers("420000/420300/420322/grassroots-17")).isTrue();
    }

    @Test
    void doesNotCoverItsParentOrSiblings() {
        assertThat(city.covers("420000")).isFalse();
        assertThat(city.covers("420000/420500/420502")).isFalse();
        assertThat(city.covers(null)).isFalse();
    }

    @Test
    void aCodeThatIsAPrefixOfAnotherCodeDoesNotCoverIt() {
        OrgPrincipal shortCode = principal("4203");

        assertThat(shortCode.covers("4203/420322")).isTrue();
        assertThat(shortCode.covers("42030")).isFalse();
        assertThat(shortCode.covers("42030/420301")).isFalse();
    }

    @Test
    void partnerClientWithoutOrgPathCoversNothing() {
        OrgPrincipal partner = new OrgPrincipal("client-court", "service-account-court", null, Set.of());

        assertThat(partner.hasOrgPath()).isFalse();
        assertThat(partner.covers("420000")).isFalse();
        assertThat(partner.covers("")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "/420000", "420000/", "420000//420300", "4200.*", "420000/420300/(x)" })
    void rejectsMalformedOrgPaths(String orgPath) {
        assertThatThrownBy(() -> principal(orgPath)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rolesAreAnImmutableCopy() {
        OrgPrincipal principal = new OrgPrincipal("u1", "u1", "420000", new java.util.HashSet<>(Set.of("staff")));

        assertThat(principal.hasRole("staff")).isTrue();
        assertThat(principal.hasRole("admin")).isFalse();
        assertThatThrownBy(() -> principal.roles().add("admin")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void requireAnyRoleIs403WithoutTheRoleOrWithoutAUnion() {
        principal("420000").requireAnyRole("admin", "staff");
        assertThatThrownBy(() -> principal("420000").requireAnyRole("admin"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        OrgPrincipal partner = new OrgPrincipal("portal", "portal", null, Set.of("staff"));
        assertThatThrownBy(() -> partner.requireAnyRole("staff"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void requireCoversIs404OutsideTheSubtree() {
        principal("420000/420300").requireCovers("420000/420300/420322", "case not found");
        assertThatThrownBy(() -> principal("420000/420300").requireCovers("420000/420500", "case not found"))
                .isInstanceOf(cn.smartunion.runtime.problem.NotFoundException.class).hasMessage("case not found");
    }

    private static OrgPrincipal principal(String orgPath) {
        return new OrgPrincipal("user-1", "zhangsan", orgPath, Set.of("staff"));
    }
}
