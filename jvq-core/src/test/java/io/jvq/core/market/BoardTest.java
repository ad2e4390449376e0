package io.jvq.core.market;

import io.jvq.core.FixedPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoardTest {

    @ParameterizedTest(name = "{0} is {1} on {2}: tick {3}, lot {4}, ±{5}%")
    @CsvSource({
        "600519, SHANGHAI_MAIN,    SHANGHAI, 0.01,  100, 10",
        "601318, SHANGHAI_MAIN,    SHANGHAI, 0.01,  100, 10",
        "688981, STAR,             SHANGHAI, 0.01,  100, 20",
        "000001, SHENZHEN_MAIN,    SHENZHEN, 0.01,  100, 10",
        "002594, SHENZHEN_MAIN,    SHENZHEN, 0.01,  100, 10",
        "300750, CHINEXT,          SHENZHEN, 0.01,  100, 20",
        "301269, CHINEXT,          SHENZHEN, 0.01,  100, 20",
        "113050, CONVERTIBLE_BOND, SHANGHAI, 0.001, 10,  20",
        "127063, CONVERTIBLE_BOND, SHENZHEN, 0.001, 10,  20",
        "510300, FUND,             SHANGHAI, 0.001, 100, 10",
        "159915, FUND,             SHENZHEN, 0.001, 100, 10",
        "161725, FUND,             SHENZHEN, 0.001, 100, 10",
        "900901, OTHER,            SHANGHAI, 0.01,  100, 10",
    })
    void theDigitsGiveTheBoardAndItsRules(String symbol, Board board, Exchange exchange, String tick, int lot,
                                          int limit) {
        assertThat(Board.of(symbol)).isEqualTo(board);
        assertThat(Board.exchangeOf(symbol)).isEqualTo(exchange);
        assertThat(board.tick()).isEqualTo(FixedPoint.of(tick));
        assertThat(board.lotSize()).isEqualTo(lot);
        assertThat(board.limitPercent()).isEqualTo(limit);
    }

    @Test
    void indicesHaveNoExchangeLotOrLimit() {
        assertThat(Board.of("i000001")).isEqualTo(Board.INDEX);
        assertThat(Board.exchangeOf("i000001")).isNull();
        assertThat(SecurityRules.of("i000001", "上证指数").hasPriceLimit()).isFalse();
        assertThat(Board.INDEX.lotSize()).isZero();
    }

    @Test
    void aBadSymbolIsNamedInTheError() {
        assertThatThrownBy(() -> Board.of("60051")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'60051'");
    }
}
