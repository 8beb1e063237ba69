package dev.regua.credit.negativation.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;

/** Defaults of the negativação policy (a tenant may override them) and the retry rhythm of bureau calls. */
@ConfigMapping(prefix = "regua.credit.negativation")
public interface NegativationConfig {
    /** The bureau a tenant without its own policy uses. */
    @WithDefault("SERASA")
    String defaultBureau();

    /** Debts below this total are not registered. */
    @WithDefault("50.00")
    BigDecimal minimumAmount();

    /** Days between the notice and the earliest registration. */
    @WithDefault("10")
    int noticeWaitDays();

    /** The same for São Paulo residents (SP Lei 15.659/2015; its status is uncertain, so it is a setting). */
    @WithDefault("15")
    int noticeWaitDaysSaoPaulo();

    /** The zone of a tenant whose profile (billing's tenant-profile.updated) has not arrived yet. */
    @WithDefault("America/Sao_Paulo")
    String zone();

    /** First wait after a failed bureau call; it doubles on each failure up to {@link #retryMax()}. */
    @WithDefault("PT30S")
    Duration retryBase();

    @WithDefault("PT1H")
    Duration retryMax();

    /** How long a claimed attempt is hidden from other workers while its call runs (longer than the call timeout). */
    @WithDefault("PT2M")
    Duration lease();

    @WithDefault("20")
    int batchSize();

    /** How often the attempt runner looks for due bureau calls (real time). */
    @WithDefault("5s")
    String pollInterval();
}
