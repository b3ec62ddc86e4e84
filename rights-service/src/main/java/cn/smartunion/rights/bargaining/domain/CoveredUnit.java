package cn.smartunion.rights.bargaining.domain;

/** An employing unit a collective contract covers, by its validated unified social credit code. */
public record CoveredUnit(String creditCode, String name) {
}
