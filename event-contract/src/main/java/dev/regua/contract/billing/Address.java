package dev.regua.contract.billing;

/** A Brazilian postal address as shown on collection documents. */
public record Address(String street, String number, String complement, String district, String city, String state,
                      String postalCode) {

    /** One line, e.g. "Rua das Flores, 100, sala 2 - Centro, Campinas/SP, CEP 13010-000". */
    public String oneLine() {
        StringBuilder sb = new StringBuilder().append(street).append(", ").append(number);
        if (complement != null && !complement.isBlank()) {
            sb.append(", ").append(complement);
        }
        if (district != null && !district.isBlank()) {
            sb.append(" - ").append(district);
        }
        sb.append(", ").append(city).append('/').append(state);
        if (postalCode != null && !postalCode.isBlank()) {
            sb.append(", CEP ").append(postalCode);
        }
        return sb.toString();
    }
}
