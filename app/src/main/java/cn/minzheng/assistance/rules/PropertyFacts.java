package cn.minzheng.assistance.rules;

import cn.minzheng.shared.Money;
import java.util.List;

/**
 * A household's property as declared and verified (核对): financial assets, vehicles, houses, business registrations,
 * signs of high consumption.
 */
public record PropertyFacts(
        Money financialAssets,
        List<Vehicle> vehicles,
        int residentialProperties,
        int nonResidentialProperties,
        boolean activeBusinessWithEmployees,
        boolean highConsumption) {

    public enum Vehicle {
        ORDINARY("普通机动车"),
        DISABILITY_MOBILITY("残疾人功能性补偿代步机动车"),
        MOTORCYCLE("摩托车"),
        ELECTRIC_BIKE("电动自行车");

        private final String label;

        Vehicle(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public PropertyFacts {
        vehicles = List.copyOf(vehicles);
    }

    public static PropertyFacts none() {
        return new PropertyFacts(Money.ZERO, List.of(), 0, 0, false, false);
    }
}
