using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Indicators;
using static TaskForce.Domain.Tests.Indicators.CaseFactFixture;

namespace TaskForce.Domain.Tests.Indicators;

public sealed class SuppressionTests
{
    [Fact]
    public void Solve_WithholdsKMinusOneAndShowsK_GivenTwoCellsWithoutRelations()
    {
        var p = new SuppressionProblem();
        int ten = p.AddCell(10), eleven = p.AddCell(11), zero = p.AddCell(0);

        var s = p.Solve(11);

        Assert.Equal(CellSuppression.Primary, s[ten]);
        Assert.Equal(CellSuppression.None, s[eleven]);
        Assert.Equal(CellSuppression.None, s[zero]); // a zero tells of no person
    }

    [Fact]
    public void Solve_WithholdsTheSmallestOtherPart_GivenOneSmallPartOfAShownTotal()
    {
        // 40 = 10 + 11 + 19 with k = 11: 10 alone would be 40 - 11 - 19. The smallest other part, 11, is withheld too.
        var p = new SuppressionProblem();
        int total = p.AddCell(40), a = p.AddCell(10), b = p.AddCell(11), c = p.AddCell(19);
        p.AddTotal(total, [a, b, c]);

        var s = p.Solve(11);

        Assert.Equal([CellSuppression.None, CellSuppression.Primary, CellSuppression.Complementary, CellSuppression.None], s);
    }

    [Fact]
    public void Solve_PrefersANonZeroComplement_GivenAZeroPart()
    {
        // 30 = 5 + 0 + 25: withholding the 0 would leave 5 + x = 5; the rule takes 25 (smallest non-zero) instead.
        var p = new SuppressionProblem();
        int total = p.AddCell(30), a = p.AddCell(5), z = p.AddCell(0), c = p.AddCell(25);
        p.AddTotal(total, [a, z, c]);

        var s = p.Solve(11);

        Assert.Equal(CellSuppression.Primary, s[a]);
        Assert.Equal(CellSuppression.None, s[z]);
        Assert.Equal(CellSuppression.Complementary, s[c]);
    }

    [Fact]
    public void Solve_BreaksABridgeBetweenTwoRectangles_GivenATableWhereEveryLineHasTwoWithheldCells()
    {
        // A 4 x 4 table with row and column totals. Small cells (all < 11): the rectangle rows 1-2 x columns 1-2, the
        // rectangle rows 3-4 x columns 3-4 and the cell (2,3). Every row and column has 0 or >= 2 small cells, so the
        // "two per line" rule would publish it, but (2,3) = row1 + row2 - col1 - col2 totals: a bridge. By hand, the
        // engine withholds one more cell of row 2 or column 3, the smallest non-zero: (1,3) = 15 (row 2 has 40 at
        // (2,4); column 3 has (1,3) = 15 and (4,3) small already).
        long[,] v =
        {
            { 2, 3, 15, 50 },
            { 4, 5, 6, 40 },
            { 60, 70, 7, 8 },
            { 80, 90, 9, 10 },
        };
        var p = new SuppressionProblem();
        var cell = new int[4, 4];
        for (int r = 0; r < 4; r++)
        {
            for (int c = 0; c < 4; c++)
            {
                cell[r, c] = p.AddCell(v[r, c]);
            }
        }

        for (int r = 0; r < 4; r++)
        {
            p.AddTotal(p.AddCell(Enumerable.Range(0, 4).Sum(c => v[r, c])), [.. Enumerable.Range(0, 4).Select(c => cell[r, c])]);
        }

        for (int c = 0; c < 4; c++)
        {
            p.AddTotal(p.AddCell(Enumerable.Range(0, 4).Sum(r => v[r, c])), [.. Enumerable.Range(0, 4).Select(r => cell[r, c])]);
        }

        var s = p.Solve(11);

        var withheld = new List<(int, int)>();
        for (int r = 0; r < 4; r++)
        {
            for (int c = 0; c < 4; c++)
            {
                if (s[cell[r, c]] != CellSuppression.None)
                {
                    withheld.Add((r + 1, c + 1));
                }
            }
        }

        Assert.Equal([(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3), (3, 3), (3, 4), (4, 3), (4, 4)], withheld);
        Assert.Equal(CellSuppression.Complementary, s[cell[0, 2]]);
        Assert.All(Enumerable.Range(16, 8), i => Assert.Equal(CellSuppression.None, s[i])); // totals shown
    }

    [Fact]
    public void Compute_WithholdsTheSmallSexCellAndItsComplement_Given12WomenAnd10MenWithK11()
    {
        // 22 trafficking victims: 12 female, 10 male, all aged 30, all forced labour, citizenship ID, no destination.
        // male (10) < 11 is withheld; the total 22 is shown, so female (12) is withheld too: 22 - 12 would give 10.
        var facts = Enumerable.Range(1, 22).Select(i => Case($"K{i}", "police:Polres TTU", CaseType.Tppo, Wita(2025, 2, 1, 9, 0)) with
        {
            PersonKey = $"{i:D32}", PersonKeyLinkable = true, Sex = i <= 12 ? Sex.Female : Sex.Male, AgeAtOffence = 30,
            Citizenship = CountryCode.Indonesia, Purposes = PurposeSet.Of([TaskForce.Domain.Legal.ExploitationPurpose.ForcedLabour]),
        });
        var r = CaseIndicators.Compute(IndicatorInput.From(facts, DistrictTime.DefaultZone), Ttu, Q1, new CaseIndicatorOptions { SuppressionK = 11 });
        var c = r.Cells;

        Assert.Equal(22m, Value(c, "victims_identified"));
        var male = Cell(c, "victims_identified", ("sex", "male"));
        Assert.True(male.Suppressed);
        Assert.Null(male.Value);
        Assert.True(Cell(c, "victims_identified", ("sex", "female")).Suppressed);
        Assert.Equal(0m, Value(c, "victims_identified", ("sex", "unknown")));

        // The SDG cells of male adults mirror the withheld count; female adults are withheld as its complement.
        Assert.True(Cell(c, "sdg_16_2_2", ("sex", "male"), ("age_group", "adult"), ("exploitation_form", "forced_labour")).Suppressed);
        Assert.Equal(7.97m, Value(c, "sdg_16_2_2")); // 22 / 276,032 x 100,000 = 7.970... -> 7.97

        // No one-dimensional group of victims_identified has exactly one withheld cell.
        foreach (string dim in new[] { "sex", "age_group", "age_broad", "citizenship", "destination_country", "migrant_worker_status" })
        {
            int n = c.Count(x => x.Id == "victims_identified" && x.Disaggregation.Count == 1 && x.Disaggregation[0].Key == dim && x.Suppressed);
            Assert.NotEqual(1, n);
        }
    }

    [Fact]
    public void Compute_RecodesSmallCountriesToOther_GivenOneCitizenOfTimorLeste()
    {
        // 12 Indonesians and 1 Timorese with k = 11: TL is recoded into "other" (1 < k), which is then withheld, and
        // so is its complement ID (12), since the total 13 is shown.
        var facts = Enumerable.Range(1, 13).Select(i => Case($"T{i}", "police:Polres TTU", CaseType.Tppo, Wita(2025, 2, 1, 9, 0)) with
        {
            PersonKey = $"{i:D32}", PersonKeyLinkable = true, Citizenship = i <= 12 ? CountryCode.Indonesia : CountryCode.Parse("TL", "c"),
        });
        var c = CaseIndicators.Compute(IndicatorInput.From(facts, DistrictTime.DefaultZone), Ttu, Q1, new CaseIndicatorOptions { SuppressionK = 11 }).Cells;

        Assert.False(Has(c, "victims_identified", ("citizenship", "TL")));
        Assert.True(Cell(c, "victims_identified", ("citizenship", "other")).Suppressed);
        Assert.True(Cell(c, "victims_identified", ("citizenship", "ID")).Suppressed);
        Assert.Equal(0m, Value(c, "victims_identified", ("citizenship", "unknown")));
    }

    [Fact]
    public void Compute_WithholdsRatesBuiltOnWithheldCounts_GivenTheHandMadeSetWithK11()
    {
        var c = CaseIndicators.Compute(Input(), Ttu, Q1, new CaseIndicatorOptions { SuppressionK = 11 }).Cells;

        // Every count of the hand-made set is below 11, so every non-zero count is withheld, and so is every rate.
        Assert.True(Cell(c, "victims_identified").Suppressed);
        Assert.True(Cell(c, "sdg_16_2_2").Suppressed);
        Assert.True(Cell(c, "justice_conversion", ("from_stage", "reported"), ("to_stage", "laporan_polisi")).Suppressed);
        Assert.True(Cell(c, "first_response_on_time").Suppressed);
        Assert.Equal(0m, Value(c, "victims_identified", ("sex", "unknown")));
        Assert.All(c.Where(x => x.Suppressed), x => Assert.Null(x.Value));
    }
}
