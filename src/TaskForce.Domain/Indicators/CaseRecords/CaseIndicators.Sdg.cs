using TaskForce.Domain.CourtOutcomes;

namespace TaskForce.Domain.Indicators;

/// <content>The <c>sdg_16_2_2</c> family: victims identified per 100,000 population (SDG 16.2.2 metadata).</content>
public static partial class CaseIndicators
{
    private static void AddSdg(CellSet cells, Scope s, int viTotal, PopulationTable population, List<string> warnings)
    {
        const string id = IndicatorIds.Sdg1622;
        var choice = s.Region.IsAll ? null : population.Choose(s.Region, s.Period.Start.Year);
        if (choice is null)
        {
            warnings.Add($"{IndicatorIds.Sdg1622} is not computed for region {s.Region.Value}: the population table {population.Version} has no figure for it.");
            return;
        }

        if (choice.Warning is { } w)
        {
            warnings.Add($"{IndicatorIds.Sdg1622}: " + w);
        }

        if (s.Period.Kind != PeriodKind.Year)
        {
            warnings.Add($"{IndicatorIds.Sdg1622} for {s.Period.Label} counts the victims of that period over the year's population; it is not annualised.");
        }

        var figure = choice.Figure;
        var denominator = new PopulationDenominator(figure.Total, figure.Year, figure.ReferenceCode, figure.Source);
        cells.Rate(id, viTotal, figure.Total, 100_000m, 2, denominator);

        // Hidden counts of sex x child/adult x form: each equals a sum of victims_identified cross cells.
        var crossCells = cells.Cross!;
        int ageS = AgeGroups.Codes(AgeGrouping.SimfoniPpa).Count;
        string[] statuses = ["child", "adult", "unknown"];
        for (int sx = 0; sx < 3; sx++)
        {
            for (int cs = 0; cs < 3; cs++)
            {
                for (int f = 0; f < 4; f++)
                {
                    var parts = new List<int>();
                    long n = 0;
                    for (int ai = 0; ai < ageS; ai++)
                    {
                        if (AgeGroups.ChildStatusOfGroup(AgeGrouping.SimfoniPpa, ai).ToCode() == statuses[cs])
                        {
                            parts.Add(crossCells[sx, ai, f]);
                            n += cells.ValueOf(crossCells[sx, ai, f]);
                        }
                    }

                    int hidden = cells.Hidden(n);
                    cells.Total(hidden, parts);
                    cells.Rate(id, hidden, figure.Total, 100_000m, 2, denominator,
                        ("sex", SexOrder[sx].ToCode()), ("age_group", statuses[cs]), ("exploitation_form", ExploitationForms.Codes[f]));
                }
            }
        }
    }
}
