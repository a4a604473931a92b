namespace TaskForce.Domain.Estimation;

/// <summary>
/// One row of a capture-history table as a caller supplies it: a 0/1 mark per list (1 = the person is on that list)
/// and the number of people with exactly that combination of lists.
/// </summary>
/// <remarks>
/// The row is not checked on creation; <see cref="CaptureHistoryTable.Create"/> checks every row against the table's
/// lists and rejects cells other than 0 and 1, negative counts and duplicates. Example for lists LA, NG, PF:
/// <c>new CaptureHistoryRow([1, 0, 1], 19)</c> says 19 people are on LA and PF and on no other list.
/// </remarks>
/// <param name="Cells">One mark per list, in the table's list order; each must be 0 or 1.</param>
/// <param name="Count">The number of people with this combination of lists, ≥ 0.</param>
public sealed record CaptureHistoryRow(IReadOnlyList<int> Cells, long Count);
