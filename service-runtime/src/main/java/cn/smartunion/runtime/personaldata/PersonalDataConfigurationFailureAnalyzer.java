package cn.smartunion.runtime.personaldata;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a personal-data configuration error into Boot's short "APPLICATION FAILED TO START" report. */
class PersonalDataConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<PersonalDataConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PersonalDataConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Configure smartunion.personal-data.* from the environment or a Kubernetes Secret, e.g. "
                        + "SMARTUNION_PERSONALDATA_KEYS_K2025=<base64 of 32 random bytes>, "
                        + "SMARTUNION_PERSONALDATA_ACTIVEKEYID=k2025, "
                        + "SMARTUNION_PERSONALDATA_BLINDINDEXKEY=<base64 of 32 other random bytes>. "
                        + "Generate a key with: openssl rand -base64 32",
                cause);
    }
}
