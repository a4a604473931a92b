using System.Text.Json;
using NodaTime;
using TaskForce.Application.Ports;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Common;
using TaskForce.Domain.CourtOutcomes;
using TaskForce.Application.Resources;

namespace TaskForce.Application.Import;

/// <summary>A verdict's revisions, shaped as the contract's <c>verdict-history</c> output (docs/wire-contract.md).</summary>
/// <param name="CaseNumber">The case number as asked for.</param>
/// <param name="CurrentRevision">The number of the revision the snapshot counts.</param>
/// <param name="Revisions">Every revision, oldest first.</param>
public sealed record VerdictHistory(string CaseNumber, int CurrentRevision, IReadOnlyList<VerdictHistoryEntry> Revisions);

/// <summary>One revision of a verdict in <see cref="VerdictHistory"/>.</summary>
/// <param name="Revision">The revision number: 1 for the imported record, 2, 3, … for each correction.</param>
/// <param name="Current">Whether the snapshot counts this revision (exactly one is current).</param>
/// <param name="RecordedAt">When it was stored (UTC instant from the importer's clock), or <see langword="null"/> for
/// a revision 1 imported before this was recorded.</param>
/// <param name="Reason">The correction's reason, or <see langword="null"/> for revision 1.</param>
/// <param name="Changed">The stored fact names (snake_case, as in <see cref="Facts"/>) that differ from the previous
/// revision; empty for revision 1.</param>
/// <param name="Facts">The revision's facts.</param>
public sealed record VerdictHistoryEntry(int Revision, bool Current, Instant? RecordedAt, string? Reason, IReadOnlyList<string> Changed, CourtVerdictFacts Facts);

/// <summary>Reads a verdict's revisions for the data officer (docs/decisions/ADR-015-verdict-revisions.md).</summary>
/// <param name="revisions">The store of revisions.</param>
public sealed class VerdictHistoryUseCase(IVerdictRevisions revisions)
{
    /// <summary>Reads the revisions of the verdict with a case number.</summary>
    /// <param name="caseNumber">The case number, in any spelling of its identity (letter case and spacing do not count).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The history, or <see langword="null"/> when no verdict with that case number is stored.</returns>
    /// <exception cref="DomainValidationException">The case number is missing, longer than
    /// <see cref="CourtVerdict.CaseNumberMaxLength"/> characters or holds a control character (field
    /// <c>case_number</c>).</exception>
    public async Task<VerdictHistory?> GetAsync(string? caseNumber, CancellationToken cancellationToken = default)
    {
        string number = caseNumber?.Trim() ?? string.Empty;
        if (number.Length == 0)
        {
            throw new DomainValidationException("case_number", ImportText.CaseNumberRequired);
        }

        if (number.Length > CourtVerdict.CaseNumberMaxLength)
        {
            throw new DomainValidationException("case_number", Texts.Format(ImportText.CaseNumberTooLong, CourtVerdict.CaseNumberMaxLength));
        }

        if (number.Any(char.IsControl))
        {
            throw new DomainValidationException("case_number", ImportText.CaseNumberControlCharacter);
        }

        var stored = await revisions.GetHistoryAsync(number, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        var entries = new List<VerdictHistoryEntry>(stored.Count);
        JsonElement? previous = null;
        foreach (var r in stored)
        {
            var facts = JsonSerializer.SerializeToElement(r.Verdict.Facts, TaskForceJson.Options);
            entries.Add(new VerdictHistoryEntry(r.Number, r.Current, r.RecordedAt, r.Reason, previous is { } p ? ChangedFields(p, facts) : [], r.Verdict.Facts));
            previous = facts;
        }

        return new VerdictHistory(number, stored.FirstOrDefault(r => r.Current)?.Number ?? 0, entries);
    }

    private static List<string> ChangedFields(JsonElement before, JsonElement after)
    {
        var names = before.EnumerateObject().Select(p => p.Name).Union(after.EnumerateObject().Select(p => p.Name), StringComparer.Ordinal);
        return names.Where(n => !Same(before, after, n)).ToList();

        static bool Same(JsonElement a, JsonElement b, string name) =>
            a.TryGetProperty(name, out var x) ? b.TryGetProperty(name, out var y) && JsonElement.DeepEquals(x, y) : !b.TryGetProperty(name, out _);
    }
}
