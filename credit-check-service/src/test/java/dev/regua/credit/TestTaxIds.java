package dev.regua.credit;

import java.util.Random;

/** Valid CPFs for tests, a new one each call. */
public final class TestTaxIds {
    private static final Random RANDOM = new Random();

    private TestTaxIds() {
    }

    /** A random valid CPF, formatted (###.###.###-##). */
    public static String cpf() {
        int[] d = new int[11];
        for (int i = 0; i < 9; i++) {
            d[i] = RANDOM.nextInt(10);
        }
        for (int k = 9; k < 11; k++) {
            int sum = 0;
            for (int i = 0; i < k; i++) {
                sum += d[i] * (k + 1 - i);
            }
            int r = sum % 11;
            d[k] = r < 2 ? 0 : 11 - r;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            sb.append(d[i]);
            if (i == 2 || i == 5) {
                sb.append('.');
            } else if (i == 8) {
                sb.append('-');
            }
        }
        return sb.toString();
    }
}
