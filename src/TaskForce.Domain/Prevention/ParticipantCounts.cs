using System.Globalization;
using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Prevention;

/// <summary>The people an activity reached, by sex and adult/child (a child is under 18: UU 35/2014 Pasal 1 angka 1,
/// UU 21/2007 Pasal 1 angka 5). For <see cref="PreventionKind.ComplaintChannel"/> the counts are the contacts the
/// channel received in the period, by the sex and age of the person contacting.</summary>
/// <remarks>Counts only, never a list of people: an activity record holds no personal data.</remarks>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ParticipantCounts
{
    /// <summary>The largest count accepted in one cell (a district activity or a year of a channel stays far below).</summary>
    public const int MaxCount = 1_000_000;

    private ParticipantCounts(int femaleAdult, int maleAdult, int femaleChild, int maleChild)
    {
        FemaleAdult = femaleAdult;
        MaleAdult = maleAdult;
        FemaleChild = femaleChild;
        MaleChild = maleChild;
    }

    /// <summary>Gets the women (18 or older) reached.</summary>
    /// <value>0 to <see cref="MaxCount"/>.</value>
    public int FemaleAdult { get; }

    /// <summary>Gets the men (18 or older) reached.</summary>
    /// <value>0 to <see cref="MaxCount"/>.</value>
    public int MaleAdult { get; }

    /// <summary>Gets the girls (under 18) reached.</summary>
    /// <value>0 to <see cref="MaxCount"/>.</value>
    public int FemaleChild { get; }

    /// <summary>Gets the boys (under 18) reached.</summary>
    /// <value>0 to <see cref="MaxCount"/>.</value>
    public int MaleChild { get; }

    /// <summary>Gets the sum of the four counts.</summary>
    /// <value>0 to 4 × <see cref="MaxCount"/>.</value>
    public int Total => FemaleAdult + MaleAdult + FemaleChild + MaleChild;

    /// <summary>Checks and builds the counts.</summary>
    /// <param name="femaleAdult">Women reached (field <c>participants.female_adult</c>).</param>
    /// <param name="maleAdult">Men reached (field <c>participants.male_adult</c>).</param>
    /// <param name="femaleChild">Girls reached (field <c>participants.female_child</c>).</param>
    /// <param name="maleChild">Boys reached (field <c>participants.male_child</c>).</param>
    /// <param name="total">The total as the source wrote it, or <see langword="null"/> (field
    /// <c>participants.total</c>); when given it must equal the sum.</param>
    /// <param name="prefix">The wire prefix of the fields, <c>participants</c> unless the caller says otherwise.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="DomainValidationException">A count is missing, negative or above <see cref="MaxCount"/>
    /// (names its field), or the total is not the sum (field <c>participants.total</c>).</exception>
    public static ParticipantCounts Create(int? femaleAdult, int? maleAdult, int? femaleChild, int? maleChild, int? total = null, string prefix = "participants")
    {
        int fa = Check(femaleAdult, prefix + ".female_adult");
        int ma = Check(maleAdult, prefix + ".male_adult");
        int fc = Check(femaleChild, prefix + ".female_child");
        int mc = Check(maleChild, prefix + ".male_child");
        var counts = new ParticipantCounts(fa, ma, fc, mc);
        if (total is { } t && t != counts.Total)
        {
            throw new DomainValidationException(prefix + ".total",
                Texts.Format(PreventionText.TotalMismatch, t.ToString(CultureInfo.InvariantCulture), counts.Total.ToString(CultureInfo.InvariantCulture)));
        }

        return counts;
    }

    private static int Check(int? value, string field) => value switch
    {
        null => throw new DomainValidationException(field, PreventionText.Required),
        < 0 or > MaxCount => throw new DomainValidationException(field, Texts.Format(PreventionText.CountNegative, MaxCount.ToString(CultureInfo.InvariantCulture))),
        _ => value.Value,
    };
}
