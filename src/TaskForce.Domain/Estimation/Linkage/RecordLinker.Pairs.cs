using TaskForce.Domain.CourtOutcomes;
using TaskForce.Domain.Indicators;

namespace TaskForce.Domain.Estimation.Linkage;

/// <content>The pairs of records compared: every pair of a birth-year block when decisions are recorded, only the
/// pairs the rules could link otherwise (ADR-012, "Client side").</content>
public sealed partial class RecordLinker
{
    /// <summary>Compares every pair of records with the same birth year and records the links, NIK disagreements and
    /// near misses (the reviewable decisions of the <c>link</c> tool; quadratic in the block's size).</summary>
    /// <param name="records">The prepared records.</param>
    /// <param name="candidates">Receives the fuzzy links.</param>
    /// <param name="decisions">Receives the decisions.</param>
    private void CompareAllPairs(List<Prepared> records, List<Candidate> candidates, List<LinkDecision> decisions)
    {
        foreach (IGrouping<int, Prepared> block in records.Where(r => r.BirthYearValue is not null).GroupBy(r => r.BirthYearValue!.Value))
        {
            Prepared[] members = [.. block];
            for (int i = 0; i < members.Length; i++)
            {
                for (int j = i + 1; j < members.Length; j++)
                {
                    Prepared a = members[i];
                    Prepared b = members[j];
                    if (a.NikHash is not null && a.NikHash == b.NikHash)
                    {
                        continue;
                    }

                    (LinkDecision decision, double nameScore) = Decide(a, b);
                    if (decision.Linked)
                    {
                        candidates.Add(new(a.Index, b.Index, nameScore, false, decisions.Count));
                    }

                    if (decision.Linked || decision.Rule == "nik_differs" || nameScore >= _threshold - NearMissMargin)
                    {
                        decisions.Add(decision);
                    }
                }
            }
        }
    }

    /// <summary>Finds the same fuzzy links as <see cref="CompareAllPairs"/> without comparing pairs that cannot link:
    /// two records that both have a NIK are decided by it (never a fuzzy link), and two full birth dates must be equal
    /// (rule 2), so within a birth-year block only records with the same date, or a record with the year only and any
    /// other, are compared, and not when both have a NIK. Blocking on exactly the rule's own conditions loses no pair
    /// the all-pairs comparison links.</summary>
    /// <param name="records">The prepared records.</param>
    /// <param name="candidates">Receives the fuzzy links (records by index, lower first, as in the all-pairs order).</param>
    private void CompareLinkablePairs(List<Prepared> records, List<Candidate> candidates)
    {
        foreach (IGrouping<int, Prepared> block in records.Where(r => r.BirthYearValue is not null && r.Name.Length > 0).GroupBy(r => r.BirthYearValue!.Value))
        {
            Prepared[] members = [.. block];
            foreach (IGrouping<NodaTime.LocalDate, Prepared> day in members.Where(m => m.BirthDate is not null).GroupBy(m => m.BirthDate!.Value))
            {
                Prepared[] same = [.. day];
                for (int i = 0; i < same.Length; i++)
                {
                    for (int j = i + 1; j < same.Length; j++)
                    {
                        Consider(same[i], same[j], candidates);
                    }
                }
            }

            foreach (Prepared yearOnly in members.Where(m => m.BirthDate is null))
            {
                foreach (Prepared other in members)
                {
                    // Year-only pairs once (the lower index first); year-only with dated ones always.
                    if (other.BirthDate is not null || other.Index > yearOnly.Index)
                    {
                        Consider(yearOnly, other, candidates);
                    }
                }
            }
        }
    }

    /// <summary>Decides one pair that could link and keeps it when it does.</summary>
    /// <param name="x">One record.</param>
    /// <param name="y">The other.</param>
    /// <param name="candidates">Receives the link.</param>
    private void Consider(Prepared x, Prepared y, List<Candidate> candidates)
    {
        if (x.NikHash is not null && y.NikHash is not null)
        {
            return; // equal: linked in the NIK block; different: nik_differs, never linked
        }

        (Prepared a, Prepared b) = x.Index < y.Index ? (x, y) : (y, x);
        (LinkDecision decision, double nameScore) = Decide(a, b);
        if (decision.Linked)
        {
            candidates.Add(new(a.Index, b.Index, nameScore, false, -1));
        }
    }

    /// <summary>A link to merge: records by index, the name score, whether by NIK, and the index of its decision
    /// (−1 when decisions are not recorded or for NIK links).</summary>
    /// <param name="A">The lower record index.</param>
    /// <param name="B">The higher record index.</param>
    /// <param name="Score">The name similarity (1 for a NIK link).</param>
    /// <param name="Nik">Whether the link is by NIK.</param>
    /// <param name="Decision">The decision's index in the result, or −1.</param>
    private readonly record struct Candidate(int A, int B, double Score, bool Nik, int Decision);

    private sealed class Prepared
    {
        public required int Index { get; init; }

        public required RecordRef Ref { get; init; }

        public required string? NikHash { get; init; }

        public required string Name { get; init; }

        public required string SortedName { get; init; }

        public required NodaTime.LocalDate? BirthDate { get; init; }

        public required int? BirthYearValue { get; init; }

        public required string? Kecamatan { get; init; }

        public required Sex Sex { get; init; }

        public required ChildStatus ChildStatus { get; init; }

        public required ExploitationForm Form { get; init; }

        public required NodaTime.LocalDate? IdentifiedOn { get; init; }
    }
}
