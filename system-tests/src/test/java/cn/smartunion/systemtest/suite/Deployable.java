package cn.smartunion.systemtest.suite;

import java.util.List;

/** What the suite deploys: the five services and the gateway. */
public enum Deployable {

    MEMBERSHIP("membership-service", "membership"),
    AID("aid-service", "aid"),
    RIGHTS("rights-service", "rights"),
    COMPETITION("competition-service", "competition"),
    STATISTICS("statistics-service", "statistics"),
    GATEWAY("gateway", null);

    private final String artifactId;
    private final String name;

    Deployable(String artifactId, String name) {
        this.artifactId = artifactId;
        this.name = name;
    }

    public static List<Deployable> services() {
        return List.of(MEMBERSHIP, AID, RIGHTS, COMPETITION, STATISTICS);
    }

    public String artifactId() {
        return artifactId;
    }

    /** The service's database, and the segment of its API paths. */
    public String database() {
        return name;
    }

    /** The service's route at the gateway, e.g. {@code /api/aid}. */
    public String apiPrefix() {
        return "/api/" + name;
    }

    /**
     * An authenticated GET that reads the service's database and that any union staff member may call: membership's
     * organisation list, the org directory of the others.
     */
    public String databaseBackedGet() {
        return this == MEMBERSHIP ? "/api/membership/v1/orgs" : apiPrefix() + "/v1/org-directory";
    }

    String readinessPath() {
        return this == GATEWAY ? "/readyz" : "/actuator/health/readiness";
    }
}
