package cn.smartunion.aid.casefile.application;

/** A person as the request names them; registered with {@code People} and never stored or logged in clear. */
public record NamedPerson(String citizenIdNumber, String legalName) {

    @Override
    public String toString() {
        return "NamedPerson[***]";
    }
}
