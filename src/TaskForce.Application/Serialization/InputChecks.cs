using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using TaskForce.Application.Resources;
using TaskForce.Domain.Common;

namespace TaskForce.Application.Serialization;

/// <summary>
/// Checks of values read from input files and bodies made the same way for every format (issue 15 §4;
/// docs/decisions/ADR-028-bad-input.md): no control character in a text, no date outside
/// <see cref="PlausibleDate"/>'s range, no invalid text.
/// </summary>
/// <remarks>
/// <para>Control characters: U+0000–U+001F, U+007F and U+0080–U+009F are refused, except TAB (U+0009), LF (U+000A)
/// and CR (U+000D), which a free-text note or a quoted multi-line CSV cell may hold (in a JSON line they can only
/// be escaped). U+FFFD (the replacement character a lenient decoder writes for bytes that are not UTF-8) is refused
/// as invalid UTF-8: no real record holds it.</para>
/// <para>Dates in JSON documents: every string value written exactly as a date (<c>YYYY-MM-DD</c>) or an ISO instant
/// (<c>YYYY-MM-DDThh:mm…Z</c>) is checked against <see cref="PlausibleDate.Earliest"/>; the fields of
/// <see cref="PastEventFields"/> (events that have happened when they are recorded) also against today, when the
/// reader knows today. Messages name the field, never the value (it may identify a person).</para>
/// </remarks>
public static partial class InputChecks
{
    /// <summary>The names of JSON fields that report an event that has happened (a birth, an offence, a decision,
    /// a report, an arrest, an identification, a consent, a letter sent): a value after today is refused. Fields
    /// not listed (an order's last day, a deadline, an effective date the domain checks itself) may be later.</summary>
    public static readonly IReadOnlySet<string> PastEventFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "birth_date", "offence_date", "offence_date_from", "offence_date_to", "decision_date", "deliberation_date",
        "arrest_date", "arrested_at", "identified_on", "reported_at", "reported_on", "spdp_sent_on", "sent_on",
        "given_on", "given_at", "consent_given_on", "recorded_at", "withdrawn_on", "withdrawn_at",
    };

    /// <summary>Checks one text value.</summary>
    /// <param name="value">The value, or <see langword="null"/> (accepted).</param>
    /// <param name="field">The field it was read from, named in the refusal.</param>
    /// <returns><paramref name="value"/>, unchanged.</returns>
    /// <exception cref="DomainValidationException">The value holds a control character (kind
    /// <see cref="InputProblems.ControlCharacter"/>) or U+FFFD (kind <see cref="InputProblems.InvalidUtf8"/>); the
    /// message gives the code point and position, never the value.</exception>
    public static string? Text(string? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '\uFFFD')
            {
                throw InputProblems.Create(field, Texts.Format(ImportText.ReplacementCharacter, field, i + 1), InputProblems.InvalidUtf8);
            }

            if (IsControl(c))
            {
                throw InputProblems.Create(field, Texts.Format(ImportText.ControlCharacter, field, ((int)c).ToString("X4", CultureInfo.InvariantCulture), i + 1), InputProblems.ControlCharacter);
            }
        }

        return value;
    }

    /// <summary>Whether a character is a refused control character (see the remarks).</summary>
    /// <param name="c">The character.</param>
    /// <returns><see langword="true"/> for U+0000–U+001F other than TAB, LF and CR, U+007F and U+0080–U+009F.</returns>
    public static bool IsControl(char c) => c is (< '\u0020' and not ('\t' or '\n' or '\r')) or (>= '\u007F' and <= '\u009F');

    /// <summary>Checks every field name and string value of a JSON document, and its dates.</summary>
    /// <param name="root">The document's root.</param>
    /// <param name="today">Today's business date in the district zone, or <see langword="null"/> to check only the
    /// earliest date.</param>
    /// <param name="zone">The district zone, for instants; <see langword="null"/> reads an instant's UTC date.</param>
    /// <exception cref="DomainValidationException">A name or value holds a control character or U+FFFD, a string is
    /// not valid UTF-16 text, or a date is out of range (the field is the JSON path).</exception>
    public static void Json(JsonElement root, LocalDate? today, DateTimeZone? zone = null) => Walk(root, string.Empty, null, today, zone ?? DateTimeZone.Utc);

    private static void Walk(JsonElement element, string path, string? name, LocalDate? today, DateTimeZone zone)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string field = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    Text(property.Name, path.Length == 0 ? "body" : path);
                    Walk(property.Value, field, property.Name, today, zone);
                }

                break;
            case JsonValueKind.Array:
                int index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, string.Create(CultureInfo.InvariantCulture, $"{(path.Length == 0 ? "body" : path)}[{index++}]"), name, today, zone);
                }

                break;
            case JsonValueKind.String:
                string field1 = path.Length == 0 ? "body" : path;
                string text;
                try
                {
                    text = element.GetString()!;
                }
                catch (InvalidOperationException)
                {
                    throw InputProblems.Create(field1, Texts.Format(ImportText.InvalidText, field1), InputProblems.InvalidUtf8);
                }

                Text(text, field1);
                Date(text, field1, name is not null && PastEventFields.Contains(name) ? today : null, zone);
                break;
        }
    }

    private static void Date(string text, string field, LocalDate? today, DateTimeZone zone)
    {
        if (!DateShape().IsMatch(text))
        {
            return;
        }

        if (text.Length == 10)
        {
            if (LocalDatePattern.Iso.Parse(text) is { Success: true } date)
            {
                PlausibleDate.Require(date.Value, field, today);
            }
        }
        else if (InstantPattern.ExtendedIso.Parse(text) is { Success: true } instant)
        {
            PlausibleDate.Require(instant.Value, field, zone, today);
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateShape();
}
