package cn.smartunion.runtime.personaldata;

/**
 * {@code smartunion.personal-data.*} is missing or wrong; the service must not start. Messages name the property
 * and what is expected, never key material.
 */
public class PersonalDataConfigurationException extends IllegalStateException {

    public PersonalDataConfigurationException(String message) {
        super(message);
    }
}
