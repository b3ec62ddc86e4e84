package cn.smartunion.aid.casefile.domain;

/** A person named on a case: aid-service's pseudonymous id and the masked forms only, never the plain name or ID. */
public record PersonRef(String personId, String maskedName, String maskedIdNumber) {
}
