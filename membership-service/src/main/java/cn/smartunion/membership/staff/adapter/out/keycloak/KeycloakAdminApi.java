package cn.smartunion.membership.staff.adapter.out.keycloak;

import java.util.List;

import cn.smartunion.membership.staff.adapter.out.keycloak.KeycloakRepresentations.Role;
import cn.smartunion.membership.staff.adapter.out.keycloak.KeycloakRepresentations.User;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;
import tools.jackson.databind.node.ObjectNode;

/** The endpoints of Keycloak's admin REST API this service calls, as a typed Spring HTTP interface over RestClient. */
@HttpExchange(url = "/admin/realms/{realm}", accept = "application/json")
interface KeycloakAdminApi {

    /** 201 with {@code Location: .../users/<id>}. */
    @PostExchange(url = "/users", contentType = "application/json")
    ResponseEntity<Void> createUser(@PathVariable String realm, @RequestBody User user);

    @GetExchange("/users")
    List<User> findUsers(@PathVariable String realm, @RequestParam String username, @RequestParam boolean exact);

    /** The whole representation, so an update can send back everything it does not change. */
    @GetExchange("/users/{id}")
    ObjectNode getUser(@PathVariable String realm, @PathVariable String id);

    @PutExchange(url = "/users/{id}", contentType = "application/json")
    void updateUser(@PathVariable String realm, @PathVariable String id, @RequestBody ObjectNode user);

    @DeleteExchange("/users/{id}")
    void deleteUser(@PathVariable String realm, @PathVariable String id);

    /**
     * The realm roles that could still be mapped to the user, with their ids; readable with manage-users and
     * view-users, where the realm's role list would need view-realm as well.
     */
    @GetExchange("/users/{id}/role-mappings/realm/available")
    List<Role> availableUserRealmRoles(@PathVariable String realm, @PathVariable String id);

    /** The realm roles mapped to the user directly (not composite or default ones). */
    @GetExchange("/users/{id}/role-mappings/realm")
    List<Role> userRealmRoles(@PathVariable String realm, @PathVariable String id);

    @PostExchange(url = "/users/{id}/role-mappings/realm", contentType = "application/json")
    void addUserRealmRoles(@PathVariable String realm, @PathVariable String id, @RequestBody List<Role> roles);

    @DeleteExchange(url = "/users/{id}/role-mappings/realm", contentType = "application/json")
    void removeUserRealmRoles(@PathVariable String realm, @PathVariable String id, @RequestBody List<Role> roles);
}
