package cn.smartunion.runtime.personaldata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @Test
    void citizenIdNumberKeepsFirstAndLastFour() {
        assertThat(Masking.citizenIdNumber("42032219900106123X")).isEqualTo("4203**********123X");
        assertThat(Masking.citizenIdNumber("4203221990")).isEqualTo("**********");
    }

    @Test
    void mobilePhoneKeepsFirstThreeAndLastFour() {
        assertThat(Masking.mobilePhone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.mobilePhone("1381234")).isEqualTo("*******");
    }

    @Test
    void bankCardKeepsOnlyTheLastFour() {
        assertThat(Masking.bankCard("6222 0212 3456 7890 123")).isEqualTo("***************0123");
        assertThat(Masking.bankCard("6222021234567890")).isEqualTo("************7890");
        assertThat(Masking.bankCard("1234567")).isEqualTo("*******");
    }

    @Test
    void personalNameShowsFirstAndFromThreeCharactersLastCharacter() {
        assertThat(Masking.personalName("张三")).isEqualTo("张*");
        assertThat(Masking.personalName("张小三")).isEqualTo("张*三");
        assertThat(Masking.personalName("欧阳小明")).isEqualTo("欧**明");
        assertThat(Masking.personalName("买买提·艾力")).isEqualTo("买****力");
        assertThat(Masking.personalName("李")).isEqualTo("*");
        // 𠮷 lies outside the BMP: one character, not two
        assertThat(Masking.personalName("𠮷田")).isEqualTo("𠮷*");
    }

    @Test
    void nullStaysNull() {
        assertThat(Masking.citizenIdNumber(null)).isNull();
        assertThat(Masking.mobilePhone(null)).isNull();
        assertThat(Masking.bankCard(null)).isNull();
        assertThat(Masking.personalName(null)).isNull();
    }
}
