package io.tradeplex.user.vault;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HintsTest {
    @Test
    void anApiKeyShowsAtMostFourAndFourCharactersAndAlwaysHidesMoreThanItShows() {
        assertThat(Hints.ofApiKey("abcdEFGHIJKLMNOPwxyz")).isEqualTo("abcd…wxyz");
        assertThat(Hints.ofApiKey("abcdefghijklmnop")).isEqualTo("abcd…mnop");
        assertThat(Hints.ofApiKey("abcdefghijklmno")).isEqualTo("…lmno");
        assertThat(Hints.ofApiKey("abcdefghijkl")).isEqualTo("…ijkl");
        assertThat(Hints.ofApiKey("abcdefghijk")).isEqualTo("…");
    }
}
