package dev.meshpilot.sandbox.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            aws_access_key | key AKIAIOSFODNN7EXAMPLE in the log
            gcp_api_key    | url ?key=AIzaSyA1234567890abcdefghijklmnopqrstuv
            azure_key      | DefaultEndpointsProtocol=https;AccountName=lake;AccountKey=Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFy==
            github_token   | token ghp_abcdefghijklmnopqrstuvwxyz0123456789AB
            slack_token    | xoxb-123456789012-abcdefghijklmnop
            api_key        | OPENAI_API_KEY is sk-proj-abcdefghijklmnopqrstuvwx
            api_key        | stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc
            bearer_token   | Authorization: Bearer abcdefghijklmnopqrstuvwxyz.0123456789
            jwt            | eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U
            password       | jdbc url postgresql://etl:Sup3rS3cret@warehouse-db:5432/shop
            credential     | config: password=hunter2hunter2 retries=3
            credential     | {"api_key": "0123456789abcdef"}
            card_number    | paid with 4111 1111 1111 1111 yesterday
            card_number    | card 5555-5555-5555-4444
            card_number    | amex 378282246310005
            """)
    void should_redact_each_kind_of_secret(String kind, String text) {
        String clean = Secrets.redact(text);

        assertThat(clean).contains("[REDACTED:" + kind + "]");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "order 1732521600000 placed at epoch millis",
                "order id 4111111111111112 fails the Luhn check",
                "iban NL91ABNA0417164300 is not a card",
                "uuid 3f2504e0-4f89-11d3-9a0c-0305e82c3301",
                "password authentication failed for user etl",
                "phone +31 20 794 7000 in the footer",
                "run 2026-11-24T03:12:00Z took 1234567 ms"
            })
    void should_leave_ordinary_text_alone(String text) {
        assertThat(Secrets.redact(text)).isSameAs(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "378282246310005", "6011111111111117"})
    void should_recognise_card_numbers_by_prefix_length_and_luhn(String number) {
        char last = number.charAt(number.length() - 1);
        String wrongCheckDigit = number.substring(0, number.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);

        assertThat(Secrets.cardNumber(number)).isTrue();
        assertThat(Secrets.cardNumber(wrongCheckDigit)).isFalse();
        assertThat(Secrets.cardNumber("1" + number.substring(1))).isFalse();
    }
}
