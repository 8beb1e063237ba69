package dev.regua.credit.analysis.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;

/** Defaults of the tenant's credit-analysis policy and how long a bureau answer may be reused. */
@ConfigMapping(prefix = "regua.credit.analysis")
public interface AnalysisConfig {
    /** A bureau answer younger than this is reused (and the reuse audited) instead of paying for a new call. */
    @WithDefault("PT24H")
    Duration cacheTtl();

    @WithDefault("300")
    int denyBelowScore();

    @WithDefault("500")
    int reviewBelowScore();

    @WithDefault("0.00")
    BigDecimal maxRestrictedAmount();

    @WithDefault("0.00")
    BigDecimal maxOverdueWithTenant();

    @WithDefault("0.7000")
    BigDecimal minOnTimeShare();

    @WithDefault("24")
    int maxInstallments();

    @WithDefault("5000.00")
    BigDecimal limitPerThousandScore();
}
