package cn.minzheng.platform;

import java.util.List;

/**
 * The district's streets and their communities as they are today, for choosing a unit from the tree (filters, a new
 * account's scope, a resident's community); implemented by the region module.
 */
public interface RegionChoices {

    /** A unit with its code (what the form sends) and name (what a person reads). */
    record Choice(String code, String name, List<Choice> children) {}

    /** The streets within {@code scope} (a district, street or community code), each with its communities. */
    List<Choice> streets(String scope);
}
