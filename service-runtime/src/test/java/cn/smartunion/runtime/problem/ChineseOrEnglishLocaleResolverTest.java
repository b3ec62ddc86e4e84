package cn.smartunion.runtime.problem;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseOrEnglishLocaleResolverTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "NONE | zh-CN",
            "'' | zh-CN",
            "zh-CN | zh-CN",
            "zh | zh-CN",
            "zh-TW | zh-CN",
            "en | en",
            "en-GB | en",
            "en-US,en;q=0.9,zh-CN;q=0.8 | en",
            "zh-CN,zh;q=0.9,en;q=0.8 | zh-CN",
            "fr-FR,en;q=0.5 | en",
            "fr-FR | zh-CN",
            "en;q=0,zh;q=0.1 | zh-CN",
            "*;q=;;, | zh-CN" })
    void choosesChineseUnlessEnglishIsPreferred(String acceptLanguage, String expected) {
        assertThat(ChineseOrEnglishLocaleResolver.resolve(acceptLanguage)).isEqualTo(Locale.forLanguageTag(expected));
    }
}
