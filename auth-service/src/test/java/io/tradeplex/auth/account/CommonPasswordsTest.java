package io.tradeplex.auth.account;

import io.tradeplex.auth.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.tradeplex.auth.AuthApi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class CommonPasswordsTest {
    @Inject
    CommonPasswords commonPasswords;
    @Inject
    Pool pool;

    @Test
    void theWholeShippedListIsLoaded() {
        assertThat(commonPasswords.size()).isEqualTo(30_000);
    }

    @Test
    void listedPasswordsAreRecognisedWhateverTheirCase() {
        assertThat(commonPasswords.isCommon("qwertyuiop")).isTrue();
        assertThat(commonPasswords.isCommon("QwertyUIOP")).isTrue();
        assertThat(commonPasswords.isCommon("1qaz2wsx3edc")).isTrue();
    }

    @Test
    void digitsAndSymbolsAppendedToAListedWordDoNotHelp() {
        assertThat(commonPasswords.isCommon("password123456")).isTrue();
        assertThat(commonPasswords.isCommon("Dragon2024!!!!")).isTrue();
        // The list's own entries may end in a digit: trailing characters come off one at a time.
        assertThat(commonPasswords.isCommon("trustno1!!!!")).isTrue();
    }

    @Test
    void uncommonPasswordsPass() {
        assertThat(commonPasswords.isCommon(AuthApi.PASSWORD)).isFalse();
        assertThat(commonPasswords.isCommon("password-manager-made-this")).isFalse();
        // Only trailing characters are stripped: a listed word inside a longer phrase is not a match.
        assertThat(commonPasswords.isCommon("my dragon sleeps 1234")).isFalse();
    }

    @Test
    void signUpWithACommonPasswordIsRefusedNamingTheFieldAndCreatesNothing() {
        for (String password : List.of("password123456", "QWERTYUIOP2024!", "1qaz2wsx3edc")) {
            String email = AuthApi.uniqueEmail();
            AuthApi.register(email, password)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("PASSWORD_TOO_COMMON"))
                    .body("errors.field", hasItem("password"));
            long accounts = Db.lookup(pool, "select count(*) from accounts where email = $1", Tuple.of(email))
                    .iterator().next().getLong(0);
            assertThat(accounts).isZero();
        }
    }
}
