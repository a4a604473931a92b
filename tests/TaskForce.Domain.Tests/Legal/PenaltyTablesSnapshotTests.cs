using Snapshooter.Xunit;
using TaskForce.Domain.Legal;

namespace TaskForce.Domain.Tests.Legal;

/// <summary>An approval snapshot of the whole penalty data (docs/decisions/ADR-003): any change to a number, a
/// confidence mark or a source shows up in review as a diff of the .snap file. Correctness of the numbers is checked
/// by the hand-written tables in SentenceCheckerRangeTests and VerdictSentenceCheckTests, not by this snapshot.</summary>
public class PenaltyTablesSnapshotTests
{
    [Fact]
    public void PenaltyTables_MatchTheApprovedData()
    {
        var data = new
        {
            Regimes = PenaltyTables.Regimes.Select(r => new { r.Id, r.LawId, From = r.OffencesFrom.ToString("uuuu-MM-dd", null), Before = r.OffencesBefore?.ToString("uuuu-MM-dd", null), r.IsAdjusted2026, r.DeterminatePrisonCapMonths, r.Confirmed }),
            Penalties = PenaltyTables.Penalties.Select(p => new { p.RegimeId, p.ArticleId, p.PrisonMinMonths, p.PrisonMaxMonths, p.LifeImprisonment, p.FineMinIdr, p.FineMaxIdr, p.FineMaxCategory, Mode = p.Mode.ToString(), p.Confirmed, p.Source }),
            Aggravations = PenaltyTables.Aggravations.Select(a => new { a.RegimeId, a.Id, a.AppliesTo, Effect = a.Effect.ToString(), a.Confirmed }),
            Participations = PenaltyTables.Participations.Select(p => new { p.RegimeId, Participation = p.Participation.ToString(), p.AppliesTo, p.MaxNumerator, p.MaxDenominator, p.KeepsSpecialMinimum, p.Confirmed }),
            Corporate = PenaltyTables.CorporateRules.Select(c => new { c.RegimeId, c.AppliesTo, c.FineFactor, c.Confirmed }),
            FineCategories = PenaltyTables.FineCategories.Select(c => new { c.Category, c.AmountIdr, c.Confirmed }),
        };

        Snapshot.Match(data);
    }
}
