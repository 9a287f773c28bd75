package cn.minzheng.verification.core.generate;

import cn.minzheng.verification.core.store.Source;

/**
 * How often a source holds records about a person: the share of the population that appears in it, the share of
 * assistance households' members that do (vehicles are common in the population and rare among recipients), and how
 * many records such a person has on average.
 */
record SourceRecipe(Source source, double populationShare, double probeShare, double recordsPerPerson) {

    static SourceRecipe[] forSize(Size size) {
        SourceRecipe[] recipes = {
            r(Source.HUKOU, 1.0, 1.0, 1),
            r(Source.DEATH, 0.01, 0.01, 1),
            r(Source.VEHICLE, 0.2, 0.03, 1.25),
            r(Source.REAL_ESTATE, 0.3, 0.15, 1.3),
            r(Source.HOUSING_CONTRACT, 0.03, 0.005, 1),
            r(Source.BUSINESS, 0.08, 0.02, 1.5),
            r(Source.INCOME_TAX, 0.25, 0.03, 2),
            r(Source.SOCIAL_INSURANCE, 0.45, 0.1, 6),
            r(Source.PENSION, 0.15, 0.3, 3),
            r(Source.UNEMPLOYMENT, 0.01, 0.03, 3),
            r(Source.PROVIDENT_FUND, 0.15, 0.02, 2),
            r(Source.BANK_DEPOSIT, 0.4, 0.5, 1.25),
            r(Source.SECURITIES, 0.05, 0.01, 1),
            r(Source.COMMERCIAL_INSURANCE, 0.1, 0.03, 1),
            r(Source.INTERNET_FINANCE, 0.2, 0.2, 1),
            r(Source.MARRIAGE, 0.25, 0.2, 1.2),
            r(Source.DISABILITY, 0.06, 0.2, 1),
            r(Source.MEDICAL_EXPENSE, 0.3, 0.5, 1),
            r(Source.DETENTION, 0.003, 0.01, 1),
            r(Source.PUBLIC_PAYROLL, 0.03, 0.003, 1),
            r(Source.STUDENT, 0.1, 0.15, 1),
            r(Source.UTILITIES, 0.3, 0.5, 1),
            r(Source.CIVIL_ASSISTANCE, 0.02, 0.6, 1),
            r(Source.CHILD_WELFARE, 0.002, 0.02, 1),
            r(Source.DISABLED_SUBSIDY, 0.02, 0.1, 2),
            r(Source.TRAVEL_ABROAD, 0.05, 0.005, 2)
        };
        // Monthly social-insurance contributions are what makes a city's data "hundreds of millions" of rows:
        // stretch their months so that the total matches the size's record count.
        double others = 0;
        for (SourceRecipe recipe : recipes) {
            if (recipe.source != Source.SOCIAL_INSURANCE) {
                others += recipe.populationShare * recipe.recordsPerPerson;
            }
        }
        int si = Source.SOCIAL_INSURANCE.ordinal();
        double months = Math.max(1, (size.recordsPerPerson() - others) / recipes[si].populationShare);
        recipes[si] = r(Source.SOCIAL_INSURANCE, 0.45, 0.1, months);
        return recipes;
    }

    private static SourceRecipe r(Source source, double share, double probeShare, double perPerson) {
        return new SourceRecipe(source, share, probeShare, perPerson);
    }
}
