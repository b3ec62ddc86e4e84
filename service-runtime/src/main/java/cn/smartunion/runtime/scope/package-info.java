/**
 * Org-scope security (ARCHITECTURE §5), auto-configured by {@link cn.smartunion.runtime.scope.OrgScopeSecurityAutoConfiguration}.
 *
 * <p>A service needs only the standard resource-server properties:
 * <pre>
 * spring.security.oauth2.resourceserver.jwt.issuer-uri=https://sso.example/realms/smartunion
 * spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://sso.example/realms/smartunion/protocol/openid-connect/certs
 * spring.security.oauth2.resourceserver.jwt.audiences=smartunion-api
 * </pre>
 * and writes its controllers and queries like this:
 * <pre>{@code
 * @GetMapping("/{id}")
 * CaseView one(@PathVariable String id, @AuthenticationPrincipal OrgPrincipal principal) {
 *     Case found = mongo.findOne(query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", principal)),
 *             Case.class);
 *     if (found == null) throw new NotFoundException("Case not found");   // out of scope looks the same: 404
 *     if (!principal.hasRole("aid-approver")) throw new AccessDeniedException("...");   // in scope, wrong role: 403
 *     ...
 * }
 * }</pre>
 * Index the owner-path field: the subtree criterion is an anchored prefix regex MongoDB answers from the index.
 */
package cn.smartunion.runtime.scope;

