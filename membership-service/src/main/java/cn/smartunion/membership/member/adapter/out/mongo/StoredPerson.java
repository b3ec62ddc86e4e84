package cn.smartunion.membership.member.adapter.out.mongo;

import cn.smartunion.membership.member.domain.Employment;
import cn.smartunion.membership.member.domain.EmploymentForm;
import cn.smartunion.membership.member.domain.Gender;
import cn.smartunion.membership.member.domain.Person;
import cn.smartunion.membership.member.domain.Sealed;
import cn.smartunion.runtime.personaldata.ProtectedValue;
import org.bson.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The person in a document that holds one (members, applications), stored the same way in both: name, citizen ID and
 * phone as {@link ProtectedValue} (ciphertext, blind index, masked form), gender and birth date as text, employment as
 * an {@link EmploymentPart}.
 */
public abstract class StoredPerson {

    ProtectedValue legalName;
    ProtectedValue citizenIdNumber;
    ProtectedValue mobilePhone;
    String gender;
    String birthDate;
    EmploymentPart employment;

    public final void storePerson(Person person, Employment employment) {
        legalName = stored(person.legalName());
        citizenIdNumber = stored(person.citizenIdNumber());
        mobilePhone = stored(person.mobilePhone());
        gender = person.gender().name();
        birthDate = person.birthDate().toString();
        this.employment = EmploymentPart.of(employment);
    }

    public final Person storedPerson() {
        return new Person(sealed(legalName), sealed(citizenIdNumber), sealed(mobilePhone), Gender.valueOf(gender),
                LocalDate.parse(birthDate));
    }

    public final Employment storedEmployment() {
        return EmploymentPart.toDomain(employment);
    }

    static ProtectedValue stored(Sealed value) {
        return value == null ? null : new ProtectedValue(value.ciphertext(), value.blindIndex(), value.masked());
    }

    /** The masked form of a stored personal value in a raw (projected) document, or null. */
    public static String masked(Document document, String field) {
        Document value = document.get(field, Document.class);
        return value == null ? null : value.getString("masked");
    }

    private static Sealed sealed(ProtectedValue value) {
        return value == null ? null : new Sealed(value.ciphertext(), value.blindIndex(), value.masked());
    }

    /** Employment as stored; the employer is a company, so nothing here is personal data. */
    public static final class EmploymentPart {
        String employerName;
        String employerCreditCode;
        String employmentForm;
        List<String> platforms = new ArrayList<>();

        static EmploymentPart of(Employment employment) {
            if (employment == null) {
                return null;
            }
            EmploymentPart part = new EmploymentPart();
            part.employerName = employment.employerName();
            part.employerCreditCode = employment.employerCreditCode();
            part.employmentForm = employment.form().name();
            part.platforms = new ArrayList<>(employment.platforms());
            return part;
        }

        static Employment toDomain(EmploymentPart part) {
            return part == null ? null : new Employment(part.employerName, part.employerCreditCode,
                    EmploymentForm.valueOf(part.employmentForm), part.platforms);
        }
    }
}
